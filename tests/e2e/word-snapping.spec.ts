// Word snapping: a drag that starts and ends inside words tags the whole words; the same drag with
// Alt held on the label key keeps exactly the characters selected.
import type { Page } from '@playwright/test';
import path from 'node:path';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { characterPoint } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
const PHRASE = 'لويد أوستن';

test('a drag that starts mid-word tags whole words; Alt keeps the exact characters', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [fixturePath], PHRASE);
  await dismissBanner(page);
  const spans = page.getByTestId('span-list-item');

  // From the middle of «و» in «لويد» to the middle of «س» in «أوستن».
  await dragInside(page);
  const partial = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(partial.length).toBeGreaterThan(2);
  expect(PHRASE).toContain(partial);
  expect(partial).not.toBe(PHRASE);
  await page.keyboard.press('Digit2');
  await expect(spans).toHaveCount(1);
  await expect(spans.first().locator('.span-text')).toHaveText(PHRASE);

  await page.keyboard.press('Escape');
  await dragInside(page);
  const exact = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(exact).toBe(partial);
  await page.keyboard.press('Alt+Digit3');
  const source = page.locator('[data-testid="span-list-item"][data-label="source"]');
  await expect(source.locator('.span-text')).toHaveText(exact);
  await page.reload();
  await expect(source.locator('.span-text')).toHaveText(exact);
  await expect(page.locator('[data-testid="span-list-item"][data-label="speaker"] .span-text')).toHaveText(PHRASE);
});

async function dragInside(page: Page): Promise<void> {
  const from = await characterPoint(page, PHRASE, 1, 'middle');
  const to = await characterPoint(page, PHRASE, PHRASE.indexOf('س'), 'middle');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
