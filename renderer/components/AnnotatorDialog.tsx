// Asks for the annotator's name on first start (every annotation carries it) and when it is changed.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IsnadMark } from './Icons';

interface Props {
  initialName: string;
  firstStart: boolean;
  onSubmit: (name: string) => Promise<boolean>;
  onCancel: () => void;
}

export function AnnotatorDialog({ initialName, firstStart, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || busy) return;
    setBusy(true);
    const ok = await onSubmit(name.trim());
    setBusy(false);
    if (ok) onCancel();
  };
  return (
    <div className="modal-backdrop">
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby="annotator-dialog-title" onSubmit={(event) => void submit(event)}>
        <span className="modal-mark" aria-hidden="true">
          <IsnadMark />
        </span>
        <h2 id="annotator-dialog-title">{firstStart ? t('nameDialog.welcome') : t('nameDialog.title')}</h2>
        <p>{t('nameDialog.body')}</p>
        <label className="field">
          <span>{t('nameDialog.label')}</span>
          <input
            data-testid="annotator-name-input"
            autoFocus
            dir="auto"
            maxLength={200}
            value={name}
            placeholder={t('nameDialog.placeholder')}
            onChange={(event) => setName(event.currentTarget.value)}
          />
        </label>
        <div className="modal-actions">
          <button type="submit" className="button button-primary" data-testid="annotator-name-submit" disabled={name.trim() === '' || busy}>
            {t('nameDialog.submit')}
          </button>
          {!firstStart && (
            <button type="button" className="button button-quiet" onClick={onCancel}>
              {t('nameDialog.cancel')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
