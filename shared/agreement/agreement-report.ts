// All agreement measures for a set of annotated documents, as one typed report: the entry point
// for the review screen. Definitions and edge cases: README.md.
import { allAnnotatorIds, annotatedByAll, annotatorPairs } from './annotator-pairs';
import { pairAttributeAgreement, type PairAttributeAgreement } from './attribute-agreement';
import { documentsUnitizingAlpha, type DocumentsUnitizingAlpha } from './documents-unitizing-alpha';
import { averageLinkAgreement, DEFAULT_CLAIM_LABEL, pairLinkAgreement, type AveragedLinkAgreement, type PairLinkAgreement } from './link-agreement';
import { averageSpanF1, pairSpanF1, type AveragedSpanF1, type PairSpanF1 } from './span-f1';
import { createCachedMatcher, DEFAULT_OVERLAP_MIN_IOU, EXACT_MATCH, type MatchRule } from './span-matching';
import { tokenAgreement, type TokenAgreement } from './token-agreement';
import { wordTokensUtf16, type WordTokens } from './token-coding';
import type { AnnotatedDocument, AnnotatorId } from './types';

export interface AgreementOptions {
  /** Labels to measure; default every label that occurs, sorted. */
  readonly labels?: readonly string[];
  /** Overlap matching threshold on intersection over union; default 0.5. */
  readonly overlapMinIoU?: number;
  readonly claimLabel?: string;
  /** Locale of the word segmenter; default 'ar'. */
  readonly locale?: string;
  /**
   * Replaces the word segmentation (Intl.Segmenter, the costliest step: about 0.6 s per 3 MB),
   * e.g. with one that remembers each document's tokens by sha256 across reports. It must return
   * what wordTokensUtf16(text, locale) returns.
   */
  readonly tokenize?: (text: string, sha256: string) => WordTokens;
}

export interface SpanF1Section {
  readonly rule: MatchRule;
  readonly pairs: readonly PairSpanF1[];
  readonly average: AveragedSpanF1;
}

export interface AgreementReport {
  readonly annotators: readonly AnnotatorId[];
  readonly labels: readonly string[];
  readonly documentCount: number;
  readonly documentsAnnotatedByAll: number;
  readonly spanF1: { readonly exact: SpanF1Section; readonly overlap: SpanF1Section };
  readonly tokens: TokenAgreement;
  readonly unitizing: DocumentsUnitizingAlpha;
  /** Spans matched by the overlap rule before links and attributes are compared. */
  readonly links: { readonly pairs: readonly PairLinkAgreement[]; readonly average: AveragedLinkAgreement };
  readonly attributes: { readonly pairs: readonly PairAttributeAgreement[] };
}

export function agreementReport(documents: readonly AnnotatedDocument[], options: AgreementOptions = {}): AgreementReport {
  const annotators = allAnnotatorIds(documents);
  const labels = options.labels ?? [...new Set(documents.flatMap((d) => [...d.annotations.values()].flatMap((w) => w.spans.map((s) => s.label))))].sort();
  const overlap: MatchRule = { kind: 'overlap', minIoU: options.overlapMinIoU ?? DEFAULT_OVERLAP_MIN_IOU };
  const pairs = annotatorPairs(annotators);
  // Exact matches serve span F1 alone, once per pair and document: only the overlap ones are kept.
  const match = createCachedMatcher({ remember: (rule) => rule.kind !== 'exact' });
  const spanSection = (rule: MatchRule): SpanF1Section => {
    const results = pairs.map((p) => pairSpanF1(documents, p.annotatorA, p.annotatorB, rule, labels, match));
    return { rule, pairs: results, average: averageSpanF1(results, labels) };
  };
  const linkPairs = pairs.map((p) => pairLinkAgreement(documents, p.annotatorA, p.annotatorB, { rule: overlap, claimLabel: options.claimLabel ?? DEFAULT_CLAIM_LABEL, match }));
  return {
    annotators,
    labels,
    documentCount: documents.length,
    documentsAnnotatedByAll: documents.filter((d) => annotatedByAll(d, annotators)).length,
    spanF1: { exact: spanSection(EXACT_MATCH), overlap: spanSection(overlap) },
    tokens: tokenAgreement(documents, annotators, labels, options.tokenize ?? ((text) => wordTokensUtf16(text, options.locale))),
    unitizing: documentsUnitizingAlpha(documents, annotators, labels),
    links: { pairs: linkPairs, average: averageLinkAgreement(linkPairs) },
    attributes: { pairs: pairs.map((p) => pairAttributeAgreement(documents, p.annotatorA, p.annotatorB, overlap, match)) },
  };
}
