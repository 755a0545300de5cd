// The annotator's path end to end in Debian's Chromium against `isnad serve`: import the seed
// article, tag with a real mouse drag and the physical-key shortcuts, reload, delete, export (Isnad
// JSON of this document, through the header's "Export…" dialog).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { canonicalizeText } from '../../shared/text/canonical-text';
import { exportIsnadJson } from './annotator-session';
import { dragSelectPhrase } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
const SPEAKER = 'وزارة الدفاع الأميركية "البنتاغون"';
const CLAIM = 'البنتاغون"، في وقت متأخر الخميس، أن القوات الأميركية';

test('annotate the seed article: tag, overlap, reload, delete, export', async ({ page, isnad }) => {
  await page.goto(isnad.url);
  await page.getByTestId('annotator-name-input').fill('Layla');
  await page.getByTestId('annotator-name-submit').click();

  await page.getByTestId('import-input').setInputFiles(fixturePath);
  const documentItem = page.getByTestId('document-list-item');
  await expect(documentItem).toHaveCount(1);
  await documentItem.click();
  await expect(page.getByTestId('editor')).toContainText(SPEAKER);

  await dragSelectPhrase(page, SPEAKER);
  await page.keyboard.press('Digit2');
  const spans = page.getByTestId('span-list-item');
  await expect(spans).toHaveCount(1);
  await expect(spans.first()).toHaveAttribute('data-label', 'speaker');
  await expect(spans.first()).toContainText(SPEAKER);

  await dragSelectPhrase(page, CLAIM);
  await page.keyboard.press('Digit1');
  await expect(spans).toHaveCount(2);
  await expect(page.locator('[data-testid="span-list-item"][data-label="claim"]')).toContainText('القوات الأميركية');

  // Both labels are painted with the CSS Custom Highlight API (no wrapper elements in the text).
  const highlightSizes = () =>
    page.evaluate(() => ({ speaker: CSS.highlights.get('isnad-speaker')?.size ?? 0, claim: CSS.highlights.get('isnad-claim')?.size ?? 0 }));
  expect(await highlightSizes()).toEqual({ speaker: 1, claim: 1 });
  await page.screenshot({ path: 'test-results/annotate-two-spans.png' });

  await page.reload();
  await expect(spans).toHaveCount(2);
  expect(await highlightSizes()).toEqual({ speaker: 1, claim: 1 });

  const claimItem = page.locator('[data-testid="span-list-item"][data-label="claim"]');
  await claimItem.getByTestId('span-delete-button').click();
  await expect(spans).toHaveCount(1);
  await page.reload();
  await expect(spans).toHaveCount(1);

  const exported = ExportFileV1.parse(JSON.parse(await exportIsnadJson(page, 'document')));

  const canonical = canonicalizeText(readFileSync(fixturePath, 'utf8'));
  const expectedSha = createHash('sha256').update(canonical, 'utf8').digest('hex');
  expect(exported.documents).toHaveLength(1);
  const [document] = exported.documents;
  expect(document!.sha256).toBe(expectedSha);
  expect(document!.text).toBe(canonical);
  expect(exported.annotators.map((a) => a.name)).toEqual(['Layla']);
  expect(document!.spans).toHaveLength(1);
  const [span] = document!.spans;
  const startUtf16 = canonical.indexOf(SPEAKER);
  expect(span).toMatchObject({ label: 'speaker', text: SPEAKER, startUtf16, endUtf16: startUtf16 + SPEAKER.length });
  // Code-point offsets: count the code points before the span (the fixture is all in the BMP, so they coincide,
  // but they are computed independently here).
  expect(span!.start).toBe([...canonical.slice(0, startUtf16)].length);
  expect(span!.end - span!.start).toBe([...SPEAKER].length);
});
