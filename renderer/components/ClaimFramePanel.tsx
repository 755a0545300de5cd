// The claim frames section of the side panel: a filter (all, unattributed, missing one slot), then
// one card per claim in reading order, nested claims indented under their parent, a page at a time
// (WindowedList): with hundreds of claims, rendering every card made opening and tagging slow.
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationSchema, RelationType } from '../../shared/schemas/annotation-schema';
import { filterFrames, isUnattributed, type ClaimFrame, type FrameFilter } from '../frames/build-claim-frames';
import type { LinkKey } from '../frames/link-keys';
import type { LinkingState } from '../state/use-attribution';
import { followedIndex } from '../state/use-paged-list';
import { formatNumber } from '../util/format';
import { ClaimFrameCard } from './ClaimFrameCard';
import { WindowedList } from './WindowedList';

interface Props {
  frames: readonly ClaimFrame[];
  schema: AnnotationSchema | null;
  relationTypes: readonly RelationType[];
  linkKeys: readonly LinkKey[];
  colorOf: (labelName: string) => string;
  selectedSpanId: string | null;
  linking: LinkingState | null;
  onSelect: (spanId: string) => void;
  onHover: (frame: ClaimFrame | null) => void;
  onUnlink: (relationId: string) => void;
  onDropSpan: (relationType: string, claimId: string, spanId: string) => void;
}

/** Labels whose absence makes a claim unattributed: those linked to the register, else speaker and source. */
function attributionLabelsOf(schema: AnnotationSchema | null): Set<string> {
  const entityLabels = (schema?.labels ?? []).filter((label) => label.entityKind !== undefined).map((label) => label.name);
  return new Set(entityLabels.length > 0 ? entityLabels : ['speaker', 'source']);
}

export function ClaimFramePanel({ frames: currentFrames, schema, relationTypes, linkKeys, colorOf, selectedSpanId, linking, onSelect, onHover, onUnlink, onDropSpan }: Props) {
  const { t, i18n } = useTranslation();
  // The frames follow every tag; rendering them is the slowest part of the panel, so React paints the
  // new highlight and span first and brings the frames up to date right after, without blocking.
  const frames = useDeferredValue(currentFrames);
  const [filterValue, setFilterValue] = useState('all');
  const attributionLabels = useMemo(() => attributionLabelsOf(schema), [schema]);
  const slotLabels = useMemo(() => [...new Set(relationTypes.map((type) => type.to))], [relationTypes]);
  const shown = useMemo(() => {
    const filter: FrameFilter =
      filterValue === 'all' ? { kind: 'all' } : filterValue === 'unattributed' ? { kind: 'unattributed' } : { kind: 'missing', label: filterValue.slice('missing:'.length) };
    return filterFrames(frames, filter, attributionLabels);
  }, [frames, filterValue, attributionLabels]);
  const keyOf = useMemo(() => {
    const byType = new Map(linkKeys.map((key) => [key.relationType, key.code]));
    return (relationType: string) => byType.get(relationType);
  }, [linkKeys]);
  const labelName = (name: string) => t(`labels.${name}`, { defaultValue: name });
  const selectedIndex = followedIndex(shown, selectedSpanId, (frame) => frame.claim.id);

  return (
    <section className="frames-section" aria-labelledby="frames-title" data-testid="claim-frames">
      <div className="section-header">
        <h3 id="frames-title">{t('frames.title')}</h3>
        <span className="count-badge">{formatNumber(frames.length, i18n.language)}</span>
        <select
          className="frames-filter"
          data-testid="frame-filter"
          aria-label={t('frames.filter')}
          title={t('frames.filter')}
          value={filterValue}
          onChange={(event) => setFilterValue(event.currentTarget.value)}
        >
          <option value="all">{t('frames.filterAll')}</option>
          <option value="unattributed">{t('frames.filterUnattributed')}</option>
          {slotLabels.map((label) => (
            <option key={label} value={`missing:${label}`}>
              {t('frames.filterMissing', { label: labelName(label) })}
            </option>
          ))}
        </select>
      </div>
      {frames.length === 0 ? (
        <p className="pane-empty">{t('frames.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="pane-empty">{t('frames.filteredEmpty')}</p>
      ) : (
        <WindowedList
          className="frame-list"
          items={shown}
          selectedIndex={selectedIndex}
          renderItem={(frame) => (
            <ClaimFrameCard
              key={frame.claim.id}
              frame={frame}
              schema={schema}
              colorOf={colorOf}
              keyOf={keyOf}
              selected={frame.claim.id === selectedSpanId}
              unattributed={isUnattributed(frame, attributionLabels)}
              linkingSlot={linking !== null && linking.claimId === frame.claim.id ? linking.relationType : null}
              onSelect={onSelect}
              onHover={onHover}
              onUnlink={onUnlink}
              onDropSpan={onDropSpan}
            />
          )}
        />
      )}
    </section>
  );
}
