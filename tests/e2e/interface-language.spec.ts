// The interface language switch: English makes the window left-to-right with English strings, but
// the article stays right-to-left, including a paragraph that starts with a Latin word or a digit.
// Switching back restores Arabic. Screenshots of both go to test-results/.
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ar } from '../../renderer/i18n/ar';
import { en } from '../../renderer/i18n/en';
import { canonicalizeText } from '../../shared/text/canonical-text';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { expect, fixturesDir, repoRoot, test } from './serve-fixture';

const LATIN_WORD = 'Reuters';

/** The seed article's first lines, with a Latin word and then a number put in front of two of them. */
function mixedDirectionText(): { text: string; latinFirstLine: string; digitFirstLine: string } {
  const lines = canonicalizeText(readFileSync(path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt'), 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 6);
  const latinFirstLine = `${LATIN_WORD}: ${lines[3]}`;
  const digitFirstLine = `900 ${lines[4]}`;
  return { text: [lines[0], lines[1], latinFirstLine, digitFirstLine, lines[5]].join('\n') + '\n', latinFirstLine, digitFirstLine };
}

interface ArticleDirections {
  editorDir: string | null;
  paragraphDirections: string[];
  /** Distance from the paragraph's right content edge to the right edge of the Latin word. */
  latinWordGapFromRightPx: number;
}

function articleDirections(page: Page): Promise<ArticleDirections> {
  return page.getByTestId('editor').evaluate((editor, latinWord) => {
    const paragraphs = [...editor.querySelectorAll<HTMLElement>(':scope > p')];
    const latinParagraph = paragraphs.find((paragraph) => paragraph.textContent?.startsWith(latinWord));
    if (latinParagraph === undefined) throw new Error('Latin paragraph not found');
    const textNode = document.createTreeWalker(latinParagraph, NodeFilter.SHOW_TEXT).nextNode();
    if (textNode === null) throw new Error('Latin paragraph has no text');
    const range = document.createRange();
    range.setStart(textNode, 0);
    range.setEnd(textNode, latinWord.length);
    const style = getComputedStyle(latinParagraph);
    const contentRight = latinParagraph.getBoundingClientRect().right - Number.parseFloat(style.paddingRight) - Number.parseFloat(style.borderRightWidth);
    return {
      editorDir: editor.getAttribute('dir'),
      paragraphDirections: paragraphs.map((paragraph) => getComputedStyle(paragraph).direction),
      latinWordGapFromRightPx: contentRight - range.getBoundingClientRect().right,
    };
  }, LATIN_WORD);
}

async function expectArticleRightToLeft(page: Page, paragraphCount: number): Promise<void> {
  const directions = await articleDirections(page);
  expect(directions.editorDir).toBe('rtl');
  expect(directions.paragraphDirections).toEqual(Array(paragraphCount).fill('rtl'));
  // In a right-to-left paragraph the leading Latin word sits at the right edge, not the left.
  expect(Math.abs(directions.latinWordGapFromRightPx)).toBeLessThan(2);
}

async function expectPageLanguage(page: Page, lang: string, dir: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

test('English interface is left-to-right while the article stays right-to-left', async ({ page, isnad }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isnad-language-'));
  try {
    const { text, latinFirstLine, digitFirstLine } = mixedDirectionText();
    const filePath = path.join(dir, 'mixed-direction.txt');
    writeFileSync(filePath, text);
    const paragraphCount = text.split('\n').length;

    await startAsAnnotator(page, isnad.url);
    await expectPageLanguage(page, 'ar', 'rtl');
    await importAndOpen(page, [filePath], latinFirstLine);
    await expect(page.getByTestId('editor')).toContainText(digitFirstLine);
    await dismissBanner(page);
    const importButton = page.getByTestId('import-button');
    await expect(importButton).toHaveText(ar.import.button);
    await expectArticleRightToLeft(page, paragraphCount);
    await page.screenshot({ path: path.join(repoRoot, 'test-results', 'interface-language-ar.png') });

    await page.getByTestId('language-toggle').click();
    await expectPageLanguage(page, 'en', 'ltr');
    await expect(importButton).toHaveText(en.import.button);
    await expect(page.getByTestId('export-dialog-button')).toHaveText(en.exportDialog.button);
    await expect(page.getByTestId('import-dialog-button')).toHaveAccessibleName(en.importDialog.button);
    await expect(page.getByRole('heading', { name: en.spans.title })).toBeVisible();
    await expectArticleRightToLeft(page, paragraphCount);
    await page.screenshot({ path: path.join(repoRoot, 'test-results', 'interface-language-en.png') });

    // The choice is remembered.
    await page.reload();
    await expectPageLanguage(page, 'en', 'ltr');
    await expect(importButton).toHaveText(en.import.button);
    await expect(page.getByTestId('editor')).toContainText(latinFirstLine);
    await expectArticleRightToLeft(page, paragraphCount);

    await page.getByTestId('language-toggle').click();
    await expectPageLanguage(page, 'ar', 'rtl');
    await expect(importButton).toHaveText(ar.import.button);
    await expect(page.getByRole('heading', { name: ar.spans.title })).toBeVisible();
    await expectArticleRightToLeft(page, paragraphCount);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
