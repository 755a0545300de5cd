// Editing the gold span of one disagreement: its label, its bounds from a selection in any column,
// and nudges by a word at either end; the covered text is shown as it will be saved.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoldAddition } from '../../../shared/adjudication/plan-gold-change';
import { readColumnSelection } from './read-column-selection';
import { nextWordBoundary } from './text-paragraphs';

export interface GoldEditorProps {
  readonly text: string;
  readonly labels: readonly string[];
  /** The version the edit starts from; its attribute values are kept unless the label changes. */
  readonly initial: GoldAddition;
  readonly busy: boolean;
  onSave(edited: GoldAddition): void;
  onCancel(): void;
}

export function GoldEditor({ text, labels, initial, busy, onSave, onCancel }: GoldEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ label: initial.label, startUtf16: initial.startUtf16, endUtf16: initial.endUtf16 });
  const [hint, setHint] = useState(false);
  const nudge = (edge: 'startUtf16' | 'endUtf16', direction: 1 | -1) => {
    setDraft((current) => {
      const next = nextWordBoundary(text, current[edge], direction);
      const moved = { ...current, [edge]: next };
      return moved.startUtf16 < moved.endUtf16 ? moved : current;
    });
  };
  const useSelection = () => {
    const selected = readColumnSelection();
    setHint(selected === null);
    if (selected !== null) setDraft((current) => ({ ...current, ...selected }));
  };
  const covered = text.slice(draft.startUtf16, draft.endUtf16);

  return (
    <div className="compare-editor" data-testid="compare-editor">
      <div className="compare-editor-title">{t('compare.editTitle')}</div>
      <label className="compare-editor-label">
        {t('compare.editLabel')}{' '}
        <select value={draft.label} onChange={(event) => setDraft({ ...draft, label: event.target.value })} data-testid="compare-edit-label">
          {labels.map((label) => (
            <option key={label} value={label}>
              {t(`labels.${label}`, { defaultValue: label })}
            </option>
          ))}
        </select>
      </label>
      <blockquote className="compare-editor-text" dir="rtl" lang="ar" data-testid="compare-edit-text">
        {covered}
      </blockquote>
      <div className="compare-editor-nudges">
        <button type="button" className="button" onClick={() => nudge('startUtf16', -1)} title={t('compare.startEarlier')}>
          {t('compare.startMinus')}
        </button>
        <button type="button" className="button" onClick={() => nudge('startUtf16', 1)} title={t('compare.startLater')}>
          {t('compare.startPlus')}
        </button>
        <button type="button" className="button" onClick={() => nudge('endUtf16', -1)} title={t('compare.endEarlier')}>
          {t('compare.endMinus')}
        </button>
        <button type="button" className="button" onClick={() => nudge('endUtf16', 1)} title={t('compare.endLater')}>
          {t('compare.endPlus')}
        </button>
        {/* mousedown would clear the selection in the column before the click reads it */}
        <button type="button" className="button" onMouseDown={(event) => event.preventDefault()} onClick={useSelection} data-testid="compare-use-selection">
          {t('compare.useSelection')}
        </button>
      </div>
      {hint && <p className="compare-editor-hint">{t('compare.selectionHint')}</p>}
      <div className="compare-editor-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onSave(draft.label === initial.label && initial.attributes !== undefined ? { ...draft, attributes: initial.attributes } : draft)} data-testid="compare-save-edit">
          {t('compare.saveEdit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('compare.cancelEdit')}
        </button>
      </div>
    </div>
  );
}
