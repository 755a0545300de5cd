// Tagging without the mouse: Shift+arrows select a word in the right-to-left article, a digit key
// tags it (matched on the physical key, so an Arabic keyboard layout works too), and in the span
// panel Enter selects a span, Escape deselects it and Delete removes it.
import type { Page } from '@playwright/test';
import path from 'node:path';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { characterPoint } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
// «قال باتريك رايدر،»: the word after the one being tagged starts with «ر».
const SOURCE_WORD = 'باتريك';
const CLAIM_WORD = 'أوستن';

test('select with Shift+arrows, tag with digit keys on any layout, deselect and delete from the keyboard', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [fixturePath], SOURCE_WORD);
  await dismissBanner(page);
  const spans = page.getByTestId('span-list-item');

  // One click puts the caret before the word; everything after is keyboard.
  await clickBefore(page, SOURCE_WORD);
  // In right-to-left text ArrowLeft moves forward. Go two characters too far («ر» after the space),
  // then come back with Shift+ArrowRight.
  for (let i = 0; i < SOURCE_WORD.length + 2; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expectSelectedText(page, SOURCE_WORD);
  await page.keyboard.press('Digit3');
  await expect(spans).toHaveCount(1);
  await expect(spans.first()).toHaveAttribute('data-label', 'source');
  await expect(spans.first().locator('.span-text')).toHaveText(SOURCE_WORD);
  await expect.poll(() => highlightCount(page, 'isnad-source')).toBe(1);

  // An Arabic layout: the key in the Digit1 position types «ذ», not "1"; the shortcut must still fire.
  await clickBefore(page, CLAIM_WORD);
  for (let i = 0; i < CLAIM_WORD.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expectSelectedText(page, CLAIM_WORD);
  const defaultPrevented = await page.evaluate(() => {
    const event = new KeyboardEvent('keydown', { key: 'ذ', code: 'Digit1', bubbles: true, cancelable: true, composed: true });
    (document.activeElement ?? document.body).dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(defaultPrevented).toBe(true);
  const claim = page.locator('[data-testid="span-list-item"][data-label="claim"]');
  await expect(claim).toHaveCount(1);
  await expect(claim.locator('.span-text')).toHaveText(CLAIM_WORD);
  await expect(spans).toHaveCount(2);

  // In the panel: Enter selects a span, Escape deselects it.
  const source = page.locator('[data-testid="span-list-item"][data-label="source"]');
  const selected = page.locator('[data-testid="span-list-item"].is-selected');
  await source.locator('.span-main').focus();
  await page.keyboard.press('Enter');
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAttribute('data-label', 'source');
  await expect(source.locator('.span-main')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(selected).toHaveCount(0);
  await expect(source.locator('.span-main')).toHaveAttribute('aria-pressed', 'false');

  // Delete removes the selected span (and only it), for good.
  await page.keyboard.press('Enter');
  await expect(selected).toHaveAttribute('data-label', 'source');
  await page.keyboard.press('Delete');
  await expect(source).toHaveCount(0);
  await expect(spans).toHaveCount(1);
  await expect.poll(() => highlightCount(page, 'isnad-source')).toBe(0);
  await page.reload();
  await expect(claim).toHaveCount(1);
  await expect(spans).toHaveCount(1);
});

/**
 * The selection the user sees, then a frame: the editor learns of a selection change from the
 * asynchronous selectionchange event, which a person's next key press never overtakes but a key
 * event dispatched by script can.
 */
async function expectSelectedText(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(text);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

async function clickBefore(page: Page, phrase: string): Promise<void> {
  const point = await characterPoint(page, phrase, 0, 'before');
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('editor')).toBeFocused();
}

function highlightCount(page: Page, name: string): Promise<number> {
  return page.evaluate((highlightName) => CSS.highlights.get(highlightName)?.size ?? 0, name);
}
