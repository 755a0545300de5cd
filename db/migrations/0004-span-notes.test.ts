// Schema v4 applies on a v3 database with history: every row stays as it was (spans gain a NULL
// note), undo replays change rows written without a note, and the column takes only 1..10,000 characters.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../migrate';
import { Store } from '../store/Store';
import { dumpDatabase } from '../test-support/dump-database';
import { migration0001Initial } from './0001-initial';
import { migration0002Attribution } from './0002-attribution';
import { migration0003ImportLog } from './0003-import-log';
import { migration0004SpanNotes } from './0004-span-notes';
import { migration0005DocumentMeta } from './0005-document-meta';

const TEXT = 'قال الوزير إن الاتفاق سيوقع غداً.';
const V3 = [migration0001Initial, migration0002Attribution, migration0003ImportLog];
const ALL = [...V3, migration0004SpanNotes];

const schemaOf = (db: Database.Database) => (dumpDatabase(db) as { schema: unknown }).schema;

/**
 * A v3 database with a document, two spans, a relation and a relabel. Today's Store writes the
 * history (it needs the latest schema), then the later columns are dropped and the change rows lose
 * their "note" key, as v3 wrote them: what is left is checked to be exactly a v3 schema.
 */
function v3DatabaseWithHistory(): { db: Database.Database; documentId: string; speakerId: string } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [...ALL, migration0005DocumentMeta]);
  const store = new Store(db);
  store.setCurrentAnnotator('أمل');
  const [stored] = store.insertDocuments([{ title: 'خبر', sourceName: 'news.txt', text: TEXT, sha256: 'a'.repeat(64), lengthCodePoints: [...TEXT].length }]);
  const documentId = stored!.document.id;
  const speaker = store.createSpan({ documentId, label: 'speaker', startUtf16: 4, endUtf16: 10 });
  const claim = store.createSpan({ documentId, label: 'claim', startUtf16: 14, endUtf16: 32 });
  store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
  store.setSpanLabel(speaker.id, 'source');
  db.exec(`
    ALTER TABLE documents DROP COLUMN meta;
    ALTER TABLE spans DROP COLUMN note;
    UPDATE span_changes SET before = json_remove(before, '$.note') WHERE before IS NOT NULL;
    UPDATE span_changes SET after = json_remove(after, '$.note') WHERE after IS NOT NULL;
  `);
  db.pragma('user_version = 3');
  const freshV3 = new Database(':memory:');
  migrate(freshV3, V3);
  expect(schemaOf(db)).toEqual(schemaOf(freshV3));
  return { db, documentId, speakerId: speaker.id };
}

describe('migration 0004-span-notes', () => {
  let db: Database.Database;
  let documentId: string;
  let speakerId: string;
  beforeEach(() => {
    ({ db, documentId, speakerId } = v3DatabaseWithHistory());
  });
  afterEach(() => db.close());

  it('brings a v3 database to user_version 4 with every row kept and every span without a note', () => {
    const before = dumpDatabase(db).tables as Record<string, Record<string, unknown>[]>;
    expect(before['spans']).toHaveLength(2);
    expect(before['span_changes']).toHaveLength(3);
    expect(migrate(db, ALL)).toEqual([4]);
    expect(readSchemaVersion(db)).toBe(4);
    const after = dumpDatabase(db).tables as Record<string, Record<string, unknown>[]>;
    expect(after['spans']).toEqual(before['spans']!.map((row) => ({ ...row, note: null })));
    const { spans: _spans, ...otherTables } = after;
    const { spans: _before, ...otherBefore } = before;
    expect(otherTables).toEqual(otherBefore);
  });

  it('undoes a change logged without a note, and a note set after the migration', () => {
    // Today's Store needs the latest schema.
    migrate(db, [...ALL, migration0005DocumentMeta]);
    const store = new Store(db);
    store.setSpanNote(speakerId, 'المصدر هو الوزير نفسه');
    expect(store.undo(documentId).spans.find((span) => span.id === speakerId)?.note).toBeNull();
    const undone = store.undo(documentId).spans.find((span) => span.id === speakerId);
    expect(undone).toMatchObject({ label: 'speaker', note: null });
    expect(store.redo(documentId).spans.find((span) => span.id === speakerId)?.label).toBe('source');
    expect(store.redo(documentId).spans.find((span) => span.id === speakerId)?.note).toBe('المصدر هو الوزير نفسه');
  });

  it('takes a note of 1 to 10,000 characters, counted as code points', () => {
    migrate(db, ALL);
    const setNote = db.prepare<[string | null, string]>('UPDATE spans SET note = ? WHERE id = ?');
    expect(() => setNote.run('ملاحظة', speakerId)).not.toThrow();
    expect(() => setNote.run(null, speakerId)).not.toThrow();
    expect(() => setNote.run('😀'.repeat(10_000), speakerId)).not.toThrow();
    expect(() => setNote.run('', speakerId)).toThrow(/CHECK constraint failed/u);
    expect(() => setNote.run('ن'.repeat(10_001), speakerId)).toThrow(/CHECK constraint failed/u);
  });
});
