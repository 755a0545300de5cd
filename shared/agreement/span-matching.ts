// One-to-one matching of two annotators' spans of the same label: exact (same start, end, label)
// or overlap (intersection over union >= minIoU, chosen greedily, largest IoU first).
import type { AgreementSpan } from './types';

export type MatchRule = { readonly kind: 'exact' } | { readonly kind: 'overlap'; readonly minIoU: number };

/** Boundaries of claims differ by a word or a quote mark often enough; half the union is the usual bar. */
export const DEFAULT_OVERLAP_MIN_IOU = 0.5;
export const EXACT_MATCH: MatchRule = { kind: 'exact' };
export const OVERLAP_MATCH: MatchRule = { kind: 'overlap', minIoU: DEFAULT_OVERLAP_MIN_IOU };

export interface SpanMatch {
  readonly a: AgreementSpan;
  readonly b: AgreementSpan;
  /** Intersection over union of the two ranges, in (0, 1]. */
  readonly iou: number;
}

export function matchSpans(spansA: readonly AgreementSpan[], spansB: readonly AgreementSpan[], rule: MatchRule): SpanMatch[] {
  if (rule.kind === 'overlap' && !(rule.minIoU >= 0 && rule.minIoU <= 1)) throw new RangeError('minIoU must be within [0, 1]');
  const byLabelA = groupByLabel(spansA);
  const byLabelB = groupByLabel(spansB);
  const matches: SpanMatch[] = [];
  for (const [label, listA] of byLabelA) {
    const listB = byLabelB.get(label);
    if (listB === undefined) continue;
    if (rule.kind === 'exact') matchExact(listA, listB, matches);
    else matchOverlapping(listA, listB, rule.minIoU, matches);
  }
  return matches;
}

export type SpanMatcher = (spansA: readonly AgreementSpan[], spansB: readonly AgreementSpan[], rule: MatchRule) => SpanMatch[];

/**
 * matchSpans that remembers its results per (spansA, spansB, rule) object identity: the report
 * matches the same pairs for F1, links and attributes. Use one per computation over inputs that
 * are not mutated meanwhile.
 */
export function createCachedMatcher(): SpanMatcher {
  const cache = new WeakMap<readonly AgreementSpan[], WeakMap<readonly AgreementSpan[], Map<string, SpanMatch[]>>>();
  return (spansA, spansB, rule) => {
    let byB = cache.get(spansA);
    if (byB === undefined) cache.set(spansA, (byB = new WeakMap()));
    let byRule = byB.get(spansB);
    if (byRule === undefined) byB.set(spansB, (byRule = new Map()));
    const key = rule.kind === 'exact' ? 'exact' : `overlap:${rule.minIoU}`;
    let matches = byRule.get(key);
    if (matches === undefined) byRule.set(key, (matches = matchSpans(spansA, spansB, rule)));
    return matches;
  };
}

/** Sort-merge on (start, end): equal ranges pair up in input order. */
function matchExact(listA: AgreementSpan[], listB: AgreementSpan[], out: SpanMatch[]): void {
  const a = [...listA].sort(byRange);
  const b = [...listB].sort(byRange);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const order = byRange(a[i]!, b[j]!);
    if (order === 0) out.push({ a: a[i++]!, b: b[j++]!, iou: 1 });
    else if (order < 0) i++;
    else j++;
  }
}

interface Candidate {
  readonly a: AgreementSpan;
  readonly b: AgreementSpan;
  /** Positions in the sorted lists, to mark spans as used without a hash lookup. */
  readonly indexA: number;
  readonly indexB: number;
  readonly iou: number;
  readonly intersection: number;
}

function matchOverlapping(listA: AgreementSpan[], listB: AgreementSpan[], minIoU: number, out: SpanMatch[]): void {
  const candidates = overlapCandidates(listA, listB, minIoU);
  // The order depends only on the two ranges as an unordered pair (then ids for determinism), so
  // swapping the annotators yields as many matches: pairs that tie up to the ids are interchangeable.
  candidates.sort((x, y) => y.iou - x.iou || y.intersection - x.intersection || compareRangePairs(x, y) || byId(x.a, y.a) || byId(x.b, y.b));
  const usedA = new Uint8Array(listA.length);
  const usedB = new Uint8Array(listB.length);
  for (const c of candidates) {
    if (usedA[c.indexA] === 1 || usedB[c.indexB] === 1) continue;
    usedA[c.indexA] = 1;
    usedB[c.indexB] = 1;
    out.push({ a: c.a, b: c.b, iou: c.iou });
  }
}

/** Every intersecting (a, b) with IoU >= minIoU, by a sweep over starts: O(n log n + intersecting pairs). */
function overlapCandidates(listA: AgreementSpan[], listB: AgreementSpan[], minIoU: number): Candidate[] {
  const a = [...listA].sort(byRange);
  const b = [...listB].sort(byRange);
  // Indexes into a and b of the spans that may still intersect a later one.
  const activeA: number[] = [];
  const activeB: number[] = [];
  const candidates: Candidate[] = [];
  const consider = (indexA: number, indexB: number): void => {
    const x = a[indexA]!;
    const y = b[indexB]!;
    const intersection = Math.min(x.endUtf16, y.endUtf16) - Math.max(x.startUtf16, y.startUtf16);
    const iou = intersection / (Math.max(x.endUtf16, y.endUtf16) - Math.min(x.startUtf16, y.startUtf16));
    if (iou >= minIoU) candidates.push({ a: x, b: y, indexA, indexB, iou, intersection });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // Every span still active after pruning started at or before this one and ends after it starts: they intersect.
    if (j >= b.length || (i < a.length && a[i]!.startUtf16 <= b[j]!.startUtf16)) {
      pruneEndedBy(activeB, b, a[i]!.startUtf16);
      for (const other of activeB) consider(i, other);
      activeA.push(i++);
    } else {
      pruneEndedBy(activeA, a, b[j]!.startUtf16);
      for (const other of activeA) consider(other, j);
      activeB.push(j++);
    }
  }
  return candidates;
}

function pruneEndedBy(active: number[], spans: readonly AgreementSpan[], offsetUtf16: number): void {
  let kept = 0;
  for (const index of active) if (spans[index]!.endUtf16 > offsetUtf16) active[kept++] = index;
  active.length = kept;
}

/** Compares the two ranges of each candidate as an unordered pair, so the order ignores which annotator is A. */
function compareRangePairs(x: Candidate, y: Candidate): number {
  const [x1, x2] = orderedRanges(x);
  const [y1, y2] = orderedRanges(y);
  return byRange(x1, y1) || byRange(x2, y2);
}

function orderedRanges(c: Candidate): [AgreementSpan, AgreementSpan] {
  return byRange(c.a, c.b) <= 0 ? [c.a, c.b] : [c.b, c.a];
}

function groupByLabel(spans: readonly AgreementSpan[]): Map<string, AgreementSpan[]> {
  const groups = new Map<string, AgreementSpan[]>();
  for (const span of spans) {
    const list = groups.get(span.label);
    if (list === undefined) groups.set(span.label, [span]);
    else list.push(span);
  }
  return groups;
}

function byRange(x: AgreementSpan, y: AgreementSpan): number {
  return x.startUtf16 - y.startUtf16 || x.endUtf16 - y.endUtf16;
}

function byId(x: AgreementSpan, y: AgreementSpan): number {
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}
