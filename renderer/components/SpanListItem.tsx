// One annotation in the side panel: label chip, note marker, covered text, annotator, label select and delete.
// It can be dragged onto a claim frame's speaker/source/cue slot.
import { memo, type CSSProperties } from 'react';
import type { Label, Span } from '../../shared/rpc/domain';
import { safeCssColor } from '../highlights/highlight-styles';
import { SPAN_DRAG_TYPE } from './ClaimFrameCard';
import { TrashIcon } from './Icons';
import { NoteIcon } from './NoteEditor';

/** Interface strings, translated once by the panel rather than by each of thousands of items. */
export interface SpanItemStrings {
  labelNames: ReadonlyMap<string, string>;
  by: (name: string) => string;
  labelSelect: string;
  delete: string;
  deleteHint: string;
  noteMarker: string;
}

interface Props {
  span: Span;
  labels: readonly Label[];
  strings: SpanItemStrings;
  color: string;
  selected: boolean;
  onSelect: (span: Span) => void;
  onSetLabel: (spanId: string, labelName: string) => void;
  onDelete: (spanId: string) => void;
}

const MAX_PREVIEW_CHARS = 140;

export const SpanListItem = memo(function SpanListItem({ span, labels, strings, color, selected, onSelect, onSetLabel, onDelete }: Props) {
  const preview = span.text.length > MAX_PREVIEW_CHARS ? `${span.text.slice(0, MAX_PREVIEW_CHARS)}…` : span.text;
  return (
    // The whole card selects the span on click; the text button is the keyboard way to do the same.
    <li
      className={`span-item${selected ? ' is-selected' : ''}`}
      data-testid="span-list-item"
      data-span-id={span.id}
      data-label={span.label}
      style={{ '--label-color': safeCssColor(color) } as CSSProperties}
      onClick={() => onSelect(span)}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(SPAN_DRAG_TYPE, span.id);
        event.dataTransfer.setData('text/plain', span.text);
        event.dataTransfer.effectAllowed = 'link';
      }}
    >
      <div className="span-row">
        <span className="span-chip">{strings.labelNames.get(span.label) ?? span.label}</span>
        {span.note !== null && (
          // The note itself is the tooltip: reading it needs no click.
          <span className="span-note-marker" data-testid="span-note-marker" role="img" aria-label={`${strings.noteMarker}: ${span.note}`} title={span.note}>
            <NoteIcon />
          </span>
        )}
        <span className="span-meta">{strings.by(span.annotatorName)}</span>
        <select
          data-testid="span-label-select"
          aria-label={strings.labelSelect}
          title={strings.labelSelect}
          value={span.label}
          onClick={(event) => event.stopPropagation()}
          onChange={(event) => onSetLabel(span.id, event.currentTarget.value)}
        >
          {labels.map((label) => (
            <option key={label.name} value={label.name}>
              {strings.labelNames.get(label.name) ?? label.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="icon-button danger"
          data-testid="span-delete-button"
          aria-label={strings.delete}
          title={strings.deleteHint}
          onClick={(event) => {
            event.stopPropagation();
            onDelete(span.id);
          }}
        >
          <TrashIcon />
        </button>
      </div>
      <button type="button" className="span-main" aria-pressed={selected}>
        <span className="span-text" dir="rtl" lang="ar">
          {preview.replace(/\n+/g, ' ⏎ ')}
        </span>
      </button>
    </li>
  );
});
