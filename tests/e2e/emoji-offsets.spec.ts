// Offsets through the whole stack when the text has characters outside the BMP: two emoji (two
// UTF-16 code units each) before a word tagged with the mouse make the exported code-point offsets
// differ from the UTF-16 ones by exactly 2, and both slice out the same text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { dismissBanner, exportIsnadJson, importAndOpen, startAsAnnotator } from './annotator-session';
import { dragSelectPhrase } from './select-text';
import { expect, test } from './serve-fixture';
import { highlightTexts } from './highlight-texts';

const TEXT = '🙂🙂 قال المتحدث إن الوضع مستقر\n';
const SPEAKER = 'المتحدث';

test('a span after emoji exports code-point and UTF-16 offsets that both slice its text', async ({ page, isnad }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isnad-emoji-'));
  try {
    const filePath = path.join(dir, 'emoji.txt');
    writeFileSync(filePath, TEXT, 'utf8');
    await startAsAnnotator(page, isnad.url);
    await importAndOpen(page, [filePath], SPEAKER);
    await dismissBanner(page);

    await dragSelectPhrase(page, SPEAKER);
    await page.keyboard.press('Digit2');
    const span = page.getByTestId('span-list-item');
    await expect(span).toHaveCount(1);
    await expect(span.locator('.span-text')).toHaveText(SPEAKER);
    // The highlight on screen covers exactly the word (DOM ranges are in UTF-16 units).
    expect(await highlightTexts(page, 'isnad-speaker')).toEqual([SPEAKER]);

    const exported = ExportFileV1.parse(JSON.parse(await exportIsnadJson(page, 'document')));
    const [exportedDocument] = exported.documents;
    expect(exportedDocument?.text).toBe(TEXT);
    expect(exportedDocument?.spans).toHaveLength(1);
    const exportedSpan = exportedDocument!.spans[0]!;

    const startUtf16 = TEXT.indexOf(SPEAKER);
    expect(exportedSpan).toMatchObject({ label: 'speaker', text: SPEAKER, startUtf16, endUtf16: startUtf16 + SPEAKER.length });
    expect(exportedSpan.startUtf16 - exportedSpan.start).toBe(2);
    expect(exportedSpan.endUtf16 - exportedSpan.end).toBe(2);
    expect(TEXT.slice(exportedSpan.startUtf16, exportedSpan.endUtf16)).toBe(exportedSpan.text);
    expect([...TEXT].slice(exportedSpan.start, exportedSpan.end).join('')).toBe(exportedSpan.text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
