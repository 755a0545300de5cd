// One annotator's column: the article right-to-left, read-only, one text node per paragraph, with
// that annotator's spans painted by kind of agreement and the current disagreement marked.
import { memo, useLayoutEffect, useRef } from 'react';
import type { ComparisonItem } from '../../../shared/adjudication/compare-annotators';
import { ComparePainter, type PaintedRange } from './ComparePainter';
import { locateOffset, type TextParagraph } from './text-paragraphs';

export interface CompareColumnProps {
  readonly column: number;
  readonly title: string;
  readonly subtitle: string;
  readonly paragraphs: readonly TextParagraph[];
  readonly items: readonly ComparisonItem[];
  readonly current: ComparisonItem | null;
  /** Changes on every navigation: the current item is scrolled into view and flashes. */
  readonly revealToken: number;
  readonly registerScroller: (column: number, element: HTMLElement | null) => void;
  readonly onScroll: (column: number) => void;
}

/** A static DOM range over [startUtf16, endUtf16) of the article inside a column's text element (for painting). */
export function columnRange(textElement: HTMLElement, paragraphs: readonly TextParagraph[], startUtf16: number, endUtf16: number): StaticRange | null {
  const start = boundaryPoint(textElement, paragraphs, startUtf16);
  const end = boundaryPoint(textElement, paragraphs, endUtf16);
  if (start === null || end === null) return null;
  return new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
}

/** A live Range, for measuring where the text is on screen. */
function liveRange(textElement: HTMLElement, paragraphs: readonly TextParagraph[], startUtf16: number, endUtf16: number): Range | null {
  const bounds = columnRange(textElement, paragraphs, startUtf16, endUtf16);
  if (bounds === null) return null;
  const range = document.createRange();
  range.setStart(bounds.startContainer, bounds.startOffset);
  range.setEnd(bounds.endContainer, bounds.endOffset);
  return range;
}

function boundaryPoint(textElement: HTMLElement, paragraphs: readonly TextParagraph[], offsetUtf16: number): { node: Node; offset: number } | null {
  const { index, offsetUtf16: inside } = locateOffset(paragraphs, offsetUtf16);
  const paragraph = textElement.children[index];
  if (paragraph === undefined) return null;
  const textNode = paragraph.firstChild;
  return textNode === null ? { node: paragraph, offset: 0 } : { node: textNode, offset: inside };
}

export const CompareColumn = memo(function CompareColumn(props: CompareColumnProps) {
  const { column, paragraphs, items, current, revealToken, registerScroller, onScroll } = props;
  const scroller = useRef<HTMLDivElement | null>(null);
  const textElement = useRef<HTMLDivElement | null>(null);
  const painter = useRef<ComparePainter | null>(null);

  // A layout effect declared first, so the painter exists when the painting layout effects below run.
  useLayoutEffect(() => {
    const created = new ComparePainter(column);
    painter.current = created;
    return () => {
      created.dispose();
      painter.current = null;
    };
  }, [column]);

  useLayoutEffect(() => {
    const element = textElement.current;
    if (element === null || painter.current === null) return;
    const ranges: PaintedRange[] = [];
    for (const item of items) {
      const span = item.spans[column];
      if (span === null || span === undefined) continue;
      const range = columnRange(element, paragraphs, span.startUtf16, span.endUtf16);
      if (range !== null) ranges.push({ kind: item.kind, range });
    }
    painter.current.paint(ranges);
  }, [column, items, paragraphs]);

  // Where this annotator has no span, the group's extent is marked, so every column shows the place.
  const lastReveal = useRef(revealToken);
  useLayoutEffect(() => {
    const element = textElement.current;
    const container = scroller.current;
    if (element === null || container === null || painter.current === null) return;
    const reveal = lastReveal.current !== revealToken;
    lastReveal.current = revealToken;
    if (current === null) {
      painter.current.markCurrent(null, false);
      return;
    }
    const own = current.spans[column] ?? null;
    const startUtf16 = own?.startUtf16 ?? current.startUtf16;
    const endUtf16 = own?.endUtf16 ?? current.endUtf16;
    painter.current.markCurrent(columnRange(element, paragraphs, startUtf16, endUtf16), reveal);
    if (!reveal) return;
    const live = liveRange(element, paragraphs, current.startUtf16, current.endUtf16);
    if (live === null) return;
    const rect = live.getBoundingClientRect();
    const box = container.getBoundingClientRect();
    if (rect.top < box.top + 24 || rect.bottom > box.bottom - 24) {
      container.scrollTop += rect.top - box.top - Math.max(24, (container.clientHeight - rect.height) / 3);
    }
  }, [column, current, paragraphs, revealToken]);

  return (
    <section className="compare-column" data-testid="compare-column" data-column={column}>
      <header className="compare-column-header">
        <span className="compare-column-title">{props.title}</span>
        <span className="compare-column-count">{props.subtitle}</span>
      </header>
      <div
        className="compare-scroller"
        ref={(element) => {
          scroller.current = element;
          registerScroller(column, element);
        }}
        onScroll={() => onScroll(column)}
      >
        <div className="compare-text" dir="rtl" lang="ar" ref={textElement} data-testid="compare-text">
          {paragraphs.map((paragraph) => (
            <p key={paragraph.startUtf16} data-start-utf16={paragraph.startUtf16}>
              {paragraph.text}
            </p>
          ))}
        </div>
      </div>
    </section>
  );
});
