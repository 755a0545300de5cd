// The selected span's free-text note (brat's AnnotatorNotes): a text area saved when it loses focus
// or on Ctrl+Enter, one undoable change like an attribute. dir="auto" lets an English note read ltr.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Span } from '../../shared/rpc/domain';
import { MAX_SPAN_NOTE_UTF16 } from '../../shared/text/normalize-span-note';
import '../styles/notes.css';

interface Props {
  span: Span | null;
  onSave: (spanId: string, note: string | null) => void;
}

export function NoteEditor({ span, onSave }: Props) {
  if (span === null) return null;
  // Keyed by span, so a draft never follows the selection to another span.
  return <NoteField key={span.id} span={span} onSave={onSave} />;
}

function NoteField({ span, onSave }: { span: Span; onSave: Props['onSave'] }) {
  const { t } = useTranslation();
  const saved = span.note ?? '';
  const [draft, setDraft] = useState(saved);
  // An undo, a redo or the server's answer changes the saved note under the box.
  useEffect(() => setDraft(saved), [saved]);
  const commit = () => {
    const note = draft.trim();
    if (note !== saved) onSave(span.id, note === '' ? null : note);
  };
  return (
    <section className="note-section" aria-labelledby="note-title" data-testid="note-editor">
      <div className="section-header">
        <h3 id="note-title">
          <NoteIcon /> {t('spanNote.title')}
        </h3>
      </div>
      <textarea
        className="note-input"
        dir="auto"
        data-testid="span-note"
        aria-labelledby="note-title"
        aria-describedby="note-hint"
        placeholder={t('spanNote.placeholder')}
        maxLength={MAX_SPAN_NOTE_UTF16}
        rows={3}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape') {
            // Hands the keyboard back to the span shortcuts (the blur saves).
            event.currentTarget.blur();
          }
        }}
      />
      <p className="note-hint" id="note-hint">
        {t('spanNote.hint')}
      </p>
    </section>
  );
}

export function NoteIcon() {
  return (
    <svg width={13} height={13} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.4} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M3 2.5h10a.5.5 0 0 1 .5.5v7.5L10.5 13.5H3a.5.5 0 0 1-.5-.5V3a.5.5 0 0 1 .5-.5zM13.5 10.5h-3v3M5 6h6M5 8.5h4" />
    </svg>
  );
}
