// The review the side-by-side view gets: the measured review cut down to the chosen document, fetched
// from the worker (the page never holds every document's spans). The previous one stays until the
// new one arrives, so a re-measure after a gold decision does not blank the view.
import { useEffect, useState } from 'react';
import type { ReviewReport } from '../../shared/review/review-report';
import type { Review, ReviewDocument } from '../../shared/review/review-types';

export function useCompareReview(sha256: string | null, report: ReviewReport | null, fetchDocument: (sha256: string) => Promise<ReviewDocument | null>): Review | null {
  const [review, setReview] = useState<Review | null>(null);
  useEffect(() => {
    if (sha256 === null || report === null) return;
    let live = true;
    void fetchDocument(sha256).then((document) => {
      if (!live || document === null) return;
      setReview({ files: report.files, annotators: report.annotators, documents: [document], warnings: report.warnings });
    });
    return () => {
      live = false;
    };
  }, [sha256, report, fetchDocument]);
  return review !== null && review.documents[0]?.sha256 === sha256 ? review : null;
}
