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
  return matchSortedGroups(sortedByLabel(spansA), sortedByLabel(spansB), rule);
}

/** Each label's spans sorted by range; the sort is stable, so equal ranges keep their input order. */
type SortedGroups = ReadonlyMap<string, readonly AgreementSpan[]>;

function matchSortedGroups(byLabelA: SortedGroups, byLabelB: SortedGroups, rule: MatchRule): SpanMatch[] {
  if (rule.kind === 'overlap' && !(rule.minIoU >= 0 && rule.minIoU <= 1)) throw new RangeError('minIoU must be within [0, 1]');
  const matches: SpanMatch[] = [];
  for (const [label, listA] of byLabelA) {
    const listB = byLabelB.get(label);
    if (listB === undefined) continue;
    if (rule.kind === 'exact') matchExact(listA, listB, matches);
    else matchOverlapping(listA, listB, rule.minIoU, matches);
  }
  return matches;
}

/**
 * Overlap matching that ignores labels: what matchSpans gives for copies of the spans that all
 * carry one label, without the copies (the label confusion matches leftover spans across labels).
 */
export function matchOverlappingAnyLabel(spansA: readonly AgreementSpan[], spansB: readonly AgreementSpan[], minIoU: number): SpanMatch[] {
  if (!(minIoU >= 0 && minIoU <= 1)) throw new RangeError('minIoU must be within [0, 1]');
  const matches: SpanMatch[] = [];
  if (spansA.length > 0 && spansB.length > 0) matchOverlapping([...spansA].sort(byRange), [...spansB].sort(byRange), minIoU, matches);
  return matches;
}

export type SpanMatcher = (spansA: readonly AgreementSpan[], spansB: readonly AgreementSpan[], rule: MatchRule) => SpanMatch[];

/**
 * matchSpans that remembers its results per (spansA, spansB, rule) object identity: the report
 * matches the same pairs for F1, links and attributes. Use one per computation over inputs that
 * are not mutated meanwhile. `remember` can leave out a rule used only once (its matches would
 * only take memory and garbage-collector time).
 */
export function createCachedMatcher(options: { readonly remember?: (rule: MatchRule) => boolean } = {}): SpanMatcher {
  const cache = new WeakMap<readonly AgreementSpan[], WeakMap<readonly AgreementSpan[], Map<string, SpanMatch[]>>>();
  // Each annotator's spans are grouped and sorted once, however many annotators and rules they meet.
  const groups = new WeakMap<readonly AgreementSpan[], SortedGroups>();
  const sortedGroups = (spans: readonly AgreementSpan[]): SortedGroups => {
    let sorted = groups.get(spans);
    if (sorted === undefined) groups.set(spans, (sorted = sortedByLabel(spans)));
    return sorted;
  };
  return (spansA, spansB, rule) => {
    let byB = cache.get(spansA);
    if (byB === undefined) cache.set(spansA, (byB = new WeakMap()));
    let byRule = byB.get(spansB);
    if (byRule === undefined) byB.set(spansB, (byRule = new Map()));
    const key = rule.kind === 'exact' ? 'exact' : `overlap:${rule.minIoU}`;
    let matches = byRule.get(key);
    if (matches !== undefined) return matches;
    matches = matchSortedGroups(sortedGroups(spansA), sortedGroups(spansB), rule);
    if (options.remember?.(rule) ?? true) byRule.set(key, matches);
    return matches;
  };
}

/** Sort-merge on (start, end): equal ranges pair up in input order. */
function matchExact(a: readonly AgreementSpan[], b: readonly AgreementSpan[], out: SpanMatch[]): void {
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
  /** The two ranges ordered by (start, end), whichever annotator they come from: first, then second. */
  readonly firstStart: number;
  readonly firstEnd: number;
  readonly secondStart: number;
  readonly secondEnd: number;
}

function matchOverlapping(listA: readonly AgreementSpan[], listB: readonly AgreementSpan[], minIoU: number, out: SpanMatch[]): void {
  const candidates = overlapCandidates(listA, listB, minIoU);
  // The order depends only on the two ranges as an unordered pair (then ids for determinism), so
  // swapping the annotators yields as many matches: pairs that tie up to the ids are interchangeable.
  if (candidates.length > 1) candidates.sort((x, y) => y.iou - x.iou || y.intersection - x.intersection || compareRangePairs(x, y) || byId(x.a, y.a) || byId(x.b, y.b));
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
function overlapCandidates(a: readonly AgreementSpan[], b: readonly AgreementSpan[], minIoU: number): Candidate[] {
  // Indexes into a and b of the spans that may still intersect a later one: the first activeCountA of activeA.
  // (A count rather than shrinking the arrays: setting an array's length reallocates it.)
  const activeA: number[] = [];
  const activeB: number[] = [];
  let activeCountA = 0;
  let activeCountB = 0;
  const candidates: Candidate[] = [];
  const consider = (indexA: number, indexB: number): void => {
    const x = a[indexA]!;
    const y = b[indexB]!;
    const intersection = Math.min(x.endUtf16, y.endUtf16) - Math.max(x.startUtf16, y.startUtf16);
    const iou = intersection / (Math.max(x.endUtf16, y.endUtf16) - Math.min(x.startUtf16, y.startUtf16));
    if (iou < minIoU) return;
    const first = byRange(x, y) <= 0 ? x : y;
    const second = first === x ? y : x;
    candidates.push({ a: x, b: y, indexA, indexB, iou, intersection, firstStart: first.startUtf16, firstEnd: first.endUtf16, secondStart: second.startUtf16, secondEnd: second.endUtf16 });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // Every span still active after pruning started at or before this one and ends after it starts: they intersect.
    if (j >= b.length || (i < a.length && a[i]!.startUtf16 <= b[j]!.startUtf16)) {
      activeCountB = pruneEndedBy(activeB, activeCountB, b, a[i]!.startUtf16);
      for (let k = 0; k < activeCountB; k++) consider(i, activeB[k]!);
      activeA[activeCountA++] = i++;
    } else {
      activeCountA = pruneEndedBy(activeA, activeCountA, a, b[j]!.startUtf16);
      for (let k = 0; k < activeCountA; k++) consider(activeA[k]!, j);
      activeB[activeCountB++] = j++;
    }
  }
  return candidates;
}

/** Keeps the active spans that end after the offset; returns how many remain. */
function pruneEndedBy(active: number[], count: number, spans: readonly AgreementSpan[], offsetUtf16: number): number {
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const index = active[k]!;
    if (spans[index]!.endUtf16 > offsetUtf16) active[kept++] = index;
  }
  return kept;
}

/** Compares the two ranges of each candidate as an unordered pair, so the order ignores which annotator is A. */
function compareRangePairs(x: Candidate, y: Candidate): number {
  return x.firstStart - y.firstStart || x.firstEnd - y.firstEnd || x.secondStart - y.secondStart || x.secondEnd - y.secondEnd;
}

function sortedByLabel(spans: readonly AgreementSpan[]): SortedGroups {
  const groups = new Map<string, AgreementSpan[]>();
  for (const span of spans) {
    const list = groups.get(span.label);
    if (list === undefined) groups.set(span.label, [span]);
    else list.push(span);
  }
  for (const list of groups.values()) list.sort(byRange);
  return groups;
}

function byRange(x: AgreementSpan, y: AgreementSpan): number {
  return x.startUtf16 - y.startUtf16 || x.endUtf16 - y.endUtf16;
}

function byId(x: AgreementSpan, y: AgreementSpan): number {
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}
