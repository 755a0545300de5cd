// Agreement on attribute values (e.g. claimType) of the spans two annotators both marked (matched
// spans): a confusion matrix, Cohen's kappa and nominal Krippendorff's alpha per label and attribute.
import { cohenKappaFromMatrix, type CohenKappaResult } from './cohen-kappa';
import { confusionMatrix, type ConfusionMatrix } from './confusion-matrix';
import { krippendorffAlpha, type KrippendorffAlphaResult } from './krippendorff-alpha';
import { matchSpans, OVERLAP_MATCH, type MatchRule, type SpanMatcher } from './span-matching';
import type { AnnotatedDocument, AnnotatorId } from './types';

export interface AttributeAgreement {
  readonly label: string;
  readonly attribute: string;
  /** Matched span pairs where both annotators gave the attribute a value: the items compared. */
  readonly pairedValues: number;
  /** Matched span pairs where only one annotator gave a value; left out of the measures. */
  readonly missingOnOneSide: number;
  /** Rows: A's value, columns: B's value. */
  readonly confusion: ConfusionMatrix;
  readonly cohenKappa: CohenKappaResult;
  readonly krippendorffAlpha: KrippendorffAlphaResult;
}

interface AttributeGroup {
  readonly label: string;
  readonly attribute: string;
  readonly pairs: [string, string][];
  missingOnOneSide: number;
}

export interface PairAttributeAgreement {
  readonly annotatorA: AnnotatorId;
  readonly annotatorB: AnnotatorId;
  /** Sorted by label, then attribute name. */
  readonly byAttribute: readonly AttributeAgreement[];
}

export function pairAttributeAgreement(
  documents: readonly AnnotatedDocument[],
  annotatorA: AnnotatorId,
  annotatorB: AnnotatorId,
  rule: MatchRule = OVERLAP_MATCH,
  match: SpanMatcher = matchSpans,
): PairAttributeAgreement {
  const groups = new Map<string, Map<string, AttributeGroup>>();
  for (const doc of documents) {
    const workA = doc.annotations.get(annotatorA);
    const workB = doc.annotations.get(annotatorB);
    if (workA === undefined || workB === undefined) continue;
    for (const { a, b } of match(workA.spans, workB.spans, rule)) {
      if (a.attributes === undefined && b.attributes === undefined) continue;
      let byAttribute = groups.get(a.label);
      if (byAttribute === undefined) groups.set(a.label, (byAttribute = new Map()));
      const tally = (attribute: string, valueA: string | undefined, valueB: string | undefined): void => {
        let group = byAttribute.get(attribute);
        if (group === undefined) byAttribute.set(attribute, (group = { label: a.label, attribute, pairs: [], missingOnOneSide: 0 }));
        if (valueA !== undefined && valueB !== undefined) group.pairs.push([valueA, valueB]);
        else group.missingOnOneSide++;
      };
      for (const [attribute, value] of Object.entries(a.attributes ?? {})) tally(attribute, value, b.attributes?.[attribute]);
      for (const [attribute, value] of Object.entries(b.attributes ?? {})) if (a.attributes?.[attribute] === undefined) tally(attribute, undefined, value);
    }
  }
  const byAttribute = [...groups.values()]
    .flatMap((byName) => [...byName.values()])
    .sort((x, y) => (x.label === y.label ? compare(x.attribute, y.attribute) : compare(x.label, y.label)))
    .map((g) => {
      const confusion = confusionMatrix(g.pairs);
      return {
        label: g.label,
        attribute: g.attribute,
        pairedValues: g.pairs.length,
        missingOnOneSide: g.missingOnOneSide,
        confusion,
        cohenKappa: cohenKappaFromMatrix(confusion.counts),
        krippendorffAlpha: krippendorffAlpha(g.pairs),
      };
    });
  return { annotatorA, annotatorB, byAttribute };
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
