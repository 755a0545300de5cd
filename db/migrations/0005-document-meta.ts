// Schema v5: a document keeps the metadata it arrived with (a JSONL corpus's `meta`, the other fields of
// a Label Studio task's `data`, doccano's extra keys, Prodigy's `meta`), so exports give it back.
// NULL is "none"; the text stays immutable, and so does its metadata once stored.
import type { Migration } from './migration';

export const migration0005DocumentMeta: Migration = {
  version: 5,
  name: 'document-meta',
  up(db) {
    db.exec(`ALTER TABLE documents ADD COLUMN meta TEXT CHECK (meta IS NULL OR json_type(meta) = 'object');`);
  },
};
