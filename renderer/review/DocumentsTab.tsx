// The documents tab: the document list with per-document F1 and missing annotators, and the chosen
// document's own measures.
import { useTranslation } from 'react-i18next';
import { DocumentSelector, type DocumentSelectorProps } from './DocumentSelector';
import { LabelTable, overlapThreshold } from './MeasureTables';
import { documentLabelRows } from './measure-rows';

/** Takes the document list's props: it passes them on, and shows the chosen document's measures below. */
export function DocumentsTab({ report, selectedSha256, onSelect }: DocumentSelectorProps) {
  const { t } = useTranslation();
  const selected = report.perDocument.find((d) => d.sha256 === selectedSha256) ?? null;
  return (
    <>
      <p className="review-muted">{t('review.documentsHint')}</p>
      <DocumentSelector report={report} selectedSha256={selectedSha256} onSelect={onSelect} />
      {selected !== null && (
        <section className="review-document-measures">
          <h3>
            <bdi>{t('review.documentMeasures', { title: selected.title })}</bdi>
          </h3>
          <p className="review-muted">{t('review.documentMeasuresNote')}</p>
          <LabelTable rows={documentLabelRows(report, selected.sha256)} threshold={overlapThreshold(report)} testId="document-label-table" />
        </section>
      )}
    </>
  );
}
