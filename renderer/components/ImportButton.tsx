// "Import files" button over a visually hidden file input (in Electron the input opens the native dialog).
// Text files (.txt) and Isnad exports (.json) are accepted; the App routes each kind to its import.
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from './Icons';

interface Props {
  importing: boolean;
  onImport: (files: File[]) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

export function ImportButton({ importing, onImport, inputRef }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <input
        ref={inputRef}
        className="visually-hidden"
        type="file"
        multiple
        accept=".txt,text/plain,.json,application/json"
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
      <button type="button" className="button button-primary" data-testid="import-button" title={t('import.title')} disabled={importing} onClick={() => inputRef.current?.click()}>
        <PlusIcon />
        {importing ? t('import.working') : t('import.button')}
      </button>
    </>
  );
}
