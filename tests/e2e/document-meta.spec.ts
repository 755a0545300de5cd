// A JSONL corpus line's metadata (source, URL, date, tags) comes with its document: folded beside the
// document's length, opened into a list of keys and values in Arabic and English; a document
// imported without metadata shows nothing; the metadata is in the Isnad JSON export.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dismissBanner, exportIsnadJson, startAsAnnotator } from './annotator-session';
import { expect, test } from './serve-fixture';

const SCREENS = process.env.ISNAD_SCREENS_DIR ?? path.resolve('test-results', 'document-meta-screens');
const TEXT = 'واشنطن: القوات الأميركية تقصف منشأتين للحرس الثوري الإيراني شرق سوريا\nأعلنت وزارة الدفاع الأميركية أن القوات وجهت ضربات.';
const META = { source: 'الحرة', url: 'https://www.alhurra.com/syria/2023/10/27/strikes', date: '2023-10-27', tags: ['سوريا', 'البنتاغون'], page: 2, review: { checked: true } };

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-e2e-meta-'));
  mkdirSync(SCREENS, { recursive: true });
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a corpus document shows the metadata it came with, in Arabic and in English, and exports it', async ({ page, isnad }) => {
  const corpus = path.join(dir, 'corpus.jsonl');
  writeFileSync(corpus, `${JSON.stringify({ id: 'alhurra-1', title: 'ضربات شرق سوريا', text: TEXT, meta: META })}\n${JSON.stringify({ id: 'bare', text: 'نص بلا بيانات وصفية.' })}\n`);
  await startAsAnnotator(page, isnad.url, 'سارة');
  await page.getByTestId('import-input').setInputFiles([corpus]);
  await expect(page.getByTestId('document-list-item')).toHaveCount(2);
  await dismissBanner(page);

  await page.getByTestId('document-list-item').filter({ hasText: 'ضربات شرق سوريا' }).click();
  const details = page.getByTestId('document-meta');
  await expect(details.locator('summary')).toHaveText('البيانات الوصفية (6)');
  await expect(details.locator('dl')).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('dt')).toHaveText(['source', 'url', 'date', 'tags', 'page', 'review']);
  await expect(details.locator('dd')).toHaveText(['الحرة', META.url, '2023-10-27', 'سوريا, البنتاغون', '2', '{"checked":true}']);
  // A URL is text, not a link: the app never navigates away.
  await expect(details.locator('a')).toHaveCount(0);
  await page.screenshot({ path: path.join(SCREENS, 'document-meta-ar.png') });

  await page.getByTestId('language-toggle').click();
  await expect(details.locator('summary')).toHaveText('Metadata (6)');
  await page.screenshot({ path: path.join(SCREENS, 'document-meta-en.png') });

  const exported = JSON.parse(await exportIsnadJson(page, 'document')) as { documents: { meta?: unknown }[] };
  expect(exported.documents[0]!.meta).toEqual(META);

  await page.getByTestId('document-list-item').filter({ hasText: 'نص بلا بيانات وصفية' }).click();
  await expect(page.getByTestId('editor')).toContainText('نص بلا بيانات وصفية');
  await expect(page.getByTestId('document-meta')).toHaveCount(0);
});
