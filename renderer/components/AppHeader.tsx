// Top bar: product name, import (a split button: files at once, or "Import as…"), "Export…", the
// App's further actions, the annotator's name (click to change) and the language switch.
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotator } from '../../shared/rpc/domain';
import { DownloadIcon, IsnadMark } from './Icons';
import { ImportButton } from './ImportButton';
import type { ImportProgress } from '../state/use-format-import';

interface Props {
  annotator: Annotator | null;
  importing: boolean;
  onImport: (files: File[]) => void;
  importInputRef: RefObject<HTMLInputElement | null>;
  onChangeName: () => void;
  /** Progress of a chunked format import, shown on the import button. */
  importProgress?: ImportProgress | null;
  /** Opens the import dialog (format and layer). */
  onOpenImportDialog: () => void;
  /** Opens the export dialog (every format, scope and layer). */
  onOpenExportDialog: () => void;
  /** Further actions (find, register, schema), shown after export. */
  children?: ReactNode;
}

export function AppHeader({ annotator, importing, onImport, importInputRef, onChangeName, importProgress = null, onOpenImportDialog, onOpenExportDialog, children }: Props) {
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
        <ImportButton importing={importing} onImport={onImport} inputRef={importInputRef} progress={importProgress} onOpenDialog={onOpenImportDialog} />
        <button type="button" className="button" data-testid="export-dialog-button" aria-haspopup="dialog" title={t('exportDialog.buttonTitle')} onClick={onOpenExportDialog}>
          <DownloadIcon />
          {t('exportDialog.button')}
        </button>
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
