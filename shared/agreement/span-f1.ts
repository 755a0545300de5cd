// Span F1 between two annotators, per label and overall (micro: summed over labels and documents),
// and its average over annotator pairs. Annotator A is the reference: recall = matched / |A|.
import { meanOfDefined, notMeasured, ratio } from './measure';
import { matchSpans, type MatchRule, type SpanMatcher } from './span-matching';
import { annotatorPairs } from './annotator-pairs';
import type { AgreementSpan, AnnotatedDocument, AnnotatorId, AnnotatorWork, Measure } from './types';

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
  return pairSpanF1Tally(documents, annotatorA, annotatorB, rule, labels, match).result(annotatorA, annotatorB);
}

/**
 * pairSpanF1 of every pair of annotators over all documents and, in the same pass, of each document
 * alone for each pair of annotatorsOf(doc) (what pairSpanF1([doc], a, b, …) returns), counting each
 * document's spans once for both.
 */
export function spanF1WithDocuments<D extends AnnotatedDocument>(
  documents: readonly D[],
  annotatorIds: readonly AnnotatorId[],
  rule: MatchRule,
  labels: readonly string[],
  match: SpanMatcher,
  annotatorsOf: (doc: D) => readonly AnnotatorId[],
  /** Spans per label of a span list (createLabelCounter(labels)); share one between rules to count each list once. */
  countsOf: (spans: readonly AgreementSpan[]) => readonly number[] = createLabelCounter(labels),
): { readonly pairs: readonly PairSpanF1[]; readonly perDocument: readonly (readonly PairSpanF1[])[] } {
  const pairs = annotatorPairs(annotatorIds);
  const overall = pairs.map(() => new PairTally(labels));
  const pairNumber = new Map(pairs.map((p, i) => [`${p.annotatorA}\u0000${p.annotatorB}`, i]));
  const perDocument = documents.map((doc) => {
    const single = new Map<number, PairTally>();
    pairs.forEach((p, i) => {
      const workA = doc.annotations.get(p.annotatorA);
      const workB = doc.annotations.get(p.annotatorB);
      if (workA === undefined || workB === undefined) return;
      const tally = new PairTally(labels);
      tally.addDocument(workA, workB, rule, match, countsOf);
      overall[i]!.add(tally);
      single.set(i, tally);
    });
    return annotatorPairs(annotatorsOf(doc)).map((p) => {
      const i = pairNumber.get(`${p.annotatorA}\u0000${p.annotatorB}`);
      const known = i === undefined ? undefined : single.get(i);
      return (known ?? pairSpanF1Tally([doc], p.annotatorA, p.annotatorB, rule, labels, match)).result(p.annotatorA, p.annotatorB);
    });
  });
  return { pairs: pairs.map((p, i) => overall[i]!.result(p.annotatorA, p.annotatorB)), perDocument };
}

function pairSpanF1Tally(documents: readonly AnnotatedDocument[], annotatorA: AnnotatorId, annotatorB: AnnotatorId, rule: MatchRule, labels: readonly string[], match: SpanMatcher): PairTally {
  const tally = new PairTally(labels);
  for (const doc of documents) {
    const workA = doc.annotations.get(annotatorA);
    const workB = doc.annotations.get(annotatorB);
    if (workA !== undefined && workB !== undefined) tally.addDocument(workA, workB, rule, match);
  }
  return tally;
}

/** Counts a span list's spans per label, in the order of each label's first place in `labels`, once per list. */
export function createLabelCounter(labels: readonly string[]): (spans: readonly AgreementSpan[]) => readonly number[] {
  const index = new Map<string, number>();
  for (const label of labels) if (!index.has(label)) index.set(label, index.size);
  const known = new WeakMap<readonly AgreementSpan[], number[]>();
  return (spans) => {
    let counts = known.get(spans);
    if (counts === undefined) {
      counts = new Array<number>(index.size).fill(0);
      for (const s of spans) {
        const i = index.get(s.label);
        if (i !== undefined) counts[i]!++;
      }
      known.set(spans, counts);
    }
    return counts;
  };
}

/** Span and match counts per label of one annotator pair, over the documents added. */
class PairTally {
  private readonly index: Map<string, number>;
  private readonly matched: number[];
  private readonly spansA: number[];
  private readonly spansB: number[];
  private documentCount = 0;

  constructor(private readonly labels: readonly string[]) {
    this.index = new Map();
    for (const label of labels) if (!this.index.has(label)) this.index.set(label, this.index.size);
    this.matched = new Array<number>(this.index.size).fill(0);
    this.spansA = new Array<number>(this.index.size).fill(0);
    this.spansB = new Array<number>(this.index.size).fill(0);
  }

  addDocument(workA: AnnotatorWork, workB: AnnotatorWork, rule: MatchRule, match: SpanMatcher, countsOf?: (spans: readonly AgreementSpan[]) => readonly number[]): void {
    this.documentCount++;
    if (countsOf !== undefined) {
      const countsA = countsOf(workA.spans);
      const countsB = countsOf(workB.spans);
      for (let i = 0; i < this.spansA.length; i++) {
        this.spansA[i]! += countsA[i]!;
        this.spansB[i]! += countsB[i]!;
      }
    } else {
      for (const s of workA.spans) {
        const i = this.index.get(s.label);
        if (i !== undefined) this.spansA[i]!++;
      }
      for (const s of workB.spans) {
        const i = this.index.get(s.label);
        if (i !== undefined) this.spansB[i]!++;
      }
    }
    for (const m of match(workA.spans, workB.spans, rule)) {
      const i = this.index.get(m.a.label);
      if (i !== undefined) this.matched[i]!++;
    }
  }

  add(other: PairTally): void {
    this.documentCount += other.documentCount;
    for (let i = 0; i < this.matched.length; i++) {
      this.matched[i]! += other.matched[i]!;
      this.spansA[i]! += other.spansA[i]!;
      this.spansB[i]! += other.spansB[i]!;
    }
  }

  result(annotatorA: AnnotatorId, annotatorB: AnnotatorId): PairSpanF1 {
    const { documentCount } = this;
    const byLabel: Record<string, SpanScores> = {};
    const total = { matched: 0, spansA: 0, spansB: 0 };
    for (const [label, i] of this.index) {
      const c = { matched: this.matched[i]!, spansA: this.spansA[i]!, spansB: this.spansB[i]! };
      byLabel[label] = spanScores(c);
      total.matched += c.matched;
      total.spansA += c.spansA;
      total.spansB += c.spansB;
    }
    if (documentCount === 0) {
      const none: SpanScores = { ...total, precision: notMeasured('no-shared-documents'), recall: notMeasured('no-shared-documents'), f1: notMeasured('no-shared-documents') };
      return { annotatorA, annotatorB, documentCount, overall: none, byLabel: Object.fromEntries(this.labels.map((l) => [l, none])) };
    }
    return { annotatorA, annotatorB, documentCount, overall: spanScores(total), byLabel };
  }
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
