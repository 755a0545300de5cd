// Schema v1: annotators, labels (seeded), immutable documents, spans and the append-only span change log.
import type { Migration } from './migration';
import { DEFAULT_LABELS } from '../../shared/labels/default-labels';

export const migration0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE annotators (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE labels (
        name TEXT PRIMARY KEY,
        color TEXT NOT NULL,
        shortcut_code TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      ) STRICT;

      -- The text is immutable once imported; sha256 (of its canonical UTF-8) identifies it across
      -- annotators' files, so the same text is stored once.
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        source_name TEXT NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        length_code_points INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE spans (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator_id TEXT NOT NULL REFERENCES annotators(id),
        label TEXT NOT NULL REFERENCES labels(name),
        start_utf16 INTEGER NOT NULL CHECK (start_utf16 >= 0),
        end_utf16 INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start_utf16 < end_utf16)
      ) STRICT;
      CREATE INDEX spans_by_document ON spans(document_id, start_utf16);
      CREATE INDEX spans_by_annotator ON spans(annotator_id);

      -- Append-only history of span edits (undo/redo and audit build on it). No foreign keys on
      -- purpose: the history of a deleted span or document must outlive it. annotator_id is who
      -- made the change; NULL only when no annotator was current (a document deleted before anyone
      -- gave a name). before/after are JSON snapshots of the span, NULL for create/delete.
      CREATE TABLE span_changes (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        annotator_id TEXT,
        document_id TEXT NOT NULL,
        span_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        before TEXT,
        after TEXT,
        CHECK ((action = 'create') = (before IS NULL)),
        CHECK ((action = 'delete') = (after IS NULL))
      ) STRICT;
      CREATE INDEX span_changes_by_document ON span_changes(document_id, seq);
    `);

    const insertLabel = db.prepare(
      'INSERT INTO labels (name, color, shortcut_code, sort_order) VALUES (@name, @color, @shortcutCode, @sortOrder)',
    );
    for (const label of DEFAULT_LABELS) insertLabel.run(label);
  },
};
