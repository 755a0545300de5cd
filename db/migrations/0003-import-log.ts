// Schema v3: a bulk import logs what it created as ONE row per operation (a document and an annotator),
// listing the new span and relation ids, instead of a change row with a JSON snapshot per span. The
// snapshot is redundant: until its first later change a span is its own row, and every later change
// row keeps the state before it. Per-span rows were half of a 500,000-span import's time and bytes.
import type { Migration } from './migration';

export const migration0003ImportLog: Migration = {
  version: 3,
  name: 'import-log',
  up(db) {
    // Append-only and without foreign keys, like span_changes: the record outlives the spans. Who and
    // when are the operation's (operations.annotator_id, .at, .document_id).
    db.exec(`
      CREATE TABLE import_changes (
        operation_seq INTEGER PRIMARY KEY,
        span_ids TEXT NOT NULL CHECK (json_type(span_ids) = 'array'),
        relation_ids TEXT NOT NULL CHECK (json_type(relation_ids) = 'array')
      ) STRICT;
    `);
  },
};
