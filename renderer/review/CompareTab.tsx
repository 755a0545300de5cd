// The side-by-side tab: a document picker (with each document's F1 and who lacks it) and the
// comparison and adjudication view of renderer/review/compare for the chosen document.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewReport } from '../../shared/review/review-report';
import type { ReviewDocument } from '../../shared/review/review-types';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import { CompareView } from './compare/CompareView';
import { formatMeasureValue } from './format-measure';
import { documentRows } from './measure-rows';
import { useCompareReview } from './use-compare-review';

interface Props {
  rpc: RpcInvoke;
  report: ReviewReport;
  selectedSha256: string | null;
  onSelect: (sha256: string) => void;
  fetchDocument: (sha256: string) => Promise<ReviewDocument | null>;
  onGoldChanged: () => void;
}

export function CompareTab({ rpc, report, selectedSha256, onSelect, fetchDocument, onGoldChanged }: Props) {
  const { t, i18n } = useTranslation();
  const documents = useMemo(() => documentRows(report), [report]);
  const review = useCompareReview(selectedSha256, report, fetchDocument);
  return (
    <>
      <label className="review-document-picker">
        {t('review.columns.title')}
        <select data-testid="compare-document" value={selectedSha256 ?? ''} onChange={(event) => onSelect(event.target.value)}>
          {documents.map((doc) => (
            <option key={doc.sha256} value={doc.sha256}>
              {doc.title} — F1 {doc.overlapF1.value === undefined ? '—' : formatMeasureValue(doc.overlapF1.value, i18n.language)}
              {doc.missing.length > 0 ? ` — ${t('review.columns.missing')}: ${doc.missing.join('، ')}` : ''}
            </option>
          ))}
        </select>
      </label>
      {selectedSha256 !== null && review !== null && <CompareView review={review} documentSha256={selectedSha256} onGoldChanged={onGoldChanged} rpc={rpc} />}
    </>
  );
}
