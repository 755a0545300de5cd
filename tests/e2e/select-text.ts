// Real mouse selection of a phrase in the right-to-left article: finds the phrase's first and
// last characters on screen and drags between them, the way an annotator would.
import type { Page } from '@playwright/test';

interface PhraseEdges {
  startX: number;
  startY: number;
  endX: number;
  endY: number;
}

/** Screen points just inside the logical start and logical end of the first occurrence of `phrase`. */
async function phraseEdges(page: Page, phrase: string): Promise<PhraseEdges> {
  return page.evaluate((wanted) => {
    const editor = document.querySelector('[data-testid="editor"]');
    if (!editor) throw new Error('editor not found');
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rectOf = (offset: number) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
      };
      const first = rectOf(index);
      const last = rectOf(index + wanted.length - 1);
      const rtl = getComputedStyle(node.parentElement as HTMLElement).direction === 'rtl';
      // In right-to-left text a character's logical start is its right edge.
      return {
        startX: rtl ? first.right - 1 : first.left + 1,
        startY: first.top + first.height / 2,
        endX: rtl ? last.left + 1 : last.right - 1,
        endY: last.top + last.height / 2,
      };
    }
    throw new Error(`phrase not found in the editor: ${wanted}`);
  }, phrase);
}

export async function dragSelectPhrase(page: Page, phrase: string): Promise<void> {
  const edges = await phraseEdges(page, phrase);
  await page.mouse.move(edges.startX, edges.startY);
  await page.mouse.down();
  await page.mouse.move((edges.startX + edges.endX) / 2, (edges.startY + edges.endY) / 2, { steps: 5 });
  await page.mouse.move(edges.endX, edges.endY, { steps: 5 });
  await page.mouse.up();
}
