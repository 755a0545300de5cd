// Sets a Highlight's ranges without touching it when they are already those: shared by the
// annotation editor's painter and the comparison columns' painter.

/**
 * Sets a Highlight's ranges, touching it only when they differ: in Chromium any mutation of any
 * registered Highlight (even clear() + add() of an equal range) rebuilds the highlight markers of
 * the whole document and repaints all highlighted text, ~100 ms on a 200k-character article. These
 * setters run on every spans change (every tag), so an unchanged set must cost nothing.
 */
export function replaceRanges(highlight: Highlight, ranges: readonly AbstractRange[]): void {
  if (highlight.size === ranges.length) {
    const current = [...highlight.keys()];
    if (ranges.every((range, index) => sameRange(current[index], range))) return;
  }
  highlight.clear();
  for (const range of ranges) highlight.add(range);
}

function sameRange(a: AbstractRange | undefined, b: AbstractRange): boolean {
  return (
    a !== undefined &&
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}
