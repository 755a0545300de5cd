// Schema v4: a span may carry a free-text note (an annotator's comment, brat's AnnotatorNotes).
// NULL is "no note"; an empty note is not stored, and the length bound keeps one span's row small.
import type { Migration } from './migration';

export const migration0004SpanNotes: Migration = {
  version: 4,
  name: 'span-notes',
  up(db) {
    // length() counts characters (code points); the RPC bound, in UTF-16 units, is never looser.
    db.exec(`ALTER TABLE spans ADD COLUMN note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 10000);`);
  },
};
