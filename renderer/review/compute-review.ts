// Everything the review page shows, computed in one go from the loaded export files: the joined
// review, its report, and αU for each annotator pair (the report has αU over all annotators only).
// Runs in the review worker; pure, so tests call it directly.
import { annotatorPairs } from '../../shared/agreement/annotator-pairs';
import { documentsUnitizingAlpha, type DocumentsUnitizingAlpha } from '../../shared/agreement/documents-unitizing-alpha';
import { loadReview } from '../../shared/review/load-review';
import { reviewReport, type ReviewReport } from '../../shared/review/review-report';
import type { Review, ReviewInput, ReviewLoadError } from '../../shared/review/review-types';
import { sha256Hex } from './sha256-hex';

export interface PairUnitizingAlpha {
  readonly annotatorA: string;
  readonly annotatorB: string;
  readonly result: DocumentsUnitizingAlpha;
}

export interface ReviewComputation {
  readonly review: Review;
  readonly report: ReviewReport;
  readonly pairUnitizing: readonly PairUnitizingAlpha[];
}

export type ComputeReviewResult = { readonly ok: true; readonly value: ReviewComputation } | { readonly ok: false; readonly error: ReviewLoadError };

/**
 * What the page receives from the worker: the measures, not the review itself. Copying 1,000
 * documents' texts and spans to the page took seconds of its main thread; the side-by-side view
 * asks the worker for one document at a time instead.
 */
export type ReviewMeasures = Omit<ReviewComputation, 'review'>;

export type ReviewMeasuresResult = { readonly ok: true; readonly value: ReviewMeasures } | { readonly ok: false; readonly error: ReviewLoadError };

export function computeReview(inputs: readonly ReviewInput[], locale = 'ar'): ComputeReviewResult {
  const loaded = loadReview(inputs, { sha256Hex });
  if (!loaded.ok) return loaded;
  const { review } = loaded;
  const report = reviewReport(review, { locale });
  const { annotators, labels } = report.agreement;
  const pairUnitizing = annotatorPairs(annotators).map(({ annotatorA, annotatorB }) => ({
    annotatorA,
    annotatorB,
    result: documentsUnitizingAlpha(review.documents, [annotatorA, annotatorB], labels),
  }));
  return { ok: true, value: { review, report, pairUnitizing } };
}
