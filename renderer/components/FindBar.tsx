// The find bar above the article: Arabic-aware search, "3 / 12", Enter / Shift+Enter for the next and
// previous hit, Escape to close.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindState } from '../state/use-find';
import { formatNumber } from '../util/format';

interface Props {
  find: FindState;
}

export function FindBar({ find }: Props) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { query, setQuery, hits, currentIndex, step, close, focusSerial } = find;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusSerial]);

  const count =
    query.trim() === ''
      ? ''
      : hits.length === 0
        ? t('find.none')
        : `${formatNumber(currentIndex + 1, i18n.language)} / ${formatNumber(hits.length, i18n.language)}`;

  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input
        ref={input}
        type="search"
        dir="auto"
        data-testid="find-input"
        aria-label={t('find.label')}
        placeholder={t('find.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {count}
      </span>
      <button type="button" className="icon-button" data-testid="find-previous" aria-label={t('find.previous')} title={t('find.previous')} disabled={hits.length === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" className="icon-button" data-testid="find-next" aria-label={t('find.next')} title={t('find.next')} disabled={hits.length === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" className="icon-button" data-testid="find-close" aria-label={t('find.close')} title={t('find.close')} onClick={close}>
        ×
      </button>
      <span className="find-hint">{t('find.hint')}</span>
    </div>
  );
}
