// Keeps the comparison columns scrolled together. Columns may wrap lines differently (other widths,
// a scrollbar), so the anchor is the paragraph at the top and the fraction of it scrolled past,
// not the pixel offset.
import { useCallback, useRef } from 'react';

export interface ScrollSync {
  registerScroller(column: number, element: HTMLElement | null): void;
  onScroll(column: number): void;
}

export function useScrollSync(): ScrollSync {
  const scrollers = useRef(new Map<number, HTMLElement>());
  // Scroll events caused by our own writes are ignored until this time.
  const followingUntil = useRef(new Map<number, number>());

  const registerScroller = useCallback((column: number, element: HTMLElement | null) => {
    if (element === null) scrollers.current.delete(column);
    else scrollers.current.set(column, element);
  }, []);

  const onScroll = useCallback((column: number) => {
    const now = performance.now();
    if ((followingUntil.current.get(column) ?? 0) > now) return;
    const source = scrollers.current.get(column);
    if (source === undefined) return;
    const anchor = topParagraph(source);
    for (const [other, target] of scrollers.current) {
      if (other === column) continue;
      const paragraph = anchor === null ? undefined : (target.querySelector('.compare-text')?.children[anchor.index] as HTMLElement | undefined);
      const next = paragraph === undefined ? source.scrollTop : paragraph.offsetTop + anchor!.fraction * paragraph.offsetHeight;
      if (Math.abs(target.scrollTop - next) < 1) continue;
      followingUntil.current.set(other, now + 120);
      target.scrollTop = next;
    }
  }, []);

  return { registerScroller, onScroll };
}

/** The paragraph at the top edge of a column and how far (0..1) it is scrolled past. */
function topParagraph(scroller: HTMLElement): { index: number; fraction: number } | null {
  const paragraphs = scroller.querySelector('.compare-text')?.children;
  if (paragraphs === undefined || paragraphs.length === 0) return null;
  const top = scroller.scrollTop;
  let low = 0;
  let high = paragraphs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((paragraphs[middle] as HTMLElement).offsetTop <= top) low = middle;
    else high = middle - 1;
  }
  const paragraph = paragraphs[low] as HTMLElement;
  const fraction = paragraph.offsetHeight === 0 ? 0 : Math.min(1, Math.max(0, (top - paragraph.offsetTop) / paragraph.offsetHeight));
  return { index: low, fraction };
}
