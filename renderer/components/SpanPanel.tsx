// Side panel: counts per label, the claim frames and the selected span's attributes (passed in as
// children), then all the open document's spans in reading order, filterable by label, a page at a
// time (WindowedList).
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label, Span } from '../../shared/rpc/domain';
import { safeCssColor } from '../highlights/highlight-styles';
import { followedIndex } from '../state/use-paged-list';
import { formatNumber } from '../util/format';
import { SpanListItem, type SpanItemStrings } from './SpanListItem';
import { WindowedList } from './WindowedList';

interface Props {
  spans: readonly Span[];
  labels: readonly Label[];
  labelByName: ReadonlyMap<string, Label>;
  selectedSpanId: string | null;
  onSelect: (span: Span) => void;
  onSetLabel: (spanId: string, labelName: string) => void;
  onDelete: (spanId: string) => void;
  /** Claim frames and attributes, shown between the label counts and the span list. */
  children?: ReactNode;
}

export function SpanPanel({ spans: allSpans, labels, labelByName, selectedSpanId, onSelect, onSetLabel, onDelete, children }: Props) {
  const { t, i18n } = useTranslation();
  const paneRef = useRef<HTMLElement>(null);
  const [labelFilter, setLabelFilter] = useState('');
  const spans = useMemo(() => (labelFilter === '' ? allSpans : allSpans.filter((span) => span.label === labelFilter)), [allSpans, labelFilter]);
  const counts = useMemo(() => {
    const byLabel = new Map<string, number>();
    for (const span of allSpans) byLabel.set(span.label, (byLabel.get(span.label) ?? 0) + 1);
    return byLabel;
  }, [allSpans]);
  const strings = useMemo<SpanItemStrings>(
    () => ({
      labelNames: new Map(labels.map((label) => [label.name, t(`labels.${label.name}`, { defaultValue: label.name })])),
      by: (name) => t('spans.by', { name }),
      labelSelect: t('spans.labelSelect'),
      delete: t('spans.delete'),
      deleteHint: t('spans.deleteHint'),
      noteMarker: t('spanNote.marker'),
    }),
    [labels, t],
  );
  const selectedIndex = followedIndex(spans, selectedSpanId, (span) => span.id);

  useEffect(() => {
    if (selectedSpanId === null) return;
    paneRef.current?.querySelector(`.span-list [data-span-id="${CSS.escape(selectedSpanId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedSpanId]);

  return (
    <aside className="pane spans-pane" aria-labelledby="spans-title" ref={paneRef}>
      <div className="pane-header">
        <h2 id="spans-title">{t('spans.title')}</h2>
        <span className="count-badge" title={t('spans.total')}>{formatNumber(allSpans.length, i18n.language)}</span>
      </div>
      <ul className="label-counts" data-testid="label-counts">
        {labels.map((label) => (
          <li key={label.name} data-label={label.name} style={{ '--label-color': safeCssColor(label.color) } as CSSProperties}>
            <span className="tag-swatch" aria-hidden="true" />
            <span className="label-count-name">{t(`labels.${label.name}`, { defaultValue: label.name })}</span>
            <span className="label-count-value">{formatNumber(counts.get(label.name) ?? 0, i18n.language)}</span>
          </li>
        ))}
      </ul>
      {children}
      <div className="section-header all-spans-header">
        <h3>{t('frames.allSpans')}</h3>
        <select
          className="frames-filter"
          data-testid="span-label-filter"
          aria-label={t('frames.labelFilter')}
          title={t('frames.labelFilter')}
          value={labelFilter}
          onChange={(event) => setLabelFilter(event.currentTarget.value)}
        >
          <option value="">{t('frames.labelFilterAll')}</option>
          {labels.map((label) => (
            <option key={label.name} value={label.name}>
              {t(`labels.${label.name}`, { defaultValue: label.name })}
            </option>
          ))}
        </select>
      </div>
      {spans.length === 0 ? (
        <p className="pane-empty">{t('spans.empty')}</p>
      ) : (
        <WindowedList
          className="span-list"
          items={spans}
          selectedIndex={selectedIndex}
          renderItem={(span) => (
            <SpanListItem
              key={span.id}
              span={span}
              labels={labels}
              strings={strings}
              color={labelByName.get(span.label)?.color ?? '#7a7a7a'}
              selected={span.id === selectedSpanId}
              onSelect={onSelect}
              onSetLabel={onSetLabel}
              onDelete={onDelete}
            />
          )}
        />
      )}
    </aside>
  );
}
