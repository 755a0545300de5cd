// The article is never edited: typing, Enter, Backspace, Delete, cut, paste, Ctrl+B, inserted text
// and an IME composition in the editor leave the displayed text exactly the imported text, and no
// stray key creates a span. Selection and copy keep working.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ar } from '../../renderer/i18n/ar';
import { canonicalizeText } from '../../shared/text/canonical-text';
import { dismissBanner, displayedArticleText, importAndOpen, startAsAnnotator } from './annotator-session';
import { characterPoint, dragSelectPhrase } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
const CARET_PHRASE = 'لويد أوستن';
const SPEAKER = 'باتريك رايدر';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('keys, clipboard and IME input leave the article text unchanged', async ({ page, isnad }) => {
  const canonical = canonicalizeText(readFileSync(fixturePath, 'utf8'));
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [fixturePath], SPEAKER);
  await dismissBanner(page);
  expect(await displayedArticleText(page)).toBe(canonical);

  // Control: in an ordinary text field of the same page these keys do edit (so the checks below can fail).
  await page.evaluate(() => navigator.clipboard.writeText('PASTED'));
  const probe = await page.evaluateHandle(() => {
    const field = document.createElement('textarea');
    document.body.append(field);
    field.focus();
    return field;
  });
  await page.keyboard.type('ab');
  await page.keyboard.press('Control+v');
  await page.keyboard.insertText('!');
  expect(await probe.evaluate((field) => (field as HTMLTextAreaElement).value)).toBe('abPASTED!');
  await probe.evaluate((field) => (field as HTMLTextAreaElement).remove());

  // Put the caret inside a word of the article, as an annotator would.
  await caretBackInto(page);

  await page.keyboard.type('abc ابت');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+Backspace');
  // With a selection: typing over it, deleting it, cutting it, pasting over it, making it bold.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+x');
  await page.keyboard.press('Control+v');
  await page.keyboard.press('Control+b');
  await page.keyboard.insertText('INSERTED');
  await page.keyboard.press('Tab');
  await caretBackInto(page);
  await page.keyboard.press('Control+z');

  // IME: a composition cannot be cancelled by the page, so the editor must put the text back.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'كتابة', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.insertText', { text: 'كتابة' });

  await expect.poll(() => displayedArticleText(page)).toBe(canonical);
  await expect(page.getByTestId('span-list-item')).toHaveCount(0);

  // A label key with nothing selected creates no span and says why.
  await caretBackInto(page);
  await page.keyboard.press('Digit1');
  await expect(page.getByTestId('error-banner')).toContainText(ar.errors.nothingSelected);
  await expect(page.getByTestId('span-list-item')).toHaveCount(0);
  await dismissBanner(page);

  // Copy still works, and the editor still maps selections onto the unchanged text.
  await dragSelectPhrase(page, SPEAKER);
  await page.keyboard.press('Control+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SPEAKER);
  await page.keyboard.press('Digit2');
  const spans = page.getByTestId('span-list-item');
  await expect(spans).toHaveCount(1);
  await expect(spans.first().locator('.span-text')).toHaveText(SPEAKER);

  await page.reload();
  await expect(spans).toHaveCount(1);
  expect(await displayedArticleText(page)).toBe(canonical);
});

/** Clicks inside the caret phrase again (recomputed, in case a key scrolled the article). */
async function caretBackInto(page: Page): Promise<void> {
  const point = await characterPoint(page, CARET_PHRASE, 3, 'middle');
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('editor')).toBeFocused();
}
