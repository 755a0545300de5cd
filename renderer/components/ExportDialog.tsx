// Export in any format: Isnad JSON, JSONL, brat, CoNLL BIO, W3C Web Annotation, Label Studio,
// doccano, spaCy. Chooses the scope (this document or all), the layers (every annotator, the gold
// layer, or chosen annotators) and, for CoNLL, the label layer. All documents are streamed to a file
// (start-streamed-export.ts; W3C there is the annotations only); one document, and brat's many files
// (and W3C's annotations with the document's text), download one by one.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/formats/detect-format';
import type { Annotator, Label } from '../../shared/rpc/domain';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError } from '../../shared/rpc/rpc-error';
import { isStreamableFormat } from '../../shared/rpc/export-download';
import { startStreamedExport } from '../rpc/start-streamed-export';
import { useRestoreFocus } from '../state/use-restore-focus';
import { downloadTextFiles } from '../util/download-files';
import '../styles/formats.css';

interface Props {
  rpc: RpcInvoke;
  openDocument: { id: string; title: string } | null;
  labels: readonly Label[];
  onClose: () => void;
  show: (kind: 'error' | 'info', title: string, detail?: string) => void;
  showRpcError: (error: RpcError, context?: string) => void;
}

type Layers = 'all' | 'gold' | 'chosen';
const GOLD = 'gold';

export function ExportDialog({ rpc, openDocument, labels, onClose, show, showRpcError }: Props) {
  const { t } = useTranslation();
  useRestoreFocus();
  const [format, setFormat] = useState<ExportFormat>('isnad');
  const [scope, setScope] = useState<'document' | 'all'>(openDocument === null ? 'all' : 'document');
  const [layers, setLayers] = useState<Layers>('all');
  const [annotators, setAnnotators] = useState<Annotator[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [conllLabels, setConllLabels] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void rpc('annotators.list', {}).then((result) => {
      if (result.ok) setAnnotators(result.value);
    });
  }, [rpc]);

  const hasGold = annotators.some((annotator) => annotator.name === GOLD);
  const toggle = (set: ReadonlySet<string>, value: string) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const names = layers === 'gold' ? [GOLD] : layers === 'chosen' ? [...chosen] : undefined;
  const canExport = !busy && (names === undefined || names.length > 0) && (scope === 'all' || openDocument !== null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canExport) return;
    setBusy(true);
    try {
      const request = {
        format,
        ...(scope === 'document' && openDocument !== null ? { documentId: openDocument.id } : {}),
        ...(names === undefined ? {} : { annotatorNames: names }),
        ...(format === 'conll' && conllLabels.size > 0 ? { conllLabels: [...conllLabels] } : {}),
      };
      const done = t('exportDialog.done', { format: t(`formatNames.${format}`) });
      if (scope === 'all' && isStreamableFormat(format)) {
        const outcome = await startStreamedExport(rpc, request);
        if (outcome.kind === 'error') return showRpcError(outcome.error);
        if (outcome.kind === 'saved') {
          const { saved } = outcome;
          const detail = `${t('exportDialog.savedTo', { file: saved.fileName })} · ${t('exportDialog.summary', { documents: saved.documentCount, spans: saved.spanCount, files: 1 })}`;
          show('info', done, saved.warnings.length === 0 ? detail : `${detail} · ${saved.warnings.slice(0, 5).join(' · ')}`);
        }
        if (outcome.kind === 'downloading') show('info', done, t('exportDialog.streamStarted'));
        if (outcome.kind !== 'cancelled') onClose();
        return;
      }
      const result = await rpc('formats.export', request);
      if (!result.ok) return showRpcError(result.error);
      await downloadTextFiles(result.value.files);
      const detail = t('exportDialog.summary', { documents: result.value.documentCount, spans: result.value.spanCount, files: result.value.files.length });
      show('info', done, result.value.warnings.length === 0 ? detail : `${detail} · ${result.value.warnings.slice(0, 5).join(' · ')}`);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <form className="modal export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-dialog-title" data-testid="export-dialog" onSubmit={(event) => void submit(event)}>
        <h2 id="export-dialog-title">{t('exportDialog.title')}</h2>
        <label className="export-field">
          <span>{t('exportDialog.format')}</span>
          <select data-testid="export-format" value={format} onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)} autoFocus>
            {EXPORT_FORMATS.map((name) => (
              <option key={name} value={name}>
                {t(`formatNames.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="export-note">{t(`exportDialog.notes.${format}`)}</p>
        <fieldset className="export-field">
          <legend>{t('exportDialog.scope')}</legend>
          <label>
            <input type="radio" name="export-scope" data-testid="export-scope-document" checked={scope === 'document'} disabled={openDocument === null} onChange={() => setScope('document')} />
            <span>
              {t('exportDialog.scopeDocument')}
              {openDocument === null ? null : (
                <>
                  {' — '}
                  <bdi className="export-title">{openDocument.title}</bdi>
                </>
              )}
            </span>
          </label>
          <label>
            <input type="radio" name="export-scope" data-testid="export-scope-all" checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('exportDialog.scopeAll')}
          </label>
        </fieldset>
        <fieldset className="export-field">
          <legend>{t('exportDialog.layers')}</legend>
          <label>
            <input type="radio" name="export-layers" checked={layers === 'all'} onChange={() => setLayers('all')} />
            {t('exportDialog.layersAll')}
          </label>
          <label>
            <input type="radio" name="export-layers" data-testid="export-layers-gold" checked={layers === 'gold'} disabled={!hasGold} onChange={() => setLayers('gold')} />
            {t('exportDialog.layersGold')}
          </label>
          <label>
            <input type="radio" name="export-layers" data-testid="export-layers-chosen" checked={layers === 'chosen'} disabled={annotators.length === 0} onChange={() => setLayers('chosen')} />
            {t('exportDialog.layersChosen')}
          </label>
          {layers === 'chosen' ? (
            <div className="export-choices">
              {annotators.map((annotator) => (
                <label key={annotator.id}>
                  <input type="checkbox" checked={chosen.has(annotator.name)} onChange={() => setChosen((set) => toggle(set, annotator.name))} />
                  <bdi>{annotator.name}</bdi>
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>
        {format === 'conll' ? (
          <fieldset className="export-field" data-testid="export-conll-labels">
            <legend>{t('exportDialog.conllLabels')}</legend>
            <div className="export-choices">
              {labels.map((label) => (
                <label key={label.name}>
                  <input type="checkbox" checked={conllLabels.has(label.name)} onChange={() => setConllLabels((set) => toggle(set, label.name))} />
                  {t(`labels.${label.name}`, { defaultValue: label.name })}
                </label>
              ))}
            </div>
            <p className="export-note">{t('exportDialog.conllRule')}</p>
          </fieldset>
        ) : null}
        <div className="modal-actions">
          <button type="submit" className="button button-primary" data-testid="export-submit" disabled={!canExport}>
            {busy ? t('exportDialog.working') : t('exportDialog.export')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('exportDialog.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
