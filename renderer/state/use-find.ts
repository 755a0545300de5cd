// Find in the open article: Arabic-aware matching (diacritics, hamza seats, alef maksura… folded;
// shared/text/find-arabic.ts) over an index built once per document the first time the bar opens
// (building it for a 200,000-character article takes ~80 ms, too much to add to opening), hits painted and the current
// one scrolled into view; Ctrl+F (the physical F key, any layout) opens the bar.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ArabicSearchIndex } from '../../shared/text/find-arabic';
import type { TextRangeUtf16 } from '../../shared/text/text-range';
import { createArticleRangeFactory } from '../find/create-article-range-factory';
import { toLiveRange } from '../highlights/static-ranges';
import { FindPainter } from '../highlights/FindPainter';

export function useFind(documentId: string | null, text: string | null) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [currentIndex, setCurrentIndex] = useState(0);
  const [focusSerial, setFocusSerial] = useState(0);
  const painter = useRef<FindPainter | null>(null);

  const indexCache = useRef<{ text: string; index: ArabicSearchIndex } | null>(null);
  const hits = useMemo<TextRangeUtf16[]>(() => {
    if (!open || text === null) return [];
    if (indexCache.current?.text !== text) indexCache.current = { text, index: new ArabicSearchIndex(text) };
    return indexCache.current.index.find(query);
  }, [open, text, query]);

  useEffect(() => {
    const created = new FindPainter();
    painter.current = created;
    return () => {
      created.dispose();
      painter.current = null;
    };
  }, []);

  useEffect(() => setCurrentIndex(0), [query, documentId]);

  useEffect(() => {
    const root = document.querySelector<HTMLElement>('[data-testid="editor"]');
    if (painter.current === null) return;
    if (root === null || text === null || hits.length === 0) {
      painter.current.clear();
      return;
    }
    const makeRange = createArticleRangeFactory(root, text);
    const ranges = hits.flatMap((hit) => makeRange(hit.startUtf16, hit.endUtf16) ?? []);
    const current = Math.min(currentIndex, ranges.length - 1);
    painter.current.show(ranges, current);
    const range = ranges[current];
    if (range !== undefined) scrollIntoArticleView(range);
  }, [hits, currentIndex, text]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.code !== 'KeyF' || text === null) return;
      event.preventDefault();
      setOpen(true);
      setFocusSerial((serial) => serial + 1);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [text]);

  useEffect(() => {
    if (text === null) setOpen(false);
  }, [text]);

  const step = useCallback(
    (delta: 1 | -1) => setCurrentIndex((current) => (hits.length === 0 ? 0 : (current + delta + hits.length) % hits.length)),
    [hits.length],
  );
  const show = useCallback(() => {
    setOpen(true);
    setFocusSerial((serial) => serial + 1);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  return { open, query, setQuery, hits, currentIndex: hits.length === 0 ? -1 : Math.min(currentIndex, hits.length - 1), step, show, close, focusSerial };
}

export type FindState = ReturnType<typeof useFind>;

/** Brings the hit to the middle of the article's scrolling pane if it is not comfortably visible. */
function scrollIntoArticleView(range: AbstractRange): void {
  const container = (range.startContainer.parentElement ?? null)?.closest<HTMLElement>('.article-scroll');
  if (container === null || container === undefined) return;
  const rect = toLiveRange(range).getBoundingClientRect();
  const box = container.getBoundingClientRect();
  if (rect.top >= box.top + 40 && rect.bottom <= box.bottom - 40) return;
  container.scrollBy({ top: rect.top - box.top - box.height / 2, behavior: 'auto' });
}
