// Clicking on highlighted text selects the innermost span under the click: a speaker nested in a
// claim wins inside the speaker, the claim wins elsewhere in it, and a click outside every span
// deselects. The panel marks the selected span and the article outlines it.
import type { Page } from '@playwright/test';
import path from 'node:path';
import { SELECTED_HIGHLIGHT } from '../../renderer/highlights/highlight-styles';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { characterPoint, dragSelectPhrase } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';
import { highlightTexts } from './highlight-texts';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
const CLAIM = 'وزير الدفاع الأميركي، لويد أوستن، في بيان';
const SPEAKER = 'لويد أوستن';
const SOURCE = 'في بيان';
const OUTSIDE = 'الضربات الدقيقة';

test('a click on nested highlights selects the innermost span', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [fixturePath], CLAIM);
  await dismissBanner(page);
  const spans = page.getByTestId('span-list-item');
  for (const [phrase, key] of [[CLAIM, 'Digit1'], [SPEAKER, 'Digit2'], [SOURCE, 'Digit3']] as const) {
    await dragSelectPhrase(page, phrase);
    await page.keyboard.press(key);
  }
  await expect(spans).toHaveCount(3);
  // A span is listed once the server has saved it.

  const selected = page.locator('[data-testid="span-list-item"].is-selected');
  const expectSelected = async (label: string, text: string) => {
    await expect(selected).toHaveCount(1);
    await expect(selected).toHaveAttribute('data-label', label);
    await expect(selected.locator('.span-text')).toHaveText(text);
    await expect.poll(() => selectedHighlightTexts(page)).toEqual([text]);
  };

  await clickOn(page, SPEAKER, 6); // inside «أوستن»: inside both the claim and the speaker
  await expectSelected('speaker', SPEAKER);

  await clickOn(page, CLAIM, 6); // inside «الدفاع»: only the claim
  await expectSelected('claim', CLAIM);

  await clickOn(page, SOURCE, 5); // inside «بيان»: the source, nested in the claim too
  await expectSelected('source', SOURCE);

  await clickOn(page, OUTSIDE, 3);
  await expect(selected).toHaveCount(0);
  await expect.poll(() => selectedHighlightTexts(page)).toEqual([]);
});

/**
 * Clicks like a person, with the button held a moment: with a zero-length press (Playwright's
 * default) the app reads the caret before the browser's selectionchange for the press has reached
 * Lexical, and hit-tests the previous caret position instead.
 */
async function clickOn(page: Page, phrase: string, characterIndex: number): Promise<void> {
  const point = await characterPoint(page, phrase, characterIndex, 'middle');
  await page.mouse.click(point.x, point.y, { delay: 80 });
}

function selectedHighlightTexts(page: Page): Promise<string[]> {
  return highlightTexts(page, SELECTED_HIGHLIGHT);
}
