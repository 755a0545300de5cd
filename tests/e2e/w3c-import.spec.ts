// A W3C Web Annotation file chosen in the app's file picker together with the text it annotates
// (strike.txt for the source https://example.org/news/strike.txt): the document opens with its
// spans, in Arabic and in English; annotations whose text was not given import nothing and name it.
// Exported again as W3C from the dialog, one document downloads its annotations and its text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dismissBanner, startAsAnnotator } from './annotator-session';
import { expect, test } from './serve-fixture';

const SCREENS = process.env.ISNAD_SCREENS_DIR ?? path.resolve('..', 'screens-parse');
// An emoji first: W3C positions count code points, one less than UTF-16 units after it.
const TEXT = '😀 قال وزير الدفاع لويد أوستن إن الضربات «دفاعية» بحسب البيان.';
const SOURCE = 'https://example.org/news/strike.txt';

function annotation(id: string, label: string, phrase: string) {
  const start = [...TEXT.slice(0, TEXT.indexOf(phrase))].length;
  const target = { source: SOURCE, selector: [{ type: 'TextPositionSelector', start, end: start + [...phrase].length }, { type: 'TextQuoteSelector', exact: phrase }] };
  return { id: `${SOURCE}#${id}`, type: 'Annotation', motivation: 'tagging', body: { type: 'TextualBody', purpose: 'tagging', value: label }, target };
}

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-e2e-w3c-'));
  mkdirSync(SCREENS, { recursive: true });
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeFiles(withText: boolean): string[] {
  const page = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationPage',
    items: [annotation('a1', 'speaker', 'وزير الدفاع لويد أوستن'), annotation('a2', 'claim', 'الضربات «دفاعية»'), annotation('a3', 'source', 'البيان')],
  };
  writeFileSync(path.join(dir, 'annotations.jsonld'), JSON.stringify(page));
  writeFileSync(path.join(dir, 'strike.txt'), TEXT);
  return withText ? [path.join(dir, 'annotations.jsonld'), path.join(dir, 'strike.txt')] : [path.join(dir, 'annotations.jsonld')];
}

// The .txt goes through the format upload with the annotations (routeImportFiles), not to documents.import alone.
test('import W3C annotations with their text file: one document with its three spans', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'سارة');
  await page.getByTestId('import-input').setInputFiles(writeFiles(true));
  await expect(page.getByTestId('document-list-item')).toHaveCount(1);
  await expect(page.getByTestId('editor')).toContainText('لويد أوستن');
  await expect(page.getByTestId('span-list-item')).toHaveCount(3);
  await page.screenshot({ path: path.join(SCREENS, 'w3c-import-ar.png') });
  await dismissBanner(page);
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('span-list-item')).toHaveCount(3);
  await page.screenshot({ path: path.join(SCREENS, 'w3c-import-en.png') });
});

test('W3C annotations without their text import nothing and say which file to give', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'سارة');
  await page.getByTestId('import-input').setInputFiles(writeFiles(false));
  await expect(page.locator('.banner')).toContainText('give it beside the annotations as "strike.txt" (and 2 more annotations of that source)');
  await expect(page.getByTestId('document-list-item')).toHaveCount(0);
  await page.screenshot({ path: path.join(SCREENS, 'w3c-import-missing-text-ar.png') });
  await dismissBanner(page);
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('import-input').setInputFiles(writeFiles(false));
  await expect(page.locator('.banner')).toContainText('strike.txt');
  await page.screenshot({ path: path.join(SCREENS, 'w3c-import-missing-text-en.png') });
});

test('export one document as W3C from the dialog: its annotations and its text download together', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'سارة');
  await page.getByTestId('import-input').setInputFiles(writeFiles(true));
  await expect(page.getByTestId('span-list-item')).toHaveCount(3);
  await dismissBanner(page);
  for (const language of ['ar', 'en'] as const) {
    if (language === 'en') await page.getByTestId('language-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.getByTestId('export-dialog-button').click();
    await page.getByTestId('export-format').selectOption('webanno');
    await expect(page.getByTestId('export-dialog')).toContainText('isnad export --format webanno --out FOLDER');
    await page.screenshot({ path: path.join(SCREENS, `w3c-export-dialog-${language}.png`) });
    if (language === 'ar') await page.keyboard.press('Escape');
  }
  await page.getByTestId('export-scope-document').check();
  const downloads: { name: string; content: string }[] = [];
  page.on('download', async (download) => downloads.push({ name: download.suggestedFilename(), content: readFileSync((await download.path())!, 'utf8') }));
  await page.getByTestId('export-submit').click();
  await expect.poll(() => downloads.length).toBe(2);
  const byName = new Map(downloads.map((download) => [download.name.replace(/.*?(annotations\.jsonld|strike\.txt)$/u, '$1'), download.content]));
  expect(byName.get('strike.txt')).toBe(TEXT);
  const items = (JSON.parse(byName.get('annotations.jsonld')!) as { first: { items: { target: { source: string }; body: { value: string } }[] } }).first.items;
  expect(items.map((item) => item.body.value).sort()).toEqual(['claim', 'source', 'speaker']);
  expect(new Set(items.map((item) => item.target.source))).toEqual(new Set(['urn:isnad:document:strike']));
});
