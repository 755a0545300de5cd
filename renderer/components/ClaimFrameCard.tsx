// One claim frame: the claim, then one slot per relation type (speaker, source, cue…) holding the
// linked spans with a × to unlink, or a visible "no speaker" when empty. Slots accept a span dragged
// from the list below; hovering the card lights up all its spans in the article.
import { memo, useState, type CSSProperties, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationSchema } from '../../shared/rpc/domain';
import type { ClaimFrame } from '../frames/build-claim-frames';
import { safeCssColor } from '../highlights/highlight-styles';
import { keyLabelForCode } from '../util/format';

/** The drag payload type of a span dragged from the span list. */
export const SPAN_DRAG_TYPE = 'application/x-isnad-span';

interface Props {
  frame: ClaimFrame;
  schema: AnnotationSchema | null;
  colorOf: (labelName: string) => string;
  keyOf: (relationType: string) => string | undefined;
  selected: boolean;
  unattributed: boolean;
  linkingSlot: string | null;
  onSelect: (spanId: string) => void;
  onHover: (frame: ClaimFrame | null) => void;
  onUnlink: (relationId: string) => void;
  onDropSpan: (relationType: string, claimId: string, spanId: string) => void;
}

const MAX_PREVIEW_CHARS = 160;

export const ClaimFrameCard = memo(function ClaimFrameCard({ frame, schema, colorOf, keyOf, selected, unattributed, linkingSlot, onSelect, onHover, onUnlink, onDropSpan }: Props) {
  const { t, i18n } = useTranslation();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const language = i18n.language === 'en' ? 'en' : 'ar';
  const labelName = (name: string) => t(`labels.${name}`, { defaultValue: name });
  const claim = frame.claim;
  const preview = claim.text.length > MAX_PREVIEW_CHARS ? `${claim.text.slice(0, MAX_PREVIEW_CHARS)}…` : claim.text;
  const claimLabel = schema?.labels.find((label) => label.name === claim.label);
  const attributeChips = (claimLabel?.attributes ?? []).flatMap((attribute) => {
    const value = claim.attributes[attribute.name];
    if (value === undefined || value === false || value === '' || (Array.isArray(value) && value.length === 0)) return [];
    const names = (Array.isArray(value) ? value : [value]).map((item) =>
      typeof item === 'boolean' ? attribute.displayName[language] : (attribute.values?.find((option) => option.id === item)?.displayName[language] ?? String(item)),
    );
    return [{ name: attribute.name, title: attribute.displayName[language], text: names.join('، ') }];
  });

  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(SPAN_DRAG_TYPE);

  return (
    <li
      className={`frame-card${selected ? ' is-selected' : ''}${unattributed ? ' is-unattributed' : ''}`}
      data-testid="claim-frame"
      data-claim-id={claim.id}
      style={{ '--label-color': safeCssColor(colorOf(claim.label)), '--frame-depth': frame.depth } as CSSProperties}
      onMouseEnter={() => onHover(frame)}
      onMouseLeave={() => onHover(null)}
    >
      <button type="button" className="frame-claim" aria-pressed={selected} onClick={() => onSelect(claim.id)}>
        <span className="frame-claim-head">
          <span className="span-chip">{labelName(claim.label)}</span>
          {frame.depth > 0 && <span className="frame-nested">{t('frames.nested')}</span>}
          {unattributed && <span className="frame-unattributed" data-testid="frame-unattributed">{t('frames.unattributed')}</span>}
        </span>
        <span className="frame-claim-text" dir="rtl" lang="ar">{preview.replace(/\n+/g, ' ⏎ ')}</span>
      </button>
      {attributeChips.length > 0 && (
        <ul className="frame-attributes" aria-label={t('attributes.title')}>
          {attributeChips.map((chip) => (
            <li key={chip.name} data-testid="frame-attribute" data-attribute={chip.name} title={chip.title}>
              {chip.text}
            </li>
          ))}
        </ul>
      )}
      <dl className="frame-slots">
        {frame.slots.map((slot) => {
          const key = keyOf(slot.relationType);
          const keyLabel = key === undefined ? '' : keyLabelForCode(key);
          return (
            <div
              key={slot.relationType}
              className={`frame-slot${dropTarget === slot.relationType ? ' is-drop-target' : ''}${linkingSlot === slot.relationType ? ' is-linking' : ''}`}
              data-testid="frame-slot"
              data-relation-type={slot.relationType}
              data-to-label={slot.toLabel}
              style={{ '--label-color': safeCssColor(colorOf(slot.toLabel)) } as CSSProperties}
              title={t('frames.dropHint', { key: keyLabel })}
              onDragEnter={(event) => {
                if (accepts(event)) setDropTarget(slot.relationType);
              }}
              onDragOver={(event) => {
                if (!accepts(event)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'link';
              }}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
              }}
              onDrop={(event) => {
                setDropTarget(null);
                const spanId = event.dataTransfer.getData(SPAN_DRAG_TYPE);
                if (spanId === '') return;
                event.preventDefault();
                onDropSpan(slot.relationType, claim.id, spanId);
              }}
            >
              <dt>
                {labelName(slot.toLabel)}
                {keyLabel !== '' && <kbd>{keyLabel}</kbd>}
              </dt>
              <dd>
                {slot.links.length === 0 ? (
                  <span className="frame-missing" data-testid="frame-missing">{t('frames.missing', { label: labelName(slot.toLabel).toLocaleLowerCase(i18n.language) })}</span>
                ) : (
                  slot.links.map((link) => (
                    <span key={link.relationId} className="frame-link" data-testid="frame-link" data-span-id={link.span.id}>
                      <button type="button" className="frame-link-text" dir="rtl" lang="ar" onClick={() => onSelect(link.span.id)}>
                        {link.span.text}
                      </button>
                      <button
                        type="button"
                        className="frame-unlink"
                        data-testid="frame-unlink-button"
                        aria-label={t('frames.unlink')}
                        title={t('frames.unlink')}
                        onClick={() => onUnlink(link.relationId)}
                      >
                        ×
                      </button>
                    </span>
                  ))
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </li>
  );
}, sameCardProps);

/**
 * Frames are rebuilt whenever any span changes; a card re-renders only when its own claim, links or
 * display state did (spans keep their identity until they change), so tagging in a document with
 * hundreds of claims repaints one card, not the whole list.
 */
function sameCardProps(before: Props, after: Props): boolean {
  return (
    before.schema === after.schema &&
    before.colorOf === after.colorOf &&
    before.keyOf === after.keyOf &&
    before.selected === after.selected &&
    before.unattributed === after.unattributed &&
    before.linkingSlot === after.linkingSlot &&
    before.onSelect === after.onSelect &&
    before.onHover === after.onHover &&
    before.onUnlink === after.onUnlink &&
    before.onDropSpan === after.onDropSpan &&
    sameFrame(before.frame, after.frame)
  );
}

function sameFrame(before: ClaimFrame, after: ClaimFrame): boolean {
  return (
    before.claim === after.claim &&
    before.depth === after.depth &&
    before.parentId === after.parentId &&
    before.slots.length === after.slots.length &&
    before.slots.every((slot, i) => {
      const other = after.slots[i]!;
      return (
        slot.relationType === other.relationType &&
        slot.links.length === other.links.length &&
        slot.links.every((link, j) => link.relationId === other.links[j]!.relationId && link.span === other.links[j]!.span)
      );
    })
  );
}
