// The dismissible banner for errors and confirmations; never blocks the window.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Banner } from '../state/use-banner';

const INFO_VISIBLE_MS = 6000;

export function ErrorBanner({ banner, onDismiss }: { banner: Banner | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  // Confirmations fade on their own; errors stay until dismissed.
  useEffect(() => {
    if (banner?.kind !== 'info') return;
    const timer = window.setTimeout(onDismiss, INFO_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [banner, onDismiss]);
  if (banner === null) return null;
  return (
    <div
      key={banner.serial}
      className={`banner banner-${banner.kind}`}
      data-testid={banner.kind === 'error' ? 'error-banner' : 'info-banner'}
      role={banner.kind === 'error' ? 'alert' : 'status'}
    >
      <span className="banner-icon" aria-hidden="true">{banner.kind === 'error' ? '!' : '✓'}</span>
      <div className="banner-body">
        <strong>{banner.title}</strong>
        {banner.detail !== '' && <bdi className="banner-detail">{banner.detail}</bdi>}
      </div>
      <button type="button" className="banner-close" onClick={onDismiss} aria-label={t('errors.dismiss')} title={t('errors.dismiss')}>
        ×
      </button>
    </div>
  );
}
