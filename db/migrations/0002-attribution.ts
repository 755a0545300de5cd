// Schema v2 (attribution model): relations between spans, span attributes and entity links, the
// register of speakers and sources, annotation schemas as data (labels now come from the active
// one), per-annotator document status, and the operation log with the undo/redo stacks.
import type Database from 'better-sqlite3';
import { BUILT_IN_SCHEMAS, DEFAULT_SCHEMA_ID } from '../../shared/schemas/built-in-schemas';
import type { Migration } from './migration';

export const ACTIVE_SCHEMA_SETTING = 'active_schema_id';

export const migration0002Attribution: Migration = {
  version: 2,
  name: 'attribution',
  up(db) {
    db.exec(`
      -- Register entries. A merged entry is kept (merged_into set) so that history and undo that
      -- name it still resolve to the entry that absorbed it.
      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('speaker', 'source')),
        name TEXT NOT NULL,
        normalized_name TEXT NOT NULL,
        merged_into TEXT REFERENCES entities(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (merged_into IS NULL OR merged_into <> id)
      ) STRICT;
      CREATE INDEX entities_by_kind ON entities(kind, normalized_name);

      ALTER TABLE spans ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_type(attributes) = 'object');
      ALTER TABLE spans ADD COLUMN entity_id TEXT REFERENCES entities(id);
      CREATE INDEX spans_by_entity ON spans(entity_id) WHERE entity_id IS NOT NULL;

      CREATE TABLE relations (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator_id TEXT NOT NULL REFERENCES annotators(id),
        type TEXT NOT NULL,
        from_span_id TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        to_span_id TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        CHECK (from_span_id <> to_span_id),
        UNIQUE (from_span_id, type, to_span_id)
      ) STRICT;
      CREATE INDEX relations_by_document ON relations(document_id);
      CREATE INDEX relations_by_to ON relations(to_span_id);

      -- One row per user action (a span created, a relation deleted with the span it touched, an undo…).
      -- Change rows point at their operation; undo and redo replay an operation's rows.
      CREATE TABLE operations (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        annotator_id TEXT,
        document_id TEXT,
        kind TEXT NOT NULL,
        reverses_seq INTEGER
      ) STRICT;

      ALTER TABLE span_changes ADD COLUMN operation_seq INTEGER;
      CREATE INDEX span_changes_by_operation ON span_changes(operation_seq) WHERE operation_seq IS NOT NULL;

      -- Append-only, like span_changes and for the same reason: no foreign keys.
      CREATE TABLE relation_changes (
        seq INTEGER PRIMARY KEY,
        operation_seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        annotator_id TEXT,
        document_id TEXT NOT NULL,
        relation_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'delete')),
        before TEXT,
        after TEXT,
        CHECK ((action = 'create') = (before IS NULL)),
        CHECK ((action = 'delete') = (after IS NULL))
      ) STRICT;
      CREATE INDEX relation_changes_by_operation ON relation_changes(operation_seq);

      CREATE TABLE entity_changes (
        seq INTEGER PRIMARY KEY,
        operation_seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        annotator_id TEXT,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'merge')),
        before TEXT,
        after TEXT NOT NULL
      ) STRICT;

      -- The undo/redo stacks per document and annotator, persisted. stack_order orders each stack:
      -- the top of the undo stack is the 'done' row with the largest order, the top of the redo
      -- stack the 'undone' row with the largest order.
      CREATE TABLE history_stack (
        operation_seq INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('done', 'undone')),
        stack_order INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX history_stack_top ON history_stack(document_id, annotator_id, state, stack_order);

      CREATE TABLE document_status (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator_id TEXT NOT NULL REFERENCES annotators(id),
        status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (document_id, annotator_id)
      ) STRICT;

      -- Schemas imported by the user; the built-in ones live in the code (shared/schemas/).
      CREATE TABLE annotation_schemas (
        id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);

    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(ACTIVE_SCHEMA_SETTING, DEFAULT_SCHEMA_ID);
    // The v1 labels are the default schema's: this keeps every span valid and makes the labels table
    // a copy of the active schema's labels from now on.
    const schema = BUILT_IN_SCHEMAS.find((candidate) => candidate.id === DEFAULT_SCHEMA_ID)!;
    replaceLabels(db, schema.labels);
  },
};

/** Makes the labels table hold the schema's labels (in order), keeping any other label still used by a span. */
function replaceLabels(db: Database.Database, labels: readonly { name: string; color: string; shortcut: string }[]): void {
  const upsert = db.prepare<{ name: string; color: string; shortcut: string; sortOrder: number }>(
    `INSERT INTO labels (name, color, shortcut_code, sort_order) VALUES (@name, @color, @shortcut, @sortOrder)
     ON CONFLICT (name) DO UPDATE SET color = excluded.color, shortcut_code = excluded.shortcut_code, sort_order = excluded.sort_order`,
  );
  labels.forEach((label, index) => upsert.run({ name: label.name, color: label.color, shortcut: label.shortcut, sortOrder: index + 1 }));
  const keep = JSON.stringify(labels.map((label) => label.name));
  db.prepare(
    `DELETE FROM labels WHERE name NOT IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM spans WHERE spans.label = labels.name)`,
  ).run(keep);
}
