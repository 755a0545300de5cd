// Every agreement measure for a loaded review, over all documents and per document, plus the label
// confusion matrix and the coding rules: the one typed report that each output format renders.
import type { AgreementReport, SpanF1Section } from '../agreement/agreement-report';
import { allAnnotatorIds, annotatedByAll, annotatorPairs } from '../agreement/annotator-pairs';
import { pairAttributeAgreement } from '../agreement/attribute-agreement';
import { documentsUnitizingAlpha } from '../agreement/documents-unitizing-alpha';
import { averageLinkAgreement, DEFAULT_CLAIM_LABEL, pairLinkAgreement } from '../agreement/link-agreement';
import { averageSpanF1, createLabelCounter, pairSpanF1, spanF1WithDocuments, type PairSpanF1 } from '../agreement/span-f1';
import { createCachedMatcher, DEFAULT_OVERLAP_MIN_IOU, EXACT_MATCH, type MatchRule, type SpanMatcher } from '../agreement/span-matching';
import type { AnnotatedDocument } from '../agreement/types';
import { tokenAgreement, tokenAgreementWithDocuments, type TokenAgreement } from '../agreement/token-agreement';
import { wordTokensUtf16, type WordTokens } from '../agreement/token-coding';
import { codingRules, type CodingRules } from './coding-rules';
import { labelConfusion, type LabelConfusion } from './label-confusion';
import type { Review, ReviewAnnotator, ReviewDocument, ReviewFileSummary, ReviewWarning } from './review-types';

export interface ReviewReportOptions {
  /** Measure only these labels (--label); default every label that occurs. */
  readonly labels?: readonly string[];
  readonly overlapMinIoU?: number;
  readonly locale?: string;
}

/** Span F1 and token measures of one document, among the annotators who annotated it. */
export interface DocumentAgreement {
  readonly sha256: string;
  readonly title: string;
  readonly annotatedBy: readonly string[];
  readonly missing: readonly string[];
  readonly spanF1: { readonly exact: SpanF1Section; readonly overlap: SpanF1Section };
  readonly tokens: TokenAgreement;
}

export interface ReviewReport {
  readonly format: 'isnad-agreement';
  readonly version: 1;
  readonly coding: CodingRules;
  /** Set when the measures cannot mean anything at all (fewer than two annotators). */
  readonly notice: string | undefined;
  readonly files: readonly ReviewFileSummary[];
  readonly annotators: readonly ReviewAnnotator[];
  readonly documents: readonly { readonly sha256: string; readonly title: string; readonly annotatedBy: readonly string[]; readonly missing: readonly string[] }[];
  readonly warnings: readonly ReviewWarning[];
  readonly agreement: AgreementReport;
  readonly perDocument: readonly DocumentAgreement[];
  readonly labelConfusion: LabelConfusion;
}

export function reviewReport(review: Review, options: ReviewReportOptions = {}): ReviewReport {
  const overlapMinIoU = options.overlapMinIoU ?? DEFAULT_OVERLAP_MIN_IOU;
  const locale = options.locale ?? 'ar';
  // Segmentation is the costliest step: once per document for the whole report and every document's own.
  const tokenCache = new Map<string, WordTokens>();
  const tokenize = (text: string, sha256: string): WordTokens => {
    let tokens = tokenCache.get(sha256);
    if (tokens === undefined) tokenCache.set(sha256, (tokens = wordTokensUtf16(text, locale)));
    return tokens;
  };
  const overlap: MatchRule = { kind: 'overlap', minIoU: overlapMinIoU };
  // One matcher for the whole report: the per-document results and the label confusion reuse the
  // matches of the overall results instead of matching every pair of span lists again.
  // Exact matches serve span F1 alone, once per pair and document: only the overlap ones are kept.
  const match = createCachedMatcher({ remember: (rule) => rule.kind !== 'exact' });
  const labels = options.labels ?? usedLabels(review.documents);
  const annotators = allAnnotatorIds(review.documents);
  // Each document's token coding and span counts serve the overall measures and the document's own in one pass.
  const annotatedBy = (doc: ReviewDocument): readonly string[] => doc.annotatedBy;
  const tokens = tokenAgreementWithDocuments(review.documents, annotators, labels, tokenize, annotatedBy);
  const countsOf = createLabelCounter(labels);
  const exact = spanF1WithDocuments(review.documents, annotators, EXACT_MATCH, labels, match, annotatedBy, countsOf);
  const overlapping = spanF1WithDocuments(review.documents, annotators, overlap, labels, match, annotatedBy, countsOf);
  const agreement = overallAgreement(review.documents, labels, overlap, tokenize, match, { tokens: tokens.overall, spanF1: { exact: exact.pairs, overlap: overlapping.pairs } });
  const perDocument = review.documents.map((doc, i): DocumentAgreement => {
    const section = (rule: MatchRule, pairs: readonly PairSpanF1[]): SpanF1Section => ({ rule, pairs, average: averageSpanF1(pairs, labels) });
    return {
      sha256: doc.sha256,
      title: doc.title,
      annotatedBy: doc.annotatedBy,
      missing: doc.missing,
      spanF1: { exact: section(EXACT_MATCH, exact.perDocument[i]!), overlap: section(overlap, overlapping.perDocument[i]!) },
      tokens: tokens.perDocument[i]!,
    };
  });
  const warnings = [...review.warnings];
  const used = new Set(options.labels === undefined ? [] : usedLabels(review.documents));
  for (const label of options.labels ?? []) {
    if (!used.has(label)) warnings.push({ kind: 'label-not-used', message: `no annotator marked a span of label «${label}» (--label): its measures are undefined.` });
  }
  return {
    format: 'isnad-agreement',
    version: 1,
    coding: codingRules(overlapMinIoU, locale),
    notice: fewerThanTwoNotice(review),
    files: review.files,
    annotators: review.annotators,
    documents: review.documents.map((d) => ({ sha256: d.sha256, title: d.title, annotatedBy: d.annotatedBy, missing: d.missing })),
    warnings,
    agreement,
    perDocument,
    labelConfusion: labelConfusion(review.documents, agreement.annotators, labels, overlapMinIoU, match),
  };
}

function fewerThanTwoNotice(review: Review): string | undefined {
  if (review.annotators.length >= 2) return undefined;
  const who = review.annotators.length === 0 ? 'no annotator (the files have no spans)' : `only one annotator («${review.annotators[0]!.key}»)`;
  return `The files name ${who}: agreement needs at least two annotators, so every measure is undefined (fewer-than-two-annotators).`;
}

/**
 * What agreementReport (shared/agreement/agreement-report.ts) computes, step for step, but with the
 * caller's matcher so that its matches can be reused; a test checks that both give the same report.
 */
export function overallAgreement(
  documents: readonly AnnotatedDocument[],
  labelsOption: readonly string[] | undefined,
  overlap: MatchRule,
  tokenize: (text: string, sha256: string) => WordTokens,
  match: SpanMatcher,
  /** Results the caller computed already with the same inputs (tokenAgreementWithDocuments, spanF1WithDocuments). */
  precomputed: { readonly tokens?: TokenAgreement; readonly spanF1?: { readonly exact: readonly PairSpanF1[]; readonly overlap: readonly PairSpanF1[] } } = {},
): AgreementReport {
  const annotators = allAnnotatorIds(documents);
  const labels = labelsOption ?? usedLabels(documents);
  const pairs = annotatorPairs(annotators);
  const spanSection = (rule: MatchRule, known: readonly PairSpanF1[] | undefined): SpanF1Section => {
    const results = known ?? pairs.map((p) => pairSpanF1(documents, p.annotatorA, p.annotatorB, rule, labels, match));
    return { rule, pairs: results, average: averageSpanF1(results, labels) };
  };
  const linkPairs = pairs.map((p) => pairLinkAgreement(documents, p.annotatorA, p.annotatorB, { rule: overlap, claimLabel: DEFAULT_CLAIM_LABEL, match }));
  return {
    annotators,
    labels,
    documentCount: documents.length,
    documentsAnnotatedByAll: documents.filter((d) => annotatedByAll(d, annotators)).length,
    spanF1: { exact: spanSection(EXACT_MATCH, precomputed.spanF1?.exact), overlap: spanSection(overlap, precomputed.spanF1?.overlap) },
    tokens: precomputed.tokens ?? tokenAgreement(documents, annotators, labels, tokenize),
    unitizing: documentsUnitizingAlpha(documents, annotators, labels),
    links: { pairs: linkPairs, average: averageLinkAgreement(linkPairs) },
    attributes: { pairs: pairs.map((p) => pairAttributeAgreement(documents, p.annotatorA, p.annotatorB, overlap, match)) },
  };
}

/** Every label that occurs, sorted: agreementReport's default. */
function usedLabels(documents: readonly AnnotatedDocument[]): string[] {
  const labels = new Set<string>();
  for (const doc of documents) for (const work of doc.annotations.values()) for (const span of work.spans) labels.add(span.label);
  return [...labels].sort();
}
