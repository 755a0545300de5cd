// The imported documents: title (first line), length in characters, number of spans, last change and
// the annotator's status, with the number of documents per status at the top. Rendered as a window
// (usePagedList): a 10,000-document corpus rendered whole froze the page for seconds on every open.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES, type DocumentSummary } from '../../shared/rpc/domain';
import { usePagedList } from '../state/use-paged-list';
import { formatNumber, formatRelativeTime } from '../util/format';

interface Props {
  documents: readonly DocumentSummary[];
  openDocumentId: string | null;
  openingId: string | null;
  onOpen: (documentId: string) => void;
}

export function DocumentList({ documents, openDocumentId, openingId, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const openIndex = useMemo(() => (openDocumentId === null ? -1 : documents.findIndex((doc) => doc.id === openDocumentId)), [documents, openDocumentId]);
  const { listRef, moreRef, start, end, showMore, showEarlier } = usePagedList<HTMLUListElement>(documents.length, openIndex);
  const statusCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const doc of documents) counts.set(doc.status, (counts.get(doc.status) ?? 0) + 1);
    return counts;
  }, [documents]);
  return (
    <nav className="pane documents-pane" aria-labelledby="documents-title">
      <div className="pane-header">
        <h2 id="documents-title">{t('documents.title')}</h2>
        <span className="count-badge" data-testid="document-count">{formatNumber(documents.length, language)}</span>
      </div>
      {documents.length > 0 && (
        <ul className="status-counts" data-testid="status-counts">
          {DOCUMENT_STATUSES.map((status) => (
            <li key={status} className={`status-${status}`} data-status={status} title={t(`status.${status}`)}>
              <span className="status-dot" aria-hidden="true" />
              <span className="status-count-name">{t(`status.${status}`)}</span>
              <span className="status-count-value">{formatNumber(statusCounts.get(status) ?? 0, language)}</span>
            </li>
          ))}
        </ul>
      )}
      {documents.length === 0 ? (
        <p className="pane-empty">{t('documents.empty')}</p>
      ) : (
        <ul className="document-list" ref={listRef} data-testid="document-list">
          {start > 0 && (
            <li className="span-list-more">
              <button type="button" className="button button-quiet" data-testid="document-list-earlier" onClick={showEarlier}>
                {t('spans.earlier', { count: start })}
              </button>
            </li>
          )}
          {documents.slice(start, end).map((doc) => (
            <li key={doc.id}>
              <button
                type="button"
                className={`document-item${doc.id === openDocumentId ? ' is-open' : ''}${doc.id === openingId ? ' is-opening' : ''}`}
                data-testid="document-list-item"
                data-document-id={doc.id}
                aria-current={doc.id === openDocumentId ? 'page' : undefined}
                onClick={() => onOpen(doc.id)}
              >
                <span className="document-title" dir="auto">{doc.title}</span>
                <span className={`document-status status-${doc.status}`} data-testid="document-status" data-status={doc.status}>
                  <span className="status-dot" aria-hidden="true" />
                  {t(`status.${doc.status}`)}
                </span>
                <span className="document-meta">
                  <span title={t('documents.length')}>
                    <span className="meta-key">{t('documents.length')}</span> {formatNumber(doc.lengthCodePoints, language)}
                  </span>
                  <span title={t('documents.spans')}>
                    <span className="meta-key">{t('documents.spans')}</span> {formatNumber(doc.spanCount, language)}
                  </span>
                  <time dateTime={doc.updatedAt} title={new Date(doc.updatedAt).toLocaleString(language)}>
                    {formatRelativeTime(doc.updatedAt, language)}
                  </time>
                </span>
              </button>
            </li>
          ))}
          {end < documents.length && (
            <li className="span-list-more" ref={moreRef}>
              <button type="button" className="button button-quiet" data-testid="document-list-more" onClick={showMore}>
                {t('spans.more', { count: documents.length - end })}
              </button>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}
