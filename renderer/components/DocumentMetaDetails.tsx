// The metadata a document was imported with (a corpus's `meta`: source, URL, date…), folded under the
// document's title: one line per key, values as text (a URL is shown, never followed: the app stays offline).
import { useTranslation } from 'react-i18next';
import type { DocumentRecord } from '../../shared/rpc/domain';

interface Props {
  meta: DocumentRecord['meta'];
}

export function DocumentMetaDetails({ meta }: Props) {
  const { t } = useTranslation();
  if (meta === null) return null;
  const entries = Object.entries(meta);
  if (entries.length === 0) return null;
  return (
    <details className="document-metadata" data-testid="document-meta">
      <summary title={t('documents.metaTitle')}>{t('documents.meta', { count: entries.length })}</summary>
      <dl>
        {entries.map(([key, value]) => (
          <div key={key} className="document-metadata-row">
            <dt>
              <bdi>{key}</bdi>
            </dt>
            <dd>
              <bdi>{describeValue(value)}</bdi>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A string as it is, a list of plain values as a list (tags), anything else as its JSON, which says what it is. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) return value.map(String).join(', ');
  return JSON.stringify(value);
}
