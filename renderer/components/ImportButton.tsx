// "Import files" split button: the main part clicks a visually hidden file input (in Electron the
// native dialog) and the App routes each file by its kind; the caret part opens "Import as…" (format
// and layer). Accepts texts, Isnad exports and the annotation formats. Shows the upload's progress.
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_EXTENSIONS } from '../../shared/formats/detect-format';
import type { ImportProgress } from '../state/use-format-import';
import { ChevronDownIcon, PlusIcon } from './Icons';
import '../styles/formats.css';

interface Props {
  importing: boolean;
  onImport: (files: File[]) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  progress?: ImportProgress | null;
  /** Opens the import dialog; without it there is no caret part. */
  onOpenDialog?: () => void;
}

const ACCEPT = [...IMPORT_EXTENSIONS, 'text/plain', 'application/json'].join(',');

export function ImportButton({ importing, onImport, inputRef, progress = null, onOpenDialog }: Props) {
  const { t } = useTranslation();
  const percent = progress === null || progress.totalBytes === 0 ? 100 : Math.floor((progress.sentBytes / progress.totalBytes) * 100);
  const label = progress === null ? (importing ? t('import.working') : t('import.button')) : progress.phase === 'upload' ? t('formatImport.uploading', { percent }) : t('formatImport.importing');
  const busy = importing || progress !== null;
  return (
    <div className="split-button">
      <input
        ref={inputRef}
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        data-testid="import-input"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Reset so choosing the same file again fires another change event.
          event.currentTarget.value = '';
          onImport(files);
        }}
      />
      <button
        type="button"
        className={`button button-primary import-button${onOpenDialog ? ' split-button-main' : ''}`}
        data-testid="import-button"
        title={t('import.title')}
        disabled={busy}
        onClick={() => inputRef.current?.click()}
      >
        <PlusIcon />
        {label}
        {progress !== null ? (
          <progress className="import-progress" data-testid="import-progress" max={100} value={progress.phase === 'upload' ? percent : undefined} aria-label={label} />
        ) : null}
      </button>
      {onOpenDialog ? (
        <button
          type="button"
          className="button button-primary split-button-more"
          data-testid="import-dialog-button"
          aria-label={t('importDialog.button')}
          title={t('importDialog.buttonTitle')}
          aria-haspopup="dialog"
          disabled={busy}
          onClick={onOpenDialog}
        >
          <ChevronDownIcon />
        </button>
      ) : null}
    </div>
  );
}
