// The matrices the review charts draw: pairwise agreement between annotators (F1, Cohen's κ or αU,
// for one label or all), the label confusion matrix, and the confusion of one attribute's values.
import type { Measure } from '../../shared/agreement/types';
import type { ReviewReport } from '../../shared/review/review-report';
import type { PairUnitizingAlpha } from './compute-review';

export type PairMeasureKind = 'overlapF1' | 'exactF1' | 'cohenKappa' | 'unitizingAlpha';
export const PAIR_MEASURE_KINDS: readonly PairMeasureKind[] = ['overlapF1', 'exactF1', 'cohenKappa', 'unitizingAlpha'];

export interface HeatmapCell {
  /** Column and row indices. */
  readonly x: number;
  readonly y: number;
  /** undefined: no value (reason says why; an annotator against themself has no reason). */
  readonly value: number | undefined;
  readonly reason?: string;
}

export interface HeatmapData {
  readonly xLabels: readonly string[];
  readonly yLabels: readonly string[];
  readonly cells: readonly HeatmapCell[];
  readonly min: number;
  readonly max: number;
  readonly digits: number;
}

/** Whether the measure exists for all labels together (Cohen's κ is computed per label only). */
export function hasAllLabels(kind: PairMeasureKind): boolean {
  return kind !== 'cohenKappa';
}

/** Symmetric annotator × annotator matrix; the diagonal is left empty rather than filled with a 1 nobody measured. */
export function pairHeatmapData(report: ReviewReport, pairUnitizing: readonly PairUnitizingAlpha[], kind: PairMeasureKind, label: string | null): HeatmapData {
  const { agreement } = report;
  const annotators = agreement.annotators;
  const cells: HeatmapCell[] = [];
  const measureOf = (annotatorA: string, annotatorB: string): Measure | undefined => {
    const same = (p: { annotatorA: string; annotatorB: string }): boolean => p.annotatorA === annotatorA && p.annotatorB === annotatorB;
    switch (kind) {
      case 'overlapF1':
      case 'exactF1': {
        const pair = agreement.spanF1[kind === 'overlapF1' ? 'overlap' : 'exact'].pairs.find(same);
        return label === null ? pair?.overall.f1 : pair?.byLabel[label]?.f1;
      }
      case 'cohenKappa': {
        const byLabel = agreement.tokens.byLabel[label ?? agreement.labels[0] ?? ''];
        return byLabel?.cohenPairs.find(same)?.result.kappa;
      }
      case 'unitizingAlpha': {
        const pair = pairUnitizing.find(same);
        return label === null ? pair?.result.overall.alpha : pair?.result.byLabel[label]?.alpha;
      }
    }
  };
  annotators.forEach((a, i) => {
    annotators.forEach((b, j) => {
      if (i === j) return cells.push({ x: j, y: i, value: undefined });
      const measure = i < j ? measureOf(a, b) : measureOf(b, a);
      if (measure === undefined) return cells.push({ x: j, y: i, value: undefined, reason: 'no-shared-documents' });
      cells.push(measure.value === undefined ? { x: j, y: i, value: undefined, reason: measure.reason } : { x: j, y: i, value: measure.value });
    });
  });
  const values = cells.flatMap((c) => (c.value === undefined ? [] : [c.value]));
  // κ and α can be negative (worse than chance); F1 cannot.
  const min = Math.min(0, ...values) < 0 ? -1 : 0;
  return { xLabels: annotators, yLabels: annotators, cells, min, max: 1, digits: 2 };
}

/** Label confusion between annotators (counts over ordered pairs, so symmetric). (none) × (none) is empty by definition. */
export function labelConfusionData(report: ReviewReport): HeatmapData {
  const { categories, counts } = report.labelConfusion;
  const none = categories.length - 1;
  return countsData(categories, counts, (x, y) => x === none && y === none);
}

export interface AttributeKey {
  readonly label: string;
  readonly attribute: string;
}

export function attributeKeys(report: ReviewReport): AttributeKey[] {
  const seen = new Map<string, AttributeKey>();
  for (const pair of report.agreement.attributes.pairs) for (const a of pair.byAttribute) seen.set(`${a.label}\u0000${a.attribute}`, { label: a.label, attribute: a.attribute });
  return [...seen.values()];
}

/**
 * One attribute's values on matched spans, pooled over annotator pairs in both orders (as the label
 * confusion is), so the matrix does not depend on which annotator's name sorts first.
 */
export function attributeConfusionData(report: ReviewReport, key: AttributeKey): HeatmapData {
  const tallies = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, n: number): void => {
    let row = tallies.get(a);
    if (row === undefined) tallies.set(a, (row = new Map()));
    row.set(b, (row.get(b) ?? 0) + n);
  };
  for (const pair of report.agreement.attributes.pairs) {
    for (const a of pair.byAttribute) {
      if (a.label !== key.label || a.attribute !== key.attribute) continue;
      const names = a.confusion.categories.map(String);
      a.confusion.counts.forEach((row, i) =>
        row.forEach((n, j) => {
          if (n === 0) return;
          add(names[i]!, names[j]!, n);
          add(names[j]!, names[i]!, n);
        }),
      );
    }
  }
  const categories = [...new Set([...tallies.keys(), ...[...tallies.values()].flatMap((row) => [...row.keys()])])].sort();
  const counts = categories.map((a) => categories.map((b) => tallies.get(a)?.get(b) ?? 0));
  return countsData(categories, counts, () => false);
}

function countsData(categories: readonly string[], counts: readonly (readonly number[])[], blank: (x: number, y: number) => boolean): HeatmapData {
  const cells: HeatmapCell[] = [];
  counts.forEach((row, y) => row.forEach((n, x) => cells.push({ x, y, value: blank(x, y) ? undefined : n })));
  const max = Math.max(1, ...cells.flatMap((c) => (c.value === undefined ? [] : [c.value])));
  return { xLabels: categories, yLabels: categories, cells, min: 0, max, digits: 0 };
}
