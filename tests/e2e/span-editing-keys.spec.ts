// Editing the selected span from the keyboard: X drops a leading attached particle, [ and ] move
// its start, Shift+[ and Shift+] its end (by a word with Alt), Tab and Shift+Tab step through the
// spans in reading order, and ? opens the shortcut help that Escape closes.
import type { Page } from '@playwright/test';
import path from 'node:path';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { dragSelectPhrase } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');

test('clitics, boundary keys, Tab through spans, help overlay', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [fixturePath], 'والدفاع');
  await dismissBanner(page);
  const selectedText = page.locator('[data-testid="span-list-item"].is-selected .span-text');

  await dragSelectPhrase(page, 'أوستن');
  await page.keyboard.press('Digit2');
  await dragSelectPhrase(page, 'والدفاع');
  await page.keyboard.press('Digit2');
  await expect(selectedText).toHaveText('والدفاع');
  await expectSaved(page);

  await page.keyboard.press('KeyX');
  await expect(selectedText).toHaveText('الدفاع');
  await page.keyboard.press('BracketRight');
  await expect(selectedText).toHaveText('لدفاع');
  await page.keyboard.press('BracketLeft');
  await expect(selectedText).toHaveText('الدفاع');
  await page.keyboard.press('Alt+Shift+BracketRight');
  await expect(selectedText).toHaveText('الدفاع عن');
  await page.keyboard.press('Shift+BracketLeft');
  await expect(selectedText).toHaveText('الدفاع ع');
  await page.keyboard.press('Alt+Shift+BracketLeft');
  await expect(selectedText).toHaveText('الدفاع');
  await expectSaved(page);

  await page.keyboard.press('Shift+Tab');
  await expect(selectedText).toHaveText('أوستن');
  await page.keyboard.press('Tab');
  await expect(selectedText).toHaveText('الدفاع');

  await page.keyboard.press('Shift+Slash');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expect(page.getByTestId('help-overlay')).toContainText('Ctrl+Shift+Z');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);

  await page.reload();
  await expect(page.locator('[data-testid="span-list-item"] .span-text')).toHaveText(['أوستن', 'الدفاع']);
});

/** Waits until no optimistic change is still on its way to the server. */
async function expectSaved(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}
