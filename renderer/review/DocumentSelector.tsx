// The review's documents with their own span F1 and the annotators who lack them; the chosen one
// is what the document measures (and the side-by-side view) show.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewReport } from '../../shared/review/review-report';
import { MeasureCell } from './MeasureCell';
import { documentRows } from './measure-rows';
import { overlapThreshold } from './MeasureTables';

export interface DocumentSelectorProps {
  report: ReviewReport;
  selectedSha256: string | null;
  onSelect: (sha256: string) => void;
}

export function DocumentSelector({ report, selectedSha256, onSelect }: DocumentSelectorProps) {
  const { t } = useTranslation();
  const rows = useMemo(() => documentRows(report), [report]);
  const threshold = overlapThreshold(report);
  return (
    <div className="review-table-wrap review-documents">
      <table className="review-table review-table-select" data-testid="document-table">
        <thead>
          <tr>
            <th scope="col">{t('review.columns.title')}</th>
            <th scope="col">{t('review.columns.annotatedBy')}</th>
            <th scope="col">{t('review.columns.exactF1')}</th>
            <th scope="col">{t('review.columns.overlapF1', { threshold })}</th>
            <th scope="col">{t('review.columns.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const selected = row.sha256 === selectedSha256;
            return (
              <tr
                key={row.sha256}
                data-testid="document-row"
                data-sha256={row.sha256}
                aria-selected={selected}
                className={selected ? 'is-selected' : undefined}
                tabIndex={0}
                onClick={() => onSelect(row.sha256)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onSelect(row.sha256);
                  }
                }}
              >
                <th scope="row" className="review-document-title">
                  <bdi>{row.title}</bdi>
                  <span className="review-sha" title={row.sha256}>
                    {row.sha256.slice(0, 12)}
                  </span>
                </th>
                <td className="measure-cell">{row.annotatedBy.length}</td>
                <MeasureCell cell={row.exactF1} testId="exact-f1" />
                <MeasureCell cell={row.overlapF1} testId="overlap-f1" />
                <td className={row.missing.length > 0 ? 'review-missing' : 'review-muted'}>
                  {row.missing.length === 0 ? t('review.missingNone') : row.missing.map((key) => <bdi key={key}>{key}</bdi>)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
