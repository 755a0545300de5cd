// Importing by dragging files onto the window, changing a span's label from the panel, and
// exporting every document at once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { dismissBanner, exportIsnadJson, startAsAnnotator } from './annotator-session';
import { dragSelectPhrase } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';

const ARTICLES = ['pentagon-strikes-syria-ar.txt', 'ud-arabic-padt-assabah.20041020.0001-ar.txt'];

/** Drops real files on the article area the way a file manager does: dragenter, dragover, drop. */
async function dropFiles(page: Page, fileNames: string[]): Promise<void> {
  const files = fileNames.map((name) => ({ name, base64: readFileSync(path.join(fixturesDir, name)).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: 'text/plain' }));
    }
    return transfer;
  }, files);
  const target = page.locator('body');
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
}

test('drop two articles, relabel a span, export all', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'Omar');
  await dropFiles(page, ARTICLES);
  await expect(page.getByTestId('document-list-item')).toHaveCount(2);
  await dismissBanner(page);

  await page.getByTestId('document-list-item').filter({ hasText: 'واشنطن' }).click();
  await dragSelectPhrase(page, 'لويد أوستن');
  await page.keyboard.press('Digit2');
  const item = page.getByTestId('span-list-item');
  await expect(item).toHaveAttribute('data-label', 'speaker');
  await item.getByTestId('span-label-select').selectOption('source');
  await expect(item).toHaveAttribute('data-label', 'source');
  await page.reload();
  await expect(page.getByTestId('span-list-item')).toHaveAttribute('data-label', 'source');

  const exported = ExportFileV1.parse(JSON.parse(await exportIsnadJson(page, 'all')));
  expect(exported.documents).toHaveLength(2);
  const spans = exported.documents.flatMap((document) => document.spans);
  expect(spans).toEqual([expect.objectContaining({ label: 'source', text: 'لويد أوستن' })]);
});
