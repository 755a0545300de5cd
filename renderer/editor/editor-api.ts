// What the rest of the window may ask of the article editor (held in a ref by the App).
import type { PaintableSpan } from '../highlights/HighlightPainter';
import type { RangeUtf16 } from '../text/trim-range-utf16';

export interface EditorApi {
  /** The current selection as [start, end) over the document text, or null if none is in the article. */
  getSelectionUtf16(): RangeUtf16 | null;
  /** Collapses the selection to its end, so the new highlight is not hidden under the selection colour. */
  collapseSelection(): void;
  /**
   * Paints a span at once, before the span list that will hold it re-renders (that render is
   * background work, so the tag's frame and request never wait for the side panel).
   */
  paintSpanNow(span: PaintableSpan): void;
  /** Removes a span painted by paintSpanNow that will not arrive (refused, or replaced by the saved one). */
  unpaintSpan(spanId: string): void;
  /** Scrolls the span into view and flashes it. */
  revealRangeUtf16(startUtf16: number, endUtf16: number): void;
}
