// The current disagreement: each annotator's version, what differs, what gold holds now, and the
// choices that settle it (a version, all of them, none, or an edited span).
import { useTranslation } from 'react-i18next';
import type { ComparisonItem } from '../../../shared/adjudication/compare-annotators';
import type { GoldAddition, GoldChoice, GoldResolution } from '../../../shared/adjudication/plan-gold-change';
import { GoldEditor } from './GoldEditor';

export interface DecisionPanelProps {
  readonly item: ComparisonItem;
  readonly names: readonly string[];
  readonly text: string;
  readonly labels: readonly string[];
  readonly resolution: GoldResolution;
  /** Settled in this session: no gold span then means "neither", not "not yet". */
  readonly decided: boolean;
  readonly busy: boolean;
  readonly editing: boolean;
  onChoose(choice: GoldChoice): void;
  onEdit(editing: boolean): void;
  onSaveEdit(edited: GoldAddition): void;
}

export function DecisionPanel({ item, names, text, labels, resolution, decided, busy, editing, onChoose, onEdit, onSaveEdit }: DecisionPanelProps) {
  const { t } = useTranslation();
  const labelName = (label: string) => t(`labels.${label}`, { defaultValue: label });
  const firstSpan = item.spans.find((span) => span !== null) ?? null;
  const initial: GoldAddition = firstSpan === null ? { label: labels[0] ?? 'claim', startUtf16: item.startUtf16, endUtf16: item.endUtf16 } : firstSpan;

  return (
    <div className={`compare-decision kind-${item.kind}`} data-testid="compare-decision" data-kind={item.kind}>
      <div className="compare-decision-kind">
        <span className={`compare-swatch kind-${item.kind}`} aria-hidden="true" />
        {t(`compare.kinds.${item.kind}`)}
      </div>
      <ol className="compare-versions" aria-label={t('compare.versions')}>
        {item.spans.map((span, column) => (
          <li key={column} data-testid="compare-version">
            <span className="compare-version-name">{names[column]}</span>
            {span === null ? (
              <span className="compare-version-none">{t('compare.noSpan')}</span>
            ) : (
              <>
                <span className={`compare-label-chip label-${span.label}`}>{labelName(span.label)}</span>
                <q dir="rtl" lang="ar">
                  {text.slice(span.startUtf16, span.endUtf16)}
                </q>
              </>
            )}
          </li>
        ))}
      </ol>
      {item.details.length > 0 && (
        <ul className="compare-details">
          {item.details.map((detail) => (
            <li key={`${detail.kind}:${detail.name}`}>
              {t(detail.kind === 'attribute' ? 'compare.attribute' : 'compare.link', { name: detail.name })}:{' '}
              {detail.values.map((value, column) => `${names[column]}: ${value ?? '—'}`).join(' · ')}
            </li>
          ))}
        </ul>
      )}
      <p className="compare-gold-status" data-testid="compare-gold-status">
        {t('compare.gold')}: {describeResolution(resolution, decided, names, t)}
      </p>
      <div className="compare-choices">
        {names.map((name, column) => (
          <button key={column} type="button" className="button" disabled={busy} onClick={() => onChoose({ kind: 'column', column })} data-testid={`compare-take-${column + 1}`} title={`${column + 1}`}>
            {t('compare.takeVersion', { name })}
          </button>
        ))}
        <button type="button" className="button" disabled={busy} onClick={() => onChoose({ kind: 'all' })} data-testid="compare-take-all" title="B">
          {names.length === 2 ? t('compare.both') : t('compare.all')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onChoose({ kind: 'none' })} data-testid="compare-take-none" title="0">
          {t('compare.neither')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onEdit(!editing)} aria-expanded={editing} data-testid="compare-edit" title="E">
          {t('compare.edit')}
        </button>
      </div>
      {editing && <GoldEditor key={item.index} text={text} labels={labels} initial={initial} busy={busy} onSave={onSaveEdit} onCancel={() => onEdit(false)} />}
    </div>
  );
}

function describeResolution(resolution: GoldResolution, decided: boolean, names: readonly string[], t: (key: string, options?: Record<string, unknown>) => string): string {
  if (resolution.goldCount === 0) return t(decided ? 'compare.goldEmpty' : 'compare.goldNone');
  if (resolution.editedCount > 0) return t('compare.goldEdited');
  return t('compare.goldTakes', { names: resolution.columns.map((column) => names[column]).join(' + ') });
}
