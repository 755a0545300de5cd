// "Import files" button over a visually hidden file input (in Electron the input opens the native dialog).
// Accepts texts, Isnad exports and the annotation formats (brat .txt + .ann, JSONL, CoNLL, W3C, Label
// Studio, doccano, spaCy); the App routes each kind to its import. Shows the upload's progress.
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_EXTENSIONS } from '../../shared/formats/detect-format';
import type { ImportProgress } from '../state/use-format-import';
import { PlusIcon } from './Icons';

interface Props {
  importing: boolean;
  onImport: (files: File[]) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  progress?: ImportProgress | null;
}

const ACCEPT = [...IMPORT_EXTENSIONS, 'text/plain', 'application/json'].join(',');

export function ImportButton({ importing, onImport, inputRef, progress = null }: Props) {
  const { t } = useTranslation();
  const percent = progress === null || progress.totalBytes === 0 ? 100 : Math.floor((progress.sentBytes / progress.totalBytes) * 100);
  const label = progress === null ? (importing ? t('import.working') : t('import.button')) : progress.phase === 'upload' ? t('formatImport.uploading', { percent }) : t('formatImport.importing');
  return (
    <>
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
      <button type="button" className="button button-primary import-button" data-testid="import-button" title={t('import.title')} disabled={importing || progress !== null} onClick={() => inputRef.current?.click()}>
        <PlusIcon />
        {label}
        {progress !== null ? (
          <progress className="import-progress" data-testid="import-progress" max={100} value={progress.phase === 'upload' ? percent : undefined} aria-label={label} />
        ) : null}
      </button>
    </>
  );
}
