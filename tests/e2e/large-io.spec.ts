// Large imports and exports in the browser: ten plain-text articles of about 500 KB each and a JSONL
// corpus of 150 documents imported through the file input (the count, the first article open, the
// document list shown as a window), then every document exported from the export dialog as one
// streamed download (GET /export) whose content is checked line by line. No timings: speed is benched.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dismissBanner, startAsAnnotator } from './annotator-session';
import { expect, fixturesDir, test } from './serve-fixture';

const SCREENS = process.env.ISNAD_SCREENS_DIR ?? path.resolve('test-results', 'large-io-screens');
const ARTICLES = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('-ar.txt'))
  .map((name) => readFileSync(path.join(fixturesDir, name), 'utf8').replace(/\r\n?/gu, '\n').trim());

/** A long article: a numbered heading, then real articles repeated up to about `bytes` of UTF-8. */
function longArticle(index: number, bytes: number): string {
  const parts = [`مقال طويل رقم ${index + 1}`];
  let size = Buffer.byteLength(parts[0]!);
  for (let k = index; size < bytes; k++) {
    const article = ARTICLES[k % ARTICLES.length]!;
    parts.push(article);
    size += Buffer.byteLength(article) + 1;
  }
  return parts.join('\n');
}

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-e2e-large-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('large articles and a corpus import through the app; all documents export as one streamed file', async ({ page, isnad }) => {
  test.setTimeout(180_000);
  await startAsAnnotator(page, isnad.url, 'سارة');
  const texts = Array.from({ length: 10 }, (_, index) => longArticle(index, 500_000));
  const files = texts.map((text, index) => {
    const file = path.join(dir, `long-${String(index + 1).padStart(2, '0')}.txt`);
    writeFileSync(file, text);
    return file;
  });
  await page.getByTestId('import-input').setInputFiles(files);
  await expect(page.getByTestId('document-count')).toHaveText('10', { timeout: 60_000 });
  await expect(page.getByTestId('editor')).toContainText('مقال طويل رقم 1');
  // The last paragraph of the first article is there too: the whole text was imported and shown.
  await expect(page.getByTestId('editor').locator('p').last()).toHaveText(texts[0]!.split('\n').at(-1)!);
  await dismissBanner(page);

  const corpus = path.join(dir, 'corpus.jsonl');
  const records = Array.from({ length: 150 }, (_, index) => ({ id: `c-${index}`, title: `خبر ${index + 1}`, text: `${index + 1}. ${ARTICLES[index % ARTICLES.length]!}` }));
  writeFileSync(corpus, records.map((record) => JSON.stringify(record)).join('\n'));
  await page.getByTestId('import-input').setInputFiles([corpus]);
  await expect(page.getByTestId('document-count')).toHaveText('160', { timeout: 60_000 });
  // 160 documents: the list shows a window of them and offers the rest.
  await expect(page.getByTestId('document-list-item')).toHaveCount(40);
  await expect(page.getByTestId('document-list-more')).toContainText('120');
  // Scrolling to the end of the list brings the next ones.
  await page.getByTestId('document-list-more').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('document-list-item')).toHaveCount(80);
  await dismissBanner(page);

  await page.getByTestId('export-dialog-button').click();
  await page.getByTestId('export-format').selectOption('jsonl');
  await page.getByTestId('export-scope-all').check();
  await page.screenshot({ path: path.join(SCREENS, 'export-all-dialog-ar.png') });
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('corpus.jsonl');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  await expect(page.locator('.banner')).toContainText('يكتب الخادم الملف');
  await page.screenshot({ path: path.join(SCREENS, 'export-all-started-ar.png') });
  const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { title: string; text: string });
  expect(lines).toHaveLength(160);
  expect(lines.slice(0, 10).map((line) => line.text)).toEqual(texts);
  expect(lines.slice(10).map((line) => line.title)).toEqual(records.map((record) => record.title));
  expect(lines.at(-1)!.text).toBe(records.at(-1)!.text);
});

test('in English, the streamed export of every document says so', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'Sara');
  await page.getByTestId('language-toggle').click();
  const file = path.join(dir, 'pentagon.txt');
  writeFileSync(file, ARTICLES[0]!);
  await page.getByTestId('import-input').setInputFiles([file]);
  await expect(page.getByTestId('document-count')).toHaveText('1');
  await dismissBanner(page);
  await page.getByTestId('export-dialog-button').click();
  await page.getByTestId('export-scope-all').check();
  await page.screenshot({ path: path.join(SCREENS, 'export-all-dialog-en.png') });
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('isnad-export.json');
  await expect(page.locator('.banner')).toContainText('the server writes the file as it goes');
  await page.screenshot({ path: path.join(SCREENS, 'export-all-started-en.png') });
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; documents: { text: string }[] };
  expect(exported.format).toBe('isnad');
  expect(exported.documents.map((document) => document.text)).toEqual([ARTICLES[0]!.normalize('NFC')]);
});
