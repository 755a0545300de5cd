// Which label one annotator gave where another marked a span. Spans are first matched within their
// label (overlap, IoU >= θ, as for span F1: the diagonal), then the spans left over are matched
// across labels the same way (off the diagonal); what is still unmatched goes to (none). Pooled over
// ordered annotator pairs and the documents each pair shares, so the matrix is symmetric.
import { annotatorPairs } from '../agreement/annotator-pairs';
import { matchSpans, type SpanMatcher } from '../agreement/span-matching';
import type { AgreementSpan, AnnotatedDocument, AnnotatorId } from '../agreement/types';

export const NO_SPAN = '(none)';

export interface LabelConfusion {
  readonly minIoU: number;
  /** The labels, then NO_SPAN. */
  readonly categories: readonly string[];
  /** counts[i][j]: spans labelled categories[i] by one annotator that another labelled categories[j]. */
  readonly counts: readonly (readonly number[])[];
}

const ANY_LABEL = '*';

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
      // One label for all the leftovers, so that the second matching ignores labels.
      const leftA = leftovers(workA.spans, matchedA, index);
      const leftB = leftovers(workB.spans, matchedB, index);
      for (const m of matchSpans(leftA.spans, leftB.spans, rule)) {
        count(leftA.labelIndex.get(m.a)!, leftB.labelIndex.get(m.b)!);
        leftA.labelIndex.delete(m.a);
        leftB.labelIndex.delete(m.b);
      }
      for (const i of leftA.labelIndex.values()) count(i, none);
      for (const i of leftB.labelIndex.values()) count(i, none);
    }
  }
  return { minIoU, categories, counts };
}

function leftovers(spans: readonly AgreementSpan[], matched: ReadonlySet<AgreementSpan>, index: ReadonlyMap<string, number>): { spans: AgreementSpan[]; labelIndex: Map<AgreementSpan, number> } {
  const labelIndex = new Map<AgreementSpan, number>();
  const out: AgreementSpan[] = [];
  for (const span of spans) {
    const i = index.get(span.label);
    if (i === undefined || matched.has(span)) continue;
    const copy = { id: span.id, label: ANY_LABEL, startUtf16: span.startUtf16, endUtf16: span.endUtf16 };
    labelIndex.set(copy, i);
    out.push(copy);
  }
  return { spans: out, labelIndex };
}
