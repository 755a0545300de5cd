// Real mouse selection of a phrase in the right-to-left article: finds the phrase's first and
// last characters on screen and drags between them, the way an annotator would.
import type { Page } from '@playwright/test';

interface PhraseEdges {
  startX: number;
  startY: number;
  endX: number;
  endY: number;
}

interface CharacterRect {
  left: number;
  right: number;
  top: number;
  height: number;
}

/**
 * Viewport rectangles of some characters of the first occurrence of `phrase`, once the layout has
 * settled: the article's paragraphs use `content-visibility: auto`, so after scrolling, paragraphs
 * above get their real height a frame later and the text moves.
 */
async function settledCharacterRects(page: Page, phrase: string, characterIndexes: number[], scroll = true): Promise<{ rects: CharacterRect[]; rtl: boolean }> {
  return page.evaluate(
    async ({ wanted, indexes, scroll }) => {
      const editor = document.querySelector('[data-testid="editor"]');
      if (!editor) throw new Error('editor not found');
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const start = node.textContent?.indexOf(wanted) ?? -1;
        if (start < 0) continue;
        const textNode = node;
        const paragraph = textNode.parentElement as HTMLElement;
        const measure = () =>
          indexes.map((index) => {
            const range = document.createRange();
            range.setStart(textNode, start + index);
            range.setEnd(textNode, start + index + 1);
            const { left, right, top, height } = range.getBoundingClientRect();
            return { left, right, top, height };
          });
        const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        // Hit-testing the first measured character must land on it: only then does a mouse event at
        // these points reach the characters that were measured.
        const hitsMeasuredText = (rect: { left: number; right: number; top: number; height: number }, index: number) => {
          const caret = document.caretPositionFromPoint((rect.left + rect.right) / 2, rect.top + rect.height / 2);
          return caret?.offsetNode === textNode && Math.abs(caret.offset - (start + index + 0.5)) <= 0.5;
        };
        // Scroll once only: scrolling again would lay out other paragraphs and move the text again.
        if (scroll) paragraph.scrollIntoView({ block: 'center' });
        let rects = measure();
        for (let attempt = 0; attempt < 30; attempt++) {
          await nextFrame();
          const again = measure();
          const stable = JSON.stringify(again) === JSON.stringify(rects);
          rects = again;
          if (stable && hitsMeasuredText(rects[0]!, indexes[0]!)) return { rects, rtl: getComputedStyle(paragraph).direction === 'rtl' };
        }
        throw new Error(`the layout around «${wanted}» did not settle (hit-testing disagrees with the text's position)`);
      }
      throw new Error(`phrase not found in the editor: ${wanted}`);
    },
    { wanted: phrase, indexes: characterIndexes, scroll },
  );
}

/**
 * Measures after hovering the first character: in headless Chromium the content-visibility
 * relayout that follows a scroll can wait for the next input event, so a measurement taken before
 * any pointer event may describe a layout that the mouse press will not see.
 */
async function settledRectsUnderPointer(page: Page, phrase: string, characterIndexes: number[]): Promise<{ rects: CharacterRect[]; rtl: boolean }> {
  let measured = await settledCharacterRects(page, phrase, characterIndexes);
  for (let attempt = 0; attempt < 5; attempt++) {
    const first = measured.rects[0] as CharacterRect;
    await page.mouse.move((first.left + first.right) / 2, first.top + first.height / 2);
    const again = await settledCharacterRects(page, phrase, characterIndexes, false);
    if (JSON.stringify(again.rects) === JSON.stringify(measured.rects)) return again;
    measured = again;
  }
  throw new Error(`the text «${phrase}» keeps moving on screen`);
}

/** Screen points just inside the logical start and logical end of the first occurrence of `phrase`. */
async function phraseEdges(page: Page, phrase: string): Promise<PhraseEdges> {
  const { rects, rtl } = await settledRectsUnderPointer(page, phrase, [0, phrase.length - 1]);
  const [first, last] = rects as [CharacterRect, CharacterRect];
  // In right-to-left text a character's logical start is its right edge.
  return {
    startX: rtl ? first.right - 1 : first.left + 1,
    startY: first.top + first.height / 2,
    endX: rtl ? last.left + 1 : last.right - 1,
    endY: last.top + last.height / 2,
  };
}

export async function dragSelectPhrase(page: Page, phrase: string): Promise<void> {
  const edges = await phraseEdges(page, phrase);
  await page.mouse.move(edges.startX, edges.startY);
  await page.mouse.down();
  await page.mouse.move((edges.startX + edges.endX) / 2, (edges.startY + edges.endY) / 2, { steps: 5 });
  await page.mouse.move(edges.endX, edges.endY, { steps: 5 });
  await page.mouse.up();
}

/**
 * A viewport point on one character of the first occurrence of `phrase`: `before` is just inside its
 * logical start edge (a click there puts the caret before it), `middle` is its centre.
 */
export async function characterPoint(page: Page, phrase: string, characterIndex: number, where: 'before' | 'middle'): Promise<{ x: number; y: number }> {
  const { rects, rtl } = await settledRectsUnderPointer(page, phrase, [characterIndex]);
  const rect = rects[0] as CharacterRect;
  const y = rect.top + rect.height / 2;
  if (where === 'middle') return { x: (rect.left + rect.right) / 2, y };
  return { x: rtl ? rect.right - 1 : rect.left + 1, y };
}
