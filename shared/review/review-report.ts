// Every agreement measure for a loaded review, over all documents and per document, plus the label
// confusion matrix and the coding rules: the one typed report that each output format renders.
import type { AgreementReport, SpanF1Section } from '../agreement/agreement-report';
import { allAnnotatorIds, annotatedByAll, annotatorPairs } from '../agreement/annotator-pairs';
import { pairAttributeAgreement } from '../agreement/attribute-agreement';
import { documentsUnitizingAlpha } from '../agreement/documents-unitizing-alpha';
import { averageLinkAgreement, DEFAULT_CLAIM_LABEL, pairLinkAgreement } from '../agreement/link-agreement';
import { averageSpanF1, pairSpanF1 } from '../agreement/span-f1';
import { createCachedMatcher, DEFAULT_OVERLAP_MIN_IOU, EXACT_MATCH, type MatchRule, type SpanMatcher } from '../agreement/span-matching';
import type { AnnotatedDocument } from '../agreement/types';
import { tokenAgreement, type TokenAgreement } from '../agreement/token-agreement';
import { wordTokensUtf16, type WordTokens } from '../agreement/token-coding';
import { codingRules, type CodingRules } from './coding-rules';
import { labelConfusion, type LabelConfusion } from './label-confusion';
import type { Review, ReviewAnnotator, ReviewFileSummary, ReviewWarning } from './review-types';

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
  const match = createCachedMatcher();
  const agreement = overallAgreement(review.documents, options.labels, overlap, tokenize, match);
  const labels = agreement.labels;
  const perDocument = review.documents.map((doc): DocumentAgreement => {
    const pairs = annotatorPairs(doc.annotatedBy);
    const section = (rule: MatchRule): SpanF1Section => {
      const results = pairs.map((p) => pairSpanF1([doc], p.annotatorA, p.annotatorB, rule, labels, match));
      return { rule, pairs: results, average: averageSpanF1(results, labels) };
    };
    return {
      sha256: doc.sha256,
      title: doc.title,
      annotatedBy: doc.annotatedBy,
      missing: doc.missing,
      spanF1: { exact: section(EXACT_MATCH), overlap: section(overlap) },
      tokens: tokenAgreement([doc], doc.annotatedBy, labels, tokenize),
    };
  });
  const warnings = [...review.warnings];
  const used = new Set(review.documents.flatMap((d) => [...d.annotations.values()].flatMap((w) => w.spans.map((s) => s.label))));
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
): AgreementReport {
  const annotators = allAnnotatorIds(documents);
  const labels = labelsOption ?? [...new Set(documents.flatMap((d) => [...d.annotations.values()].flatMap((w) => w.spans.map((s) => s.label))))].sort();
  const pairs = annotatorPairs(annotators);
  const spanSection = (rule: MatchRule): SpanF1Section => {
    const results = pairs.map((p) => pairSpanF1(documents, p.annotatorA, p.annotatorB, rule, labels, match));
    return { rule, pairs: results, average: averageSpanF1(results, labels) };
  };
  const linkPairs = pairs.map((p) => pairLinkAgreement(documents, p.annotatorA, p.annotatorB, { rule: overlap, claimLabel: DEFAULT_CLAIM_LABEL, match }));
  return {
    annotators,
    labels,
    documentCount: documents.length,
    documentsAnnotatedByAll: documents.filter((d) => annotatedByAll(d, annotators)).length,
    spanF1: { exact: spanSection(EXACT_MATCH), overlap: spanSection(overlap) },
    tokens: tokenAgreement(documents, annotators, labels, tokenize),
    unitizing: documentsUnitizingAlpha(documents, annotators, labels),
    links: { pairs: linkPairs, average: averageLinkAgreement(linkPairs) },
    attributes: { pairs: pairs.map((p) => pairAttributeAgreement(documents, p.annotatorA, p.annotatorB, overlap, match)) },
  };
}
