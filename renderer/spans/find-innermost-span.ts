// Hit-testing a click on the text: which span is "under" a caret offset.
// Spans are few thousand at most, so a sorted array and a linear scan up to the offset is enough:
// sort once per change (O(n log n)), then each click costs O(number of spans starting before it).
export interface IntervalUtf16 {
  startUtf16: number;
  endUtf16: number;
}

/** Spans sorted by start, longer first on ties (which is also reading order for the side panel). */
export function sortSpansForReading<T extends IntervalUtf16>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.startUtf16 - b.startUtf16 || b.endUtf16 - a.endUtf16);
}

/**
 * The innermost (shortest) span containing the offset. A caret lands between characters, so a span
 * counts if start <= offset <= end; one that strictly contains the offset wins over one that only
 * touches it at an edge (a click just after a word must not pick the span that ends there).
 */
export function findInnermostSpan<T extends IntervalUtf16>(sortedSpans: readonly T[], offsetUtf16: number): T | null {
  let best: T | null = null;
  let bestScore = Infinity;
  for (const span of sortedSpans) {
    if (span.startUtf16 > offsetUtf16) break;
    if (span.endUtf16 < offsetUtf16) continue;
    const strictlyInside = span.startUtf16 < offsetUtf16 && offsetUtf16 < span.endUtf16;
    const score = (span.endUtf16 - span.startUtf16) + (strictlyInside ? 0 : 1e9);
    if (score < bestScore) {
      best = span;
      bestScore = score;
    }
  }
  return best;
}
