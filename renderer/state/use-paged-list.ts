// Renders a long side-panel list as a window: it grows downwards as its end is scrolled into view
// (an IntersectionObserver on a sentinel after the last item), upwards on request ("show earlier"),
// and jumps to the selected item when that lies outside it. Growing upwards by itself would cascade:
// after a jump the top of the list is in view, so each added page would ask for the next. A document with thousands of spans then opens, and re-renders on each tag,
// as fast as a short one; rendering every item up to the selected one made tagging deep in a long
// article slow.
import { useEffect, useRef, useState } from 'react';

export const PAGE_SIZE = 40;

export interface ListWindow {
  start: number;
  end: number;
}

/** The window to show: the current one, clamped to the list, moved onto the selected item if needed. */
export function windowFor(current: ListWindow, itemCount: number, selectedIndex: number): ListWindow {
  let { start, end } = current;
  if (selectedIndex >= 0 && (selectedIndex < start || selectedIndex >= end)) {
    start = Math.max(0, selectedIndex - PAGE_SIZE / 2);
    end = start + PAGE_SIZE;
  }
  end = Math.min(itemCount, end);
  start = Math.min(start, Math.max(0, end - PAGE_SIZE));
  return { start, end };
}

/** The index of the selected item for the window to follow, or -1 when nothing is selected. */
export function followedIndex<T>(items: readonly T[], selectedId: string | null, idOf: (item: T) => string): number {
  if (selectedId === null) return -1;
  return items.findIndex((item) => idOf(item) === selectedId);
}

export function usePagedList<ListElement extends HTMLElement>(itemCount: number, selectedIndex: number) {
  const listRef = useRef<ListElement>(null);
  const moreRef = useRef<HTMLLIElement>(null);
  const [requested, setRequested] = useState<ListWindow>({ start: 0, end: PAGE_SIZE });
  const shown = windowFor(requested, itemCount, selectedIndex);
  if (shown.start !== requested.start || shown.end !== requested.end) {
    // Keep the jump so that the window does not snap back once the selection moves on.
    if (selectedIndex >= 0 && (selectedIndex < requested.start || selectedIndex >= requested.end)) setRequested(shown);
  }
  const showMore = () => setRequested((window) => ({ start: window.start, end: window.end + PAGE_SIZE }));
  const showEarlier = () => setRequested((window) => ({ start: Math.max(0, window.start - PAGE_SIZE), end: window.end }));

  useEffect(() => {
    const sentinel = moreRef.current;
    if (sentinel === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) showMore();
      },
      { root: listRef.current, rootMargin: '400px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [shown.start, shown.end, itemCount]);

  return { listRef, moreRef, start: shown.start, end: shown.end, showMore, showEarlier };
}
