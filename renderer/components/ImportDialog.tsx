// "Import as…": files chosen or dropped here, each listed with its size and detected format, imported
// in one upload with a forced format (`isnad import --format`), the layer that receives the spans
// (`--annotator`), labels read as the schema's (`--map-label`) and Label Studio predictions
// (`--predictions`). A refusal stays in the dialog, with the files, so that a choice can be changed
// and retried; labels it names as unknown are offered as mappings.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GOLD_ANNOTATOR_NAME } from '../../shared/adjudication/gold-layer';
import { IMPORT_FORMATS, type ImportFormat } from '../../shared/formats/detect-format';
import { unknownLabelsIn } from '../../shared/formats/label-mapper';
import type { Label } from '../../shared/rpc/domain';
import type { RpcError } from '../../shared/rpc/rpc-error';
import { useFileDrop } from '../state/use-file-drop';
import type { FormatImportOptions, ImportProgress } from '../state/use-format-import';
import { useRestoreFocus } from '../state/use-restore-focus';
import { detectFileFormats } from '../util/detect-file-formats';
import { fileSizeParts, formatNumber } from '../util/format';
import { PlusIcon, TrashIcon } from './Icons';
import '../styles/formats.css';

interface Props {
  /** The current annotator's name, for the "Me" layer. */
  annotatorName: string | null;
  /** The active schema's labels: what a file's labels may be read as. */
  labels: readonly Label[];
  progress: ImportProgress | null;
  /** Runs the upload (useFormatImport); resolves to whether the files were imported. */
  onImport: (files: readonly File[], options: FormatImportOptions) => Promise<boolean>;
  onClose: () => void;
}

type FormatChoice = 'detect' | ImportFormat;
type Layer = 'named' | 'me' | 'gold' | 'other';
/** One "read FROM as TO" row; TO '' leaves FROM's spans out. */
interface MappingRow {
  key: number;
  from: string;
  to: string;
}
const MAX_ANNOTATOR_NAME = 200;
/** The contract's bounds on a mapping (imports.begin labelMapping). */
const MAX_MAPPED_LABEL = 100;
const MAX_MAPPINGS = 200;
/** Formats whose spans take no layer: texts have none, Isnad exports keep each span's annotator. */
const WITHOUT_LAYER: ReadonlySet<ImportFormat | undefined> = new Set(['text', 'markdown', 'isnad', undefined]);

export function ImportDialog({ annotatorName, labels, progress, onImport, onClose }: Props) {
  const { t, i18n } = useTranslation();
  useRestoreFocus();
  const ids = useId();
  const input = useRef<HTMLInputElement | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  // Detection reads the files' first bytes: it arrives after the list, for the list it was made from.
  const [detected, setDetected] = useState<{ files: readonly File[]; formats: (ImportFormat | undefined)[] } | null>(null);
  const [format, setFormat] = useState<FormatChoice>('detect');
  const [layer, setLayer] = useState<Layer>('named');
  const [otherName, setOtherName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);
  const [mappings, setMappings] = useState<MappingRow[]>([]);
  const [predictions, setPredictions] = useState(false);
  const nextMappingKey = useRef(0);

  const addFiles = (added: readonly File[]) => {
    if (busy || added.length === 0) return;
    setError(null);
    // The upload holds one file per name: a file chosen again replaces the earlier one.
    setFiles((list) => [...list.filter((file) => !added.some((other) => other.name === file.name)), ...added]);
  };
  const hovering = useFileDrop(addFiles);

  useEffect(() => {
    let current = true;
    void detectFileFormats(files).then((formats) => {
      if (current) setDetected({ files, formats });
    });
    return () => {
      current = false;
    };
  }, [files]);

  const detectedFormats = detected?.files === files ? detected.formats : null;
  const effective = files.map((_, index) => (format === 'detect' ? detectedFormats?.[index] : format));
  const layerApplies = files.length === 0 || (format === 'detect' && detectedFormats === null) || effective.some((entry) => !WITHOUT_LAYER.has(entry));
  const unknown = format === 'detect' && detectedFormats !== null ? files.filter((_, index) => detectedFormats[index] === undefined) : [];
  const trimmedName = otherName.trim();
  const nameMissing = layerApplies && layer === 'other' && (trimmedName === '' || trimmedName.length > MAX_ANNOTATOR_NAME);
  const canImport = !busy && files.length > 0 && detectedFormats !== null && unknown.length === 0 && !nameMissing;
  const annotator = !layerApplies ? undefined : layer === 'me' ? (annotatorName ?? undefined) : layer === 'gold' ? GOLD_ANNOTATOR_NAME : layer === 'other' ? trimmedName : undefined;
  // Rows without a file label are not sent; a label mapped twice blocks the import, as --map-label does.
  const mapped = layerApplies ? mappings.filter((row) => row.from.trim() !== '') : [];
  const mappedTwice = mapped.find((row, index) => mapped.findIndex((other) => other.from.trim() === row.from.trim()) !== index)?.from.trim();
  const offersPredictions = effective.includes('label-studio');
  const canSubmit = canImport && mappedTwice === undefined;
  const labelName = (name: string) => t(`labels.${name}`, { defaultValue: name });
  const addMappings = (froms: readonly string[]) => {
    const rows = froms.map((from) => {
      // A guess the annotator sees and can change: the schema label of the same spelling ignoring case, else the first.
      const guess = labels.find((label) => label.name.toLowerCase() === from.toLowerCase()) ?? labels[0];
      return { key: nextMappingKey.current++, from, to: guess?.name ?? '' };
    });
    setMappings((list) => [...list, ...rows].slice(0, MAX_MAPPINGS));
  };
  const onRefused = (refusal: RpcError) => {
    setError(refusal);
    // Labels the schema lacks come back as rows to fill in, so that the retry is one choice per label away.
    const missing = unknownLabelsIn(refusal.message).filter((label) => !mappings.some((row) => row.from.trim() === label));
    if (missing.length > 0) addMappings(missing);
  };

  const formatName = (name: ImportFormat | undefined) => (name === undefined ? t('importDialog.unknownFormat') : t(`formatNames.${name}`));
  const sizeOf = (bytes: number) => {
    const { unit, value } = fileSizeParts(bytes);
    return t(`importDialog.size.${unit}`, { value: formatNumber(value, i18n.language) });
  };
  const percent = progress === null || progress.totalBytes === 0 ? 100 : Math.floor((progress.sentBytes / progress.totalBytes) * 100);
  const progressLabel = progress?.phase === 'upload' ? t('formatImport.uploading', { percent }) : t('formatImport.importing');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    let imported = false;
    try {
      imported = await onImport(files, {
        format: format === 'detect' ? undefined : format,
        annotator,
        labelMapping: mapped.map((row) => [row.from.trim(), row.to]),
        predictions: offersPredictions && predictions,
        onError: onRefused,
      });
    } finally {
      setBusy(false);
    }
    if (imported) onClose();
  };

  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && !busy && onClose()}>
      <form className="modal export-dialog" role="dialog" aria-modal="true" aria-labelledby={`${ids}-title`} aria-busy={busy} data-testid="import-dialog" onSubmit={(event) => void submit(event)}>
        <h2 id={`${ids}-title`}>{t('importDialog.title')}</h2>
        <div className={`import-drop${hovering ? ' is-hovering' : ''}`} data-testid="import-dialog-drop">
          <input
            ref={input}
            className="visually-hidden"
            type="file"
            multiple
            data-testid="import-dialog-input"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const chosen = Array.from(event.currentTarget.files ?? []);
              // Reset so choosing the same file again fires another change event.
              event.currentTarget.value = '';
              addFiles(chosen);
            }}
          />
          <button type="button" className="button" data-testid="import-dialog-choose" disabled={busy} autoFocus onClick={() => input.current?.click()}>
            <PlusIcon />
            {t('importDialog.choose')}
          </button>
          <span className="export-note">{t('importDialog.dropHint')}</span>
        </div>
        {files.length === 0 ? (
          <p className="export-note">{t('importDialog.empty')}</p>
        ) : (
          <ul className="import-files" aria-label={t('importDialog.files')} data-testid="import-dialog-files">
            {files.map((file, index) => {
              const found = detectedFormats?.[index];
              const named = error !== null && error.message.includes(file.name);
              return (
                <li key={file.name} className={named ? 'has-error' : undefined} data-testid="import-dialog-file" data-format={effective[index] ?? ''}>
                  <span className="import-file-text">
                    <bdi className="import-file-name">{file.name}</bdi>
                    <span className="import-file-meta">
                      {sizeOf(file.size)}
                      {' · '}
                      <span className={effective[index] === undefined && detectedFormats !== null ? 'import-file-unknown' : undefined}>{detectedFormats === null ? '…' : formatName(effective[index])}</span>
                      {format !== 'detect' && detectedFormats !== null && found !== format ? (
                        <>
                          {' · '}
                          {t('importDialog.detectedAs', { format: formatName(found) })}
                        </>
                      ) : null}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="icon-button danger"
                    data-testid="import-dialog-remove"
                    disabled={busy}
                    aria-label={t('importDialog.remove', { name: file.name })}
                    title={t('importDialog.remove', { name: file.name })}
                    onClick={() => {
                      setError(null);
                      setFiles((list) => list.filter((entry) => entry !== file));
                    }}
                  >
                    <TrashIcon />
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {unknown.length > 0 ? (
          <p className="export-note import-warning" data-testid="import-dialog-unknown">
            {t('importDialog.unknownHint', { names: new Intl.ListFormat(i18n.language).format(unknown.map((file) => `«${file.name}»`)) })}
          </p>
        ) : null}
        <label className="export-field">
          <span>{t('importDialog.format')}</span>
          <select data-testid="import-format" value={format} disabled={busy} aria-describedby={`${ids}-format-note`} onChange={(event) => setFormat(event.currentTarget.value as FormatChoice)}>
            <option value="detect">{t('importDialog.detect')}</option>
            {IMPORT_FORMATS.map((name) => (
              <option key={name} value={name}>
                {t(`formatNames.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="export-note" id={`${ids}-format-note`} data-testid="import-format-note">
          {t(`importDialog.notes.${format}`)}
        </p>
        <label className="export-field" title={layerApplies ? undefined : t('importDialog.layerDisabled')}>
          <span>{t('importDialog.layer')}</span>
          <select
            data-testid="import-layer"
            value={layer}
            disabled={busy || !layerApplies}
            title={layerApplies ? undefined : t('importDialog.layerDisabled')}
            aria-describedby={layerApplies ? undefined : `${ids}-layer-note`}
            onChange={(event) => setLayer(event.currentTarget.value as Layer)}
          >
            <option value="named">{t('importDialog.layerNamed')}</option>
            <option value="me" disabled={annotatorName === null}>
              {t('importDialog.layerMe', { name: annotatorName ?? '—' })}
            </option>
            <option value="gold">{t('importDialog.layerGold')}</option>
            <option value="other">{t('importDialog.layerOther')}</option>
          </select>
        </label>
        {layerApplies ? null : (
          <p className="export-note" id={`${ids}-layer-note`} data-testid="import-layer-note">
            {t('importDialog.layerDisabled')}
          </p>
        )}
        {layerApplies && layer === 'other' ? (
          <label className="export-field">
            <span>{t('importDialog.otherName')}</span>
            <input
              className="import-name"
              data-testid="import-layer-name"
              dir="auto"
              maxLength={MAX_ANNOTATOR_NAME}
              value={otherName}
              disabled={busy}
              placeholder={t('importDialog.otherPlaceholder')}
              aria-invalid={nameMissing}
              aria-describedby={nameMissing ? `${ids}-name-note` : undefined}
              onChange={(event) => setOtherName(event.currentTarget.value)}
            />
            {nameMissing ? (
              <span className="export-note" id={`${ids}-name-note`}>
                {t('importDialog.otherEmpty')}
              </span>
            ) : null}
          </label>
        ) : null}
        {layerApplies ? (
          <fieldset className="import-mapping" data-testid="import-mapping">
            <legend>{t('importDialog.mapping')}</legend>
            <p className="export-note">{t('importDialog.mappingNote')}</p>
            {mappings.map((row) => (
              <div key={row.key} className="import-mapping-row" data-testid="import-mapping-row">
                <input
                  className="import-name"
                  data-testid="import-mapping-from"
                  dir="auto"
                  maxLength={MAX_MAPPED_LABEL}
                  value={row.from}
                  disabled={busy}
                  placeholder={t('importDialog.mappingPlaceholder')}
                  aria-label={t('importDialog.mappingFrom')}
                  aria-invalid={row.from.trim() !== '' && row.from.trim() === mappedTwice}
                  onChange={(event) => {
                    const from = event.currentTarget.value;
                    setMappings((list) => list.map((entry) => (entry.key === row.key ? { ...entry, from } : entry)));
                  }}
                />
                <span aria-hidden="true">→</span>
                <select
                  data-testid="import-mapping-to"
                  value={row.to}
                  disabled={busy}
                  aria-label={t('importDialog.mappingTo')}
                  onChange={(event) => {
                    const to = event.currentTarget.value;
                    setMappings((list) => list.map((entry) => (entry.key === row.key ? { ...entry, to } : entry)));
                  }}
                >
                  {labels.map((label) => (
                    <option key={label.name} value={label.name}>
                      {labelName(label.name)}
                    </option>
                  ))}
                  <option value="">{t('importDialog.mappingLeaveOut')}</option>
                </select>
                <button
                  type="button"
                  className="icon-button danger"
                  data-testid="import-mapping-remove"
                  disabled={busy}
                  aria-label={t('importDialog.mappingRemove', { label: row.from })}
                  title={t('importDialog.mappingRemove', { label: row.from })}
                  onClick={() => setMappings((list) => list.filter((entry) => entry.key !== row.key))}
                >
                  <TrashIcon />
                </button>
              </div>
            ))}
            {mappedTwice !== undefined ? (
              <p className="export-note import-warning" data-testid="import-mapping-twice">
                {t('importDialog.mappingTwice', { label: mappedTwice })}
              </p>
            ) : null}
            <button type="button" className="button" data-testid="import-mapping-add" disabled={busy || mappings.length >= MAX_MAPPINGS} onClick={() => addMappings([''])}>
              <PlusIcon />
              {t('importDialog.mappingAdd')}
            </button>
          </fieldset>
        ) : null}
        {layerApplies && offersPredictions ? (
          <label className="export-check">
            <input type="checkbox" data-testid="import-predictions" checked={predictions} disabled={busy} onChange={(event) => setPredictions(event.currentTarget.checked)} />
            <span>{t('importDialog.predictions')}</span>
          </label>
        ) : null}
        {error !== null ? (
          <div className="import-error" role="alert" data-testid="import-dialog-error">
            <strong>{t(`errors.${error.code}`)}</strong>
            {/* The server's words are English and name the file: they take their own direction. */}
            <span dir="auto">{error.message}</span>
            {unknownLabelsIn(error.message).length > 0 ? <span>{t('importDialog.mappingOffered')}</span> : null}
          </div>
        ) : null}
        {busy && progress !== null ? (
          <div className="import-dialog-progress" data-testid="import-dialog-progress">
            <progress max={100} value={progress.phase === 'upload' ? percent : undefined} aria-label={progressLabel} />
            <span>{progressLabel}</span>
          </div>
        ) : null}
        <div className="modal-actions">
          <button type="submit" className="button button-primary" data-testid="import-submit" disabled={!canSubmit}>
            {busy ? progressLabel : t('importDialog.import')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            {t('importDialog.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
