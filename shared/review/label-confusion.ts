// Which label one annotator gave where another marked a span. Spans are first matched within their
// label (overlap, IoU >= θ, as for span F1: the diagonal), then the spans left over are matched
// across labels the same way (off the diagonal); what is still unmatched goes to (none). Pooled over
// ordered annotator pairs and the documents each pair shares, so the matrix is symmetric.
import { annotatorPairs } from '../agreement/annotator-pairs';
import { matchOverlappingAnyLabel, matchSpans, type SpanMatcher } from '../agreement/span-matching';
import type { AgreementSpan, AnnotatedDocument, AnnotatorId } from '../agreement/types';

export const NO_SPAN = '(none)';

export interface LabelConfusion {
  readonly minIoU: number;
  /** The labels, then NO_SPAN. */
  readonly categories: readonly string[];
  /** counts[i][j]: spans labelled categories[i] by one annotator that another labelled categories[j]. */
  readonly counts: readonly (readonly number[])[];
}

export function labelConfusion(
  documents: readonly AnnotatedDocument[],
  annotatorIds: readonly AnnotatorId[],
  labels: readonly string[],
  minIoU: number,
  match: SpanMatcher = matchSpans,
): LabelConfusion {
  const categories = [...labels, NO_SPAN];
  const index = new Map(labels.map((c, i) => [c, i]));
  const none = labels.length;
  const counts = categories.map(() => categories.map(() => 0));
  const count = (i: number, j: number): void => {
    counts[i]![j]!++;
    counts[j]![i]!++;
  };
  const rule = { kind: 'overlap', minIoU } as const;
  for (const doc of documents) {
    for (const { annotatorA, annotatorB } of annotatorPairs(annotatorIds)) {
      const workA = doc.annotations.get(annotatorA);
      const workB = doc.annotations.get(annotatorB);
      if (workA === undefined || workB === undefined) continue;
      const matchedA = new Set<AgreementSpan>();
      const matchedB = new Set<AgreementSpan>();
      for (const m of match(workA.spans, workB.spans, rule)) {
        const i = index.get(m.a.label);
        if (i === undefined) continue;
        matchedA.add(m.a);
        matchedB.add(m.b);
        count(i, i);
      }
      // The spans left over are matched again whatever their labels.
      const leftA = workA.spans.filter((span) => index.has(span.label) && !matchedA.has(span));
      const leftB = workB.spans.filter((span) => index.has(span.label) && !matchedB.has(span));
      const pairedA = new Set<AgreementSpan>();
      const pairedB = new Set<AgreementSpan>();
      for (const m of matchOverlappingAnyLabel(leftA, leftB, minIoU)) {
        count(index.get(m.a.label)!, index.get(m.b.label)!);
        pairedA.add(m.a);
        pairedB.add(m.b);
      }
      for (const span of leftA) if (!pairedA.has(span)) count(index.get(span.label)!, none);
      for (const span of leftB) if (!pairedB.has(span)) count(index.get(span.label)!, none);
    }
  }
  return { minIoU, categories, counts };
}
