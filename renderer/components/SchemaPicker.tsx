// Project settings: the annotation schemas (the active one marked), switching to another (refused
// with the server's explanation when existing spans use labels it lacks), and importing a schema
// JSON file (its mistakes are listed one per line, each with its path).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../shared/rpc/rpc-error';
import type { SchemasState } from '../state/use-schemas';
import { splitErrorDetails } from '../util/split-error-details';
import { isolateBidi } from '../util/isolate-bidi';

interface Props {
  schemas: SchemasState;
  onClose: () => void;
}

type Outcome = { kind: 'error'; error: RpcError } | { kind: 'done'; message: string };

export function SchemaPicker({ schemas, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const language = i18n.language === 'en' ? 'en' : 'ar';

  const run = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await action());
    } finally {
      setBusy(false);
    }
  };

  const switchTo = (schemaId: string, name: string) =>
    run(async () => {
      const error = await schemas.switchTo(schemaId);
      return error === null ? { kind: 'done', message: t('schemas.switched', { name: isolateBidi(name) }) } : { kind: 'error', error };
    });

  const importFile = (file: File) =>
    run(async () => {
      const result = await schemas.importSchema(await file.text());
      return 'error' in result ? { kind: 'error', error: result.error } : { kind: 'done', message: t('schemas.imported', { name: isolateBidi(result.imported.displayName[language]) }) };
    });

  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <section className="modal schema-picker" role="dialog" aria-modal="true" aria-labelledby="schema-title" data-testid="schema-picker" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
        <header className="register-header">
          <h2 id="schema-title">{t('schemas.title')}</h2>
          <p>{t('schemas.intro')}</p>
          <button type="button" className="icon-button register-close" data-testid="schema-close" aria-label={t('register.close')} title={t('register.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <ul className="schema-list">
          {schemas.schemas.map((schema) => {
            const name = schema.displayName[language];
            return (
              <li key={schema.id} data-testid="schema-item" data-schema-id={schema.id} className={schema.active ? 'is-active' : ''}>
                <span className="schema-name">
                  <bdi>{name}</bdi>
                  <span className="schema-meta">
                    {schema.id} · v{schema.version} · {schema.builtIn ? t('schemas.builtIn') : t('schemas.importedTag')}
                  </span>
                </span>
                {schema.active ? (
                  <span className="schema-active" data-testid="schema-active">{t('schemas.active')}</span>
                ) : (
                  <button type="button" className="button" data-testid={`schema-use-${schema.id}`} disabled={busy} onClick={() => void switchTo(schema.id, name)}>
                    {t('schemas.use')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {outcome?.kind === 'error' && (
          <div className="schema-error" role="alert" data-testid="schema-error">
            <strong>{t(`errors.${outcome.error.code}`)}</strong>
            <ul>
              {splitErrorDetails(outcome.error.message).map((line, index) => (
                // The server's words are English: each line takes its own direction.
                <li key={index} dir="auto">
                  {line}
                </li>
              ))}
            </ul>
          </div>
        )}
        {outcome?.kind === 'done' && (
          <p className="register-note" role="status" data-testid="schema-done">
            {outcome.message}
          </p>
        )}
        <div className="modal-actions">
          <input
            ref={fileInput}
            className="visually-hidden"
            type="file"
            accept=".json,application/json"
            data-testid="schema-import-input"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file !== undefined) void importFile(file);
            }}
          />
          <button type="button" className="button" data-testid="schema-import-button" disabled={busy} onClick={() => fileInput.current?.click()}>
            {t('schemas.import')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('register.close')}
          </button>
        </div>
      </section>
    </div>
  );
}
