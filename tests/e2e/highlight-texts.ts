// Reads what a CSS highlight paints, as the text of each of its ranges. The app paints StaticRanges
// (no toString or geometry), so each is copied into a live Range in the page first.
import type { Page } from '@playwright/test';

export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (highlightName) =>
      [...(CSS.highlights.get(highlightName)?.keys() ?? [])].map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return live.toString();
      }),
    name,
  );
}
