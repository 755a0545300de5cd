// Interchange formats in the browser: a brat pair (.txt + .ann) chosen in the file picker is
// uploaded in pieces and imported, then exported from the export dialog as doccano JSONL (UTF-16
// offsets) and brat (code points), checking the content; a doccano file with a bad line imports nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dismissBanner, startAsAnnotator } from './annotator-session';
import { expect, test } from './serve-fixture';

const SCREENS = process.env.ISNAD_SCREENS_DIR ?? path.resolve('test-results', 'formats-screens');
// An emoji first: brat counts code points, doccano UTF-16 code units, and they differ by one after it.
const TEXT = '😀 قال وزير الدفاع لويد أوستن إن الضربات «دفاعية» بحسب البيان.\nوأكد المتحدث Pat Ryder أن 900 جندي وصلوا.';
const codePoints = (offsetUtf16: number) => [...TEXT.slice(0, offsetUtf16)].length;
const utf16Of = (phrase: string) => [TEXT.indexOf(phrase), TEXT.indexOf(phrase) + phrase.length] as const;
const cpOf = (phrase: string) => utf16Of(phrase).map(codePoints);

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-e2e-formats-'));
  mkdirSync(SCREENS, { recursive: true });
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

function bratPair(): string[] {
  const [speakerStart, speakerEnd] = cpOf('وزير الدفاع لويد أوستن');
  const [claimStart, claimEnd] = cpOf('الضربات «دفاعية»');
  const [sourceStart, sourceEnd] = cpOf('البيان');
  writeFileSync(path.join(dir, 'defence.txt'), TEXT);
  writeFileSync(
    path.join(dir, 'defence.ann'),
    [
      `T1\tspeaker ${speakerStart} ${speakerEnd}\tوزير الدفاع لويد أوستن`,
      `T2\tclaim ${claimStart} ${claimEnd}\tالضربات «دفاعية»`,
      `T3\tsource ${sourceStart} ${sourceEnd}\tالبيان`,
      'R1\tsaid_by Arg1:T2 Arg2:T1',
      '',
    ].join('\n'),
  );
  return [path.join(dir, 'defence.txt'), path.join(dir, 'defence.ann')];
}

async function exportAs(page: Page, format: string): Promise<string[]> {
  await page.getByTestId('export-dialog-button').click();
  await page.getByTestId('export-format').selectOption(format);
  await page.getByTestId('export-scope-all').check();
  const downloads: string[] = [];
  page.on('download', async (download) => downloads.push(readFileSync((await download.path())!, 'utf8')));
  const first = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  await first;
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  await expect.poll(() => downloads.length).toBeGreaterThan(0);
  return downloads;
}

test('import a brat pair, then export doccano JSONL and brat with the same spans', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'سارة');
  await page.getByTestId('import-input').setInputFiles(bratPair());
  await expect(page.getByTestId('document-list-item')).toHaveCount(1);
  await expect(page.getByTestId('editor')).toContainText('لويد أوستن');
  await expect(page.getByTestId('span-list-item')).toHaveCount(3);
  await expect(page.locator('.banner')).toContainText('1');
  await dismissBanner(page);

  await page.getByTestId('export-dialog-button').click();
  await page.getByTestId('export-format').selectOption('conll');
  await expect(page.getByTestId('export-conll-labels')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'export-dialog-ar.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);

  const [doccano] = await exportAs(page, 'doccano');
  const record = JSON.parse(doccano!.trim()) as { text: string; label: [number, number, string][] };
  expect(record.text).toBe(TEXT);
  expect(record.label.map(([start, end, label]) => [label, record.text.slice(start, end)]).sort()).toEqual(
    [['claim', 'الضربات «دفاعية»'], ['source', 'البيان'], ['speaker', 'وزير الدفاع لويد أوستن']].sort(),
  );
  expect(record.label.find(([, , label]) => label === 'source')!.slice(0, 2)).toEqual([...utf16Of('البيان')]);
  await dismissBanner(page);

  const brat = await exportAs(page, 'brat');
  await expect.poll(() => brat.length).toBe(2);
  const ann = brat.find((content) => content.startsWith('T'))!;
  expect(ann).toContain(`source ${cpOf('البيان').join(' ')}\tالبيان`);
  expect(ann).toMatch(/^R1\tsaid_by Arg1:T\d Arg2:T\d$/mu);
});

test('a doccano file with an unknown label on line 2 imports nothing and says where', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'Sara');
  const file = path.join(dir, 'corpus.jsonl');
  writeFileSync(file, [JSON.stringify({ text: 'نص أول', label: [[0, 2, 'cue']] }), JSON.stringify({ text: 'نص ثان', label: [[0, 2, 'rumour']] })].join('\n'));
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('import-input').setInputFiles([file]);
  await expect(page.locator('.banner')).toContainText('corpus.jsonl, line 2');
  await expect(page.locator('.banner')).toContainText('rumour');
  await expect(page.getByTestId('document-list-item')).toHaveCount(0);
  await page.screenshot({ path: path.join(SCREENS, 'bad-doccano-en.png') });
  await dismissBanner(page);
  await page.getByTestId('import-input').setInputFiles(bratPair());
  await expect(page.getByTestId('span-list-item')).toHaveCount(3);
  await dismissBanner(page);
  await page.getByTestId('export-dialog-button').click();
  await page.getByTestId('export-layers-chosen').check();
  await page.screenshot({ path: path.join(SCREENS, 'export-dialog-en.png') });
});

test('a large JSONL corpus uploads in pieces with its progress on the import button', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'سارة');
  // 12 MB in 4 MB pieces; each piece is held back a little so that the progress can be seen. The bulk
  // is in each record's "meta" (kept out of the database), so the test measures the upload, not the editor.
  const line = (index: number) => JSON.stringify({ id: `big-${index}`, text: `${index}: قال الوزير إن الاتفاق سيوقع غدا.`, meta: { padding: 'قال الوزير '.repeat(25_000) } });
  const file = path.join(dir, 'big.jsonl');
  writeFileSync(file, Array.from({ length: 24 }, (_, index) => line(index)).join('\n'));
  // Pieces go as raw bytes to PUT /upload in browser mode (the Electron IPC sends imports.append).
  await page.route('**/upload?**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await page.getByTestId('import-input').setInputFiles([file]);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('import-button')).toContainText(/جارٍ الرفع \d+٪/u);
  await page.getByTestId('import-button').screenshot({ path: path.join(SCREENS, 'import-progress-ar.png') });
  await expect(page.locator('.banner')).toContainText('24', { timeout: 30_000 });
  await expect(page.getByTestId('document-list-item')).toHaveCount(24);
  await expect(progress).toHaveCount(0);
});
