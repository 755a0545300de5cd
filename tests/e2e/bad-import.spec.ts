// Files that are not UTF-8 text are refused with a banner naming the file, and the document list
// stays as it was (also after a reload). A file over the size limit is refused by the window
// itself, before anything is uploaded, with the limit stated.
import type { Page, Request } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ar } from '../../renderer/i18n/ar';
import { MAX_IMPORT_BYTES } from '../../shared/rpc/contract';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { expect, fixturesDir, test } from './serve-fixture';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');

let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-bad-import-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTempFile(name: string, bytes: Uint8Array | string): string {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, bytes);
  return filePath;
}

function isImportRequest(request: Request): boolean {
  if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/rpc')) return false;
  return (request.postData() ?? '').startsWith('{"method":"documents.import"');
}

async function documentTitles(page: Page): Promise<string[]> {
  return page.getByTestId('document-list-item').locator('.document-title').allTextContents();
}

test('non-UTF-8, empty and binary files are refused by name and change nothing', async ({ page, isnad }) => {
  const badFiles = [
    // Arabic saved by an old Windows editor (windows-1256): «قال الوزير إن الوضع مستقر».
    {
      name: 'بيان-ويندوز.txt',
      bytes: Uint8Array.from([0xde, 0xc7, 0xe1, 0x20, 0xc7, 0xe1, 0xe6, 0xd2, 0xed, 0xd1, 0x20, 0xc5, 0xe4, 0x20, 0xc7, 0xe1, 0xe6, 0xd6, 0xda, 0x20, 0xe3, 0xd3, 0xca, 0xde, 0xd1, 0x0a]),
    },
    { name: 'empty.txt', bytes: new Uint8Array() },
    // The start of a PNG file, renamed .txt.
    { name: 'photo.txt', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]) },
  ];

  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [fixturePath], 'أعلنت وزارة الدفاع');
  await dismissBanner(page);
  const titlesBefore = await documentTitles(page);
  expect(titlesBefore).toHaveLength(1);

  const banner = page.getByTestId('error-banner');
  for (const file of badFiles) {
    await test.step(file.name, async () => {
      const filePath = writeTempFile(file.name, file.bytes);
      await page.getByTestId('import-input').setInputFiles(filePath);
      await expect(banner).toBeVisible();
      await expect(banner).toContainText(ar.errors.INVALID_FILE);
      await expect(banner).toContainText(file.name);
      expect(await documentTitles(page)).toEqual(titlesBefore);
      await dismissBanner(page);
    });
  }

  await page.reload();
  await expect(page.getByTestId('document-list-item')).toHaveCount(titlesBefore.length);
  expect(await documentTitles(page)).toEqual(titlesBefore);
  await expect(page.getByTestId('editor')).toContainText('أعلنت وزارة الدفاع');
});

test('a file over the size limit is refused before it is uploaded, with the limit stated', async ({ page, isnad }) => {
  const name = 'too-large.txt';
  // Valid UTF-8 text, one byte over the limit: only its size is wrong.
  const filePath = writeTempFile(name, 'a'.repeat(MAX_IMPORT_BYTES + 1));
  const importRequests: Request[] = [];
  page.on('request', (request) => {
    if (isImportRequest(request)) importRequests.push(request);
  });

  await startAsAnnotator(page, isnad.url);
  await page.getByTestId('import-input').setInputFiles(filePath);
  const banner = page.getByTestId('error-banner');
  const limitMegabytes = MAX_IMPORT_BYTES / (1024 * 1024);
  await expect(banner).toContainText(ar.import.tooLarge.replace('{{name}}', name).replace('{{max}}', String(limitMegabytes)));
  await expect(page.getByTestId('document-list-item')).toHaveCount(0);
  expect(importRequests).toHaveLength(0);

  // The same window still imports a good file afterwards (and that one does go to the server).
  await dismissBanner(page);
  await importAndOpen(page, [fixturePath], 'أعلنت وزارة الدفاع');
  expect(importRequests).toHaveLength(1);
});
