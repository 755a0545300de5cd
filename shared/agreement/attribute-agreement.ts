// Agreement on attribute values (e.g. claimType) of the spans two annotators both marked (matched
// spans): a confusion matrix, Cohen's kappa and nominal Krippendorff's alpha per label and attribute.
import { cohenKappaFromMatrix, type CohenKappaResult } from './cohen-kappa';
import { confusionMatrixFromCounts, type ConfusionMatrix } from './confusion-matrix';
import { AlphaAccumulator, type KrippendorffAlphaResult } from './krippendorff-alpha';
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
  /** How often A gave value a and B value b: counts, not a pair per span, since a corpus has many. */
  readonly pairs: Map<string, Map<string, number>>;
  pairedValues: number;
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
      if (a.attributes !== undefined) for (const attribute in a.attributes) tally(byAttribute, a.label, attribute, a.attributes[attribute], b.attributes?.[attribute]);
      if (b.attributes !== undefined) for (const attribute in b.attributes) if (a.attributes?.[attribute] === undefined) tally(byAttribute, a.label, attribute, undefined, b.attributes[attribute]);
    }
  }
  const byAttribute = [...groups.values()]
    .flatMap((byName) => [...byName.values()])
    .sort((x, y) => (x.label === y.label ? compare(x.attribute, y.attribute) : compare(x.label, y.label)))
    .map((g) => {
      const confusion = confusionMatrixFromCounts(g.pairs);
      // Every unit holds two values, so alpha depends only on how often each pair of values occurs.
      const alpha = new AlphaAccumulator('nominal');
      for (const [valueA, byB] of g.pairs) {
        for (const [valueB, count] of byB) {
          const unit = [valueA, valueB];
          for (let k = 0; k < count; k++) alpha.addUnit(unit);
        }
      }
      return {
        label: g.label,
        attribute: g.attribute,
        pairedValues: g.pairedValues,
        missingOnOneSide: g.missingOnOneSide,
        confusion,
        cohenKappa: cohenKappaFromMatrix(confusion.counts),
        krippendorffAlpha: alpha.result(),
      };
    });
  return { annotatorA, annotatorB, byAttribute };
}

function tally(byAttribute: Map<string, AttributeGroup>, label: string, attribute: string, valueA: string | undefined, valueB: string | undefined): void {
  let group = byAttribute.get(attribute);
  if (group === undefined) byAttribute.set(attribute, (group = { label, attribute, pairs: new Map(), pairedValues: 0, missingOnOneSide: 0 }));
  if (valueA === undefined || valueB === undefined) {
    group.missingOnOneSide++;
    return;
  }
  let byB = group.pairs.get(valueA);
  if (byB === undefined) group.pairs.set(valueA, (byB = new Map()));
  byB.set(valueB, (byB.get(valueB) ?? 0) + 1);
  group.pairedValues++;
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
