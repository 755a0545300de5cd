// The text the reviewer selected in a comparison column, as UTF-16 offsets of the article: from the
// DOM selection's boundary points and the paragraph offsets the columns render, never from
// Selection.toString() (which adds its own paragraph separators).

export function readColumnSelection(): { startUtf16: number; endUtf16: number } | null {
  const selection = window.getSelection();
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || start >= end) return null;
  return { startUtf16: start, endUtf16: end };
}

function offsetOf(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const paragraph = element?.closest('.compare-text > p[data-start-utf16]');
  if (paragraph === null || paragraph === undefined) return null;
  const paragraphStart = Number(paragraph.getAttribute('data-start-utf16'));
  if (node.nodeType === Node.TEXT_NODE) return paragraphStart + offset;
  // A boundary on the paragraph element itself: before or after its only text node.
  return paragraphStart + (offset === 0 ? 0 : (paragraph.textContent ?? '').length);
}
