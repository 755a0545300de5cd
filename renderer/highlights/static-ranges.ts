// Highlights hold StaticRanges, not live Ranges: the browser adjusts every live Range on every DOM
// insertion or removal anywhere in the document, so 2,000 painted spans made each change to the side
// panel cost milliseconds per node. The article text never changes, so static ranges stay valid.

export type DomPoint = readonly [Node, number];

export function staticRangeBetween(start: DomPoint, end: DomPoint): StaticRange {
  return new StaticRange({ startContainer: start[0], startOffset: start[1], endContainer: end[0], endOffset: end[1] });
}

/** A short-lived live Range over the same text, for geometry (getBoundingClientRect). */
export function toLiveRange(range: AbstractRange): Range {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}
