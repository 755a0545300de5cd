// Steps most end-to-end specs share: open the app as a named annotator, import files and open one,
// read back the article as the user sees it (one paragraph element per line), export Isnad JSON.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './serve-fixture';

export async function startAsAnnotator(page: Page, url: string, name = 'Tester'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('annotator-name-input').fill(name);
  await page.getByTestId('annotator-name-submit').click();
  await expect(page.getByTestId('annotator-name-input')).toHaveCount(0);
}

/** Imports the files into an empty workspace and waits until the first of them is open in the editor. */
export async function importAndOpen(page: Page, filePaths: string[], expectedText: string): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(filePaths);
  await expect(page.getByTestId('document-list-item')).toHaveCount(filePaths.length);
  await expect(page.getByTestId('editor')).toContainText(expectedText);
}

/**
 * The article text as displayed: each paragraph's text joined with "\n". This does not go through
 * innerText or Lexical's getTextContent, which add their own separators between paragraphs.
 */
export function displayedArticleText(page: Page): Promise<string> {
  return page.getByTestId('editor').evaluate((editor) =>
    [...editor.querySelectorAll(':scope > p')].map((paragraph) => paragraph.textContent ?? '').join('\n'),
  );
}

/** Closes the banner if one is showing (import confirmations would otherwise cover the toolbar). */
export async function dismissBanner(page: Page): Promise<void> {
  const close = page.locator('.banner-close');
  if ((await close.count()) > 0) await close.click();
  await expect(close).toHaveCount(0);
}

/** Exports Isnad JSON through the header's "Export…" dialog, for this document or all; returns the downloaded file's text. */
export async function exportIsnadJson(page: Page, scope: 'document' | 'all'): Promise<string> {
  await page.getByTestId('export-dialog-button').click();
  await page.getByTestId('export-format').selectOption('isnad');
  await page.getByTestId(`export-scope-${scope}`).check();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  const filePath = await (await download).path();
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  return readFileSync(filePath, 'utf8');
}
