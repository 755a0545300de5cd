// Span F1 between two annotators, per label and overall (micro: summed over labels and documents),
// and its average over annotator pairs. Annotator A is the reference: recall = matched / |A|.
import { meanOfDefined, notMeasured, ratio } from './measure';
import { matchSpans, type MatchRule, type SpanMatcher } from './span-matching';
import type { AnnotatedDocument, AnnotatorId, Measure } from './types';

export interface SpanCounts {
  readonly matched: number;
  readonly spansA: number;
  readonly spansB: number;
}

export interface SpanScores extends SpanCounts {
  /** matched / |B|; undefined (no-spans) when B marked nothing. */
  readonly precision: Measure;
  /** matched / |A|; undefined (no-spans) when A marked nothing. */
  readonly recall: Measure;
  /** 2·matched / (|A| + |B|), symmetric; undefined (no-spans) when neither marked anything. */
  readonly f1: Measure;
}

export interface PairSpanF1 {
  readonly annotatorA: AnnotatorId;
  readonly annotatorB: AnnotatorId;
  /** Documents both annotated; only these count. */
  readonly documentCount: number;
  readonly overall: SpanScores;
  readonly byLabel: Readonly<Record<string, SpanScores>>;
}

export function spanScores(counts: SpanCounts): SpanScores {
  return {
    ...counts,
    precision: ratio(counts.matched, counts.spansB, 'no-spans'),
    recall: ratio(counts.matched, counts.spansA, 'no-spans'),
    f1: ratio(2 * counts.matched, counts.spansA + counts.spansB, 'no-spans'),
  };
}

export function pairSpanF1(
  documents: readonly AnnotatedDocument[],
  annotatorA: AnnotatorId,
  annotatorB: AnnotatorId,
  rule: MatchRule,
  labels: readonly string[],
  match: SpanMatcher = matchSpans,
): PairSpanF1 {
  const counts = new Map<string, { matched: number; spansA: number; spansB: number }>(labels.map((l) => [l, { matched: 0, spansA: 0, spansB: 0 }]));
  let documentCount = 0;
  for (const doc of documents) {
    const workA = doc.annotations.get(annotatorA);
    const workB = doc.annotations.get(annotatorB);
    if (workA === undefined || workB === undefined) continue;
    documentCount++;
    for (const s of workA.spans) {
      const c = counts.get(s.label);
      if (c !== undefined) c.spansA++;
    }
    for (const s of workB.spans) {
      const c = counts.get(s.label);
      if (c !== undefined) c.spansB++;
    }
    for (const m of match(workA.spans, workB.spans, rule)) {
      const c = counts.get(m.a.label);
      if (c !== undefined) c.matched++;
    }
  }
  const byLabel: Record<string, SpanScores> = {};
  const total = { matched: 0, spansA: 0, spansB: 0 };
  for (const [label, c] of counts) {
    byLabel[label] = spanScores(c);
    total.matched += c.matched;
    total.spansA += c.spansA;
    total.spansB += c.spansB;
  }
  if (documentCount === 0) {
    const none: SpanScores = { ...total, precision: notMeasured('no-shared-documents'), recall: notMeasured('no-shared-documents'), f1: notMeasured('no-shared-documents') };
    return { annotatorA, annotatorB, documentCount, overall: none, byLabel: Object.fromEntries(labels.map((l) => [l, none])) };
  }
  return { annotatorA, annotatorB, documentCount, overall: spanScores(total), byLabel };
}

export interface AveragedSpanF1 {
  /** Unweighted mean over annotator pairs of the pairs' defined F1. */
  readonly overall: Measure;
  readonly byLabel: Readonly<Record<string, Measure>>;
}

export function averageSpanF1(pairs: readonly PairSpanF1[], labels: readonly string[]): AveragedSpanF1 {
  const byLabel: Record<string, Measure> = {};
  for (const label of labels) byLabel[label] = meanOfDefined(pairs.map((p) => p.byLabel[label]?.f1 ?? notMeasured('no-spans')));
  return { overall: meanOfDefined(pairs.map((p) => p.overall.f1)), byLabel };
}
