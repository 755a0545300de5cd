// The first example, keyboard only after one click to place the caret: tag a speaker, a cue
// and a claim with Shift+arrows and digit keys, link them with S and C (Tab/Enter pick the span),
// set the claim type with A, then undo and redo the last link, and check that frames, attributes and
// the undo history all survive a reload.
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { characterPoint } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';
import { highlightTexts } from './highlight-texts';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
const SPEAKER = 'وزارة الدفاع الأميركية "البنتاغون"';
const CUE = 'أعلنت';
const CLAIM = 'القوات الأميركية وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني في شرق سوريا';

test('keyboard only: tag, link with S and C, set claimType, undo/redo the last link, reload', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [fixturePath], CLAIM);
  await dismissBanner(page);

  await selectWithKeyboard(page, SPEAKER);
  await page.keyboard.press('Digit2');
  await selectWithKeyboard(page, `${CUE} وزارة`, CUE.length);
  await page.keyboard.press('Digit4');
  await selectWithKeyboard(page, CLAIM);
  await page.keyboard.press('Digit1');

  const frame = page.getByTestId('claim-frame');
  await expect(frame).toHaveCount(1);
  await expect(frame.locator('.frame-claim-text')).toHaveText(CLAIM);
  // A new claim names nobody yet, and says so.
  await expect(frame.getByTestId('frame-unattributed')).toBeVisible();
  await expect(slot(frame, 'said_by').getByTestId('frame-missing')).toBeVisible();
  await expect(page.locator('[data-testid="span-list-item"].is-selected')).toHaveAttribute('data-label', 'claim');

  // S: linking mode on the nearest speaker; Enter links it.
  await page.keyboard.press('KeyS');
  await expect(page.getByTestId('linking-bar')).toBeVisible();
  await expect.poll(() => highlightTexts(page, 'isnad-link-candidate')).toEqual([SPEAKER]);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('linking-bar')).toHaveCount(0);
  await expect(slot(frame, 'said_by').locator('.frame-link-text')).toHaveText(SPEAKER);
  await expect(frame.getByTestId('frame-unattributed')).toHaveCount(0);

  // A: the first attribute (claim type); arrows choose, Escape hands the keys back.
  await page.keyboard.press('KeyA');
  const claimType = page.getByTestId('attribute-claimType');
  await expect(claimType).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(claimType).toHaveValue('indirect_quote');
  await expect(frame.locator('[data-testid="frame-attribute"][data-attribute="claimType"]')).toHaveText(/اقتباس غير مباشر/);
  await page.keyboard.press('Escape');
  await expect(claimType).not.toBeFocused();

  // C, with Tab and Shift+Tab going round the only candidate, then Enter.
  await page.keyboard.press('KeyC');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => highlightTexts(page, 'isnad-link-candidate')).toEqual([CUE]);
  await page.keyboard.press('Enter');
  await expect(slot(frame, 'cued_by').locator('.frame-link-text')).toHaveText(CUE);

  // Undo takes the cue link away, redo brings it back; the buttons follow.
  await expect(page.getByTestId('redo-button')).toBeDisabled();
  await page.keyboard.press('Control+KeyZ');
  await expect(slot(frame, 'cued_by').getByTestId('frame-missing')).toBeVisible();
  await expect(slot(frame, 'said_by').locator('.frame-link-text')).toHaveText(SPEAKER);
  await expect(page.getByTestId('redo-button')).toBeEnabled();
  await page.keyboard.press('Control+Shift+KeyZ');
  await expect(slot(frame, 'cued_by').locator('.frame-link-text')).toHaveText(CUE);
  await expect(page.getByTestId('redo-button')).toBeDisabled();

  await page.reload();
  await expect(frame).toHaveCount(1);
  await expect(slot(frame, 'said_by').locator('.frame-link-text')).toHaveText(SPEAKER);
  await expect(slot(frame, 'cued_by').locator('.frame-link-text')).toHaveText(CUE);
  await expect(frame.locator('[data-testid="frame-attribute"][data-attribute="claimType"]')).toHaveText(/اقتباس غير مباشر/);
  await expect(page.getByTestId('undo-button')).toBeEnabled();

  // The history is stored with the data: undo after the reload still removes the last link.
  await page.keyboard.press('Control+KeyZ');
  await expect(slot(frame, 'cued_by').getByTestId('frame-missing')).toBeVisible();
  await expect(page.locator('[data-testid="span-list-item"][data-label="cue"]')).toHaveCount(1);
  await page.keyboard.press('Control+KeyY');
  await expect(slot(frame, 'cued_by').locator('.frame-link-text')).toHaveText(CUE);
});

function slot(frame: Locator, relationType: string): Locator {
  return frame.locator(`[data-testid="frame-slot"][data-relation-type="${relationType}"]`);
}

/**
 * One click puts the caret before `phrase`; Shift+ArrowLeft (forward in right-to-left text) then
 * selects `length` characters of it.
 */
async function selectWithKeyboard(page: Page, phrase: string, length = phrase.length): Promise<void> {
  const point = await characterPoint(page, phrase, 0, 'before');
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('editor')).toBeFocused();
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowLeft');
  const wanted = phrase.slice(0, length);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(wanted);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

