// The review page: annotators' export files (chosen, dropped, or this database's layers) joined by
// the SHA-256 of their texts, measured in a worker, shown as tables, charts and a document list.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import { CompareTab } from './CompareTab';
import { DocumentsTab } from './DocumentsTab';
import { MeasureTables } from './MeasureTables';
import { ReviewCharts } from './ReviewCharts';
import { ReviewSourceBar } from './ReviewSourceBar';
import { ReviewWarnings } from './ReviewWarnings';
import { useFileDrop } from '../state/use-file-drop';
import { useReview } from './use-review';
import './review.css';

type Tab = 'measures' | 'charts' | 'documents' | 'compare';
const TABS: readonly Tab[] = ['measures', 'charts', 'documents', 'compare'];

interface Props {
  rpc: RpcInvoke;
  onClose: () => void;
}

export function ReviewPage({ rpc, onClose }: Props) {
  const { t } = useTranslation();
  const review = useReview(rpc, t('review.databaseName'));
  const { status } = review;
  const hovering = useFileDrop((files) => review.addFiles(files));
  const [tab, setTab] = useState<Tab>('measures');
  const [selectedSha256, setSelectedSha256] = useState<string | null>(null);
  const computation = status.state === 'done' ? status.computation : status.state === 'computing' ? status.previous : null;
  const reloadGold = review.reloadGold;
  const onGoldChanged = useCallback(() => reloadGold(), [reloadGold]);

  useEffect(() => {
    if (computation === null) return;
    // After the browser has painted the results: what the review bench measures.
    requestAnimationFrame(() => setTimeout(() => performance.mark('isnad:review-rendered'), 0));
    const docs = computation.report.documents;
    setSelectedSha256((current) => (current !== null && docs.some((d) => d.sha256 === current) ? current : (docs[0]?.sha256 ?? null)));
  }, [computation]);

  return (
    <section className="review-page" data-testid="review-page" aria-label={t('review.title')}>
      <ReviewSourceBar review={review} onClose={onClose} />

      <div className="review-body">
        {review.readError !== null && (
          <div className="banner banner-error review-banner" role="alert" data-testid="review-error">
            {t('review.readFailed', { message: review.readError })}
          </div>
        )}
        {status.state === 'failed' && (
          <div className="banner banner-error review-banner" role="alert" data-testid="review-error">
            <strong>{t('review.failed')}</strong>
            <span className="review-error-message">{status.message}</span>
            {status.file !== null && <span>{t('review.failedFile', { file: status.file })}</span>}
          </div>
        )}
        {status.state === 'empty' && review.readError === null && (
          <div className="empty-state review-empty">
            <span className="empty-mark" aria-hidden="true">إسناد</span>
            <h2>{t('review.emptyTitle')}</h2>
            <p>{t('review.emptyBody')}</p>
          </div>
        )}
        {status.state === 'computing' && computation === null && (
          <div className="review-computing" role="status" data-testid="review-computing">
            <span className="review-spinner" aria-hidden="true" />
            {t('review.computing')}
          </div>
        )}
        {computation !== null && (
          <>
            {status.state === 'computing' && (
              <div className="review-computing review-updating" role="status" data-testid="review-computing">
                <span className="review-spinner" aria-hidden="true" />
                {t('review.computing')}
              </div>
            )}
            <p className="review-summary" data-testid="review-summary">
              {t('review.summary', {
                annotators: computation.report.annotators.length,
                documents: computation.report.documents.length,
                complete: computation.report.agreement.documentsAnnotatedByAll,
                files: computation.report.files.length,
              })}
            </p>
            {computation.report.notice !== undefined && (
              <div className="banner banner-info review-banner" role="status" data-testid="review-notice">
                {computation.report.notice}
              </div>
            )}
            <ReviewWarnings warnings={computation.report.warnings} />
            <div className="review-tabs" role="tablist">
              {TABS.map((name) => (
                <button key={name} type="button" role="tab" aria-selected={tab === name} className="review-tab" data-testid={`review-tab-${name}`} onClick={() => setTab(name)}>
                  {t(`review.tabs.${name}`)}
                </button>
              ))}
            </div>
            <div className="review-tab-panel" role="tabpanel">
              {tab === 'measures' && <MeasureTables report={computation.report} pairUnitizing={computation.pairUnitizing} />}
              {tab === 'charts' && <ReviewCharts report={computation.report} pairUnitizing={computation.pairUnitizing} />}
              {tab === 'documents' && <DocumentsTab report={computation.report} selectedSha256={selectedSha256} onSelect={setSelectedSha256} />}
              {tab === 'compare' && (
                <CompareTab rpc={rpc} report={computation.report} selectedSha256={selectedSha256} onSelect={setSelectedSha256} fetchDocument={review.fetchDocument} onGoldChanged={onGoldChanged} />
              )}
            </div>
          </>
        )}
      </div>
      {hovering && (
        <div className="drop-overlay" data-testid="review-drop-overlay">
          <div className="drop-card">
            <span className="drop-icon" aria-hidden="true">⇩</span>
            <strong>{t('review.dropHint')}</strong>
          </div>
        </div>
      )}
    </section>
  );
}
