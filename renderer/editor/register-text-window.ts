// Follows the article's scroll position and reports the window of text near the viewport (one view
// height above and below, widened to whole paragraphs and some slack), so the highlight painter can
// register only the spans there. Reports again only when the view leaves the slack, not every frame.
import type { LexicalEditor } from 'lexical';
import { partitionPoint } from '../../shared/util/partition-point';
import type { TextWindowUtf16 } from '../highlights/HighlightPainter';
import type { ParagraphKeyIndex } from '../text/ParagraphKeyIndex';

/** Paragraphs kept on each side beyond the ones near the view, so small scrolls change nothing. */
const SLACK_PARAGRAPHS = 12;
/** Before the first measurement: the opening of the article, where a newly opened document shows. */
const INITIAL_WINDOW_UTF16 = 20_000;

export function registerTextWindow(editor: LexicalEditor, index: ParagraphKeyIndex, onWindow: (textWindow: TextWindowUtf16) => void): () => void {
  const root = editor.getRootElement();
  const count = index.offsets.count;
  if (root === null || count === 0) {
    onWindow({ startUtf16: 0, endUtf16: Number.POSITIVE_INFINITY });
    return () => {};
  }
  const elements = index.paragraphKeys.map((key) => editor.getElementByKey(key));
  let current = { first: 0, last: Math.max(0, partitionPoint(count, (i) => index.offsets.startUtf16(i) < INITIAL_WINDOW_UTF16) - 1) };
  const report = () => onWindow({ startUtf16: index.offsets.startUtf16(current.first), endUtf16: index.offsets.endUtf16(current.last) });
  report();

  let container: HTMLElement | null = null;
  const measure = () => {
    if (container === null) return;
    const view = container.getBoundingClientRect();
    const margin = view.height;
    const rect = (i: number) => elements[i]?.getBoundingClientRect();
    // Paragraphs are stacked in document order, so their boxes are sorted along the block axis.
    const firstNear = partitionPoint(count, (i) => (rect(i)?.bottom ?? Number.NEGATIVE_INFINITY) < view.top - margin);
    const lastNear = partitionPoint(count, (i) => (rect(i)?.top ?? Number.NEGATIVE_INFINITY) <= view.bottom + margin) - 1;
    if (lastNear < firstNear) return;
    const covered = firstNear >= current.first && lastNear <= current.last;
    const tooWide = firstNear - current.first > 3 * SLACK_PARAGRAPHS || current.last - lastNear > 3 * SLACK_PARAGRAPHS;
    if (covered && !tooWide) return;
    current = { first: Math.max(0, firstNear - SLACK_PARAGRAPHS), last: Math.min(count - 1, lastNear + SLACK_PARAGRAPHS) };
    report();
  };

  let frame = 0;
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(() => {
      frame = 0;
      measure();
    });
  };
  const resizeObserver = new ResizeObserver(schedule);
  // Looked up in the next frame, not now: computed styles read while the article is being inserted
  // would force a style pass over all of its paragraphs in the middle of opening it.
  let setup = requestAnimationFrame(() => {
    setup = 0;
    container = findScrollContainer(root);
    if (container === null) {
      onWindow({ startUtf16: 0, endUtf16: Number.POSITIVE_INFINITY });
      return;
    }
    container.addEventListener('scroll', schedule, { passive: true });
    resizeObserver.observe(container);
    measure();
  });
  return () => {
    cancelAnimationFrame(setup);
    cancelAnimationFrame(frame);
    container?.removeEventListener('scroll', schedule);
    resizeObserver.disconnect();
  };
}

/** The nearest ancestor that scrolls its content vertically, or null when the page itself scrolls. */
function findScrollContainer(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    const overflowY = getComputedStyle(node).overflowY;
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}
