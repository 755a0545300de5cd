// The review page's top: back to annotating, adding export files, this database's annotators, and
// the sources given so far (each removable).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewState } from './use-review';

export function ReviewSourceBar({ review, onClose }: { review: ReviewState; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const fileInput = useRef<HTMLInputElement | null>(null);
  const hasDatabase = review.sources.some((s) => s.fromDatabase);
  return (
    <>
      <div className="review-bar">
        <button type="button" className="button button-quiet" data-testid="review-back" title={t('review.backTitle')} onClick={onClose}>
          <span aria-hidden="true">{i18n.dir() === 'rtl' ? '→' : '←'}</span>
          {t('review.back')}
        </button>
        <h1 className="review-title">{t('review.title')}</h1>
        <div className="review-source-actions">
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            multiple
            hidden
            data-testid="review-file-input"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              if (files.length > 0) review.addFiles(files);
            }}
          />
          <button type="button" className="button button-primary" data-testid="review-add-files" title={t('review.addFilesTitle')} onClick={() => fileInput.current?.click()}>
            {t('review.addFiles')}
          </button>
          <button type="button" className="button" data-testid="review-load-database" title={t('review.loadDatabaseTitle')} disabled={review.loadingDatabase} onClick={() => void review.loadDatabase()}>
            {review.loadingDatabase ? t('review.loadingDatabase') : hasDatabase ? t('review.reloadDatabase') : t('review.loadDatabase')}
          </button>
        </div>
      </div>

      {review.sources.length > 0 && (
        <div className="review-sources" data-testid="review-sources">
          <span className="review-sources-caption">{t('review.sources')}</span>
          {review.sources.map((source) => (
            <span key={source.name} className={`review-source${source.fromDatabase ? ' is-database' : ''}`} data-testid="review-source">
              <bdi>{source.name}</bdi>
              <button type="button" className="review-source-remove" aria-label={t('review.removeSource', { name: source.name })} title={t('review.removeSource', { name: source.name })} onClick={() => review.removeSource(source.name)}>
                ×
              </button>
            </span>
          ))}
          <button type="button" className="button button-quiet review-clear" onClick={review.clear}>
            {t('review.clear')}
          </button>
        </div>
      )}
    </>
  );
}
