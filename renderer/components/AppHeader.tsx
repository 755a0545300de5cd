// Top bar: product name, import, export, the annotator's name (click to change) and the language switch.
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotator } from '../../shared/rpc/domain';
import { DownloadIcon, IsnadMark } from './Icons';
import { ImportButton } from './ImportButton';
import type { ImportProgress } from '../state/use-format-import';

interface Props {
  annotator: Annotator | null;
  hasOpenDocument: boolean;
  importing: boolean;
  onImport: (files: File[]) => void;
  importInputRef: RefObject<HTMLInputElement | null>;
  onChangeName: () => void;
  onExport: (scope: 'document' | 'all') => void;
  /** Progress of a chunked format import, shown on the import button. */
  importProgress?: ImportProgress | null;
  /** Opens the export dialog (every format, scope and layer). */
  onOpenExportDialog?: () => void;
  /** Further actions (find, register, schema), shown after export. */
  children?: ReactNode;
}

export function AppHeader({ annotator, hasOpenDocument, importing, onImport, importInputRef, onChangeName, onExport, importProgress = null, onOpenExportDialog, children }: Props) {
  const { t, i18n } = useTranslation();
  const nextLanguage = i18n.language === 'ar' ? 'en' : 'ar';
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <IsnadMark />
        </span>
        <div className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
      </div>
      <div className="header-actions">
        <ImportButton importing={importing} onImport={onImport} inputRef={importInputRef} progress={importProgress} />
        <button type="button" className="button" data-testid="export-document-button" disabled={!hasOpenDocument} title={t('export.documentTitle')} onClick={() => onExport('document')}>
          <DownloadIcon />
          {t('export.document')}
        </button>
        <button type="button" className="button" data-testid="export-all-button" title={t('export.allTitle')} onClick={() => onExport('all')}>
          {t('export.all')}
        </button>
        {onOpenExportDialog ? (
          <button type="button" className="button" data-testid="export-dialog-button" title={t('exportDialog.buttonTitle')} onClick={onOpenExportDialog}>
            {t('exportDialog.button')}
          </button>
        ) : null}
        {children}
        <span className="header-divider" aria-hidden="true" />
        <button type="button" className="annotator-chip" data-testid="annotator-name" title={t('header.changeName')} onClick={onChangeName}>
          <span className="annotator-avatar" aria-hidden="true">{annotator?.name.trim().charAt(0) ?? '?'}</span>
          <span className="annotator-text">
            <span className="annotator-caption">{t('header.annotator')}</span>
            <bdi className="annotator-value">{annotator?.name ?? '—'}</bdi>
          </span>
        </button>
        <button
          type="button"
          className="button button-quiet language-toggle"
          data-testid="language-toggle"
          lang={nextLanguage}
          title={t('header.languageToggleTitle')}
          onClick={() => void i18n.changeLanguage(nextLanguage)}
        >
          {t('header.languageToggle')}
        </button>
      </div>
    </header>
  );
}
