// A long article: only spans near the viewport are registered as highlights (that keeps tagging fast
// with thousands of spans), so this checks what the annotator sees while scrolling: a span tagged at
// the end is painted there, and after a reload it is painted again once the reader scrolls down to it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { highlightTexts } from './highlight-texts';
import { dragSelectPhrase } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';

const FIRST = 'افتتاحية المقال الطويل';
const LAST = 'خاتمة المقال الطويل';

/** About 120,000 characters: the fixture's paragraphs again and again, between two marker lines. */
function longArticle(): string {
  const body = readFileSync(path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt'), 'utf8').trim();
  const repeats = Math.ceil(120_000 / body.length);
  return [`${FIRST} في السطر الأول`, ...Array.from({ length: repeats }, () => body), `وفي ${LAST} سطر أخير`].join('\n') + '\n';
}

function scrollArticleTo(page: Page, where: 'top' | 'bottom'): Promise<void> {
  return page.evaluate((to) => {
    const scroller = document.querySelector('.article-scroll');
    if (scroller === null) throw new Error('no article scroller');
    scroller.scrollTop = to === 'top' ? 0 : scroller.scrollHeight;
  }, where);
}

test('highlights follow the reader through a long article, before and after a reload', async ({ page, isnad }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isnad-long-'));
  try {
    const filePath = path.join(dir, 'long.txt');
    writeFileSync(filePath, longArticle(), 'utf8');
    await startAsAnnotator(page, isnad.url);
    await importAndOpen(page, [filePath], FIRST);
    await dismissBanner(page);

    await dragSelectPhrase(page, FIRST);
    await page.keyboard.press('Digit1');
    await expect.poll(() => highlightTexts(page, 'isnad-claim')).toEqual([FIRST]);

    await scrollArticleTo(page, 'bottom');
    await dragSelectPhrase(page, LAST);
    await page.keyboard.press('Digit2');
    await expect.poll(() => highlightTexts(page, 'isnad-speaker')).toEqual([LAST]);
    await expect(page.getByTestId('span-list-item')).toHaveCount(2);

    // Back at the top, the claim is painted; reloaded, the speaker at the end is painted once scrolled to.
    await scrollArticleTo(page, 'top');
    await expect.poll(() => highlightTexts(page, 'isnad-claim')).toEqual([FIRST]);
    await page.reload();
    await expect(page.getByTestId('editor')).toContainText(FIRST);
    await expect.poll(() => highlightTexts(page, 'isnad-claim')).toEqual([FIRST]);
    await scrollArticleTo(page, 'bottom');
    await expect.poll(() => highlightTexts(page, 'isnad-speaker')).toEqual([LAST]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
