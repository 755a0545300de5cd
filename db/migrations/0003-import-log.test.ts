// Schema v3 applies on a v2 database that has history: every table and row stays as it was, undo
// still replays the old change rows, and the new import log takes only JSON arrays of ids.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../migrate';
import { Store } from '../store/Store';
import { dumpDatabase } from '../test-support/dump-database';
import { migration0001Initial } from './0001-initial';
import { migration0002Attribution } from './0002-attribution';
import { migration0003ImportLog } from './0003-import-log';

const TEXT = 'قال الوزير إن الاتفاق سيوقع غداً.';
const ALL = [migration0001Initial, migration0002Attribution, migration0003ImportLog];

/** The schema alone, to compare two databases' structure. */
const schemaOf = (db: Database.Database) => (dumpDatabase(db) as { schema: unknown }).schema;

/**
 * A v2 database with a document, two spans, a relation and a relabel. The history is written by
 * today's Store (which needs the latest schema), then the v3 table is dropped: what is left is
 * checked to be exactly a v2 schema.
 */
function v2DatabaseWithHistory(): { db: Database.Database; documentId: string } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, ALL);
  const store = new Store(db);
  store.setCurrentAnnotator('أمل');
  const [stored] = store.insertDocuments([{ title: 'خبر', sourceName: 'news.txt', text: TEXT, sha256: 'a'.repeat(64), lengthCodePoints: [...TEXT].length }]);
  const documentId = stored!.document.id;
  const speaker = store.createSpan({ documentId, label: 'speaker', startUtf16: 4, endUtf16: 10 });
  const claim = store.createSpan({ documentId, label: 'claim', startUtf16: 14, endUtf16: 32 });
  store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
  store.setSpanLabel(speaker.id, 'source');
  db.exec('DROP TABLE import_changes');
  db.pragma('user_version = 2');
  const freshV2 = new Database(':memory:');
  migrate(freshV2, [migration0001Initial, migration0002Attribution]);
  expect(schemaOf(db)).toEqual(schemaOf(freshV2));
  return { db, documentId };
}

describe('migration 0003-import-log', () => {
  let db: Database.Database;
  let documentId: string;
  beforeEach(() => {
    ({ db, documentId } = v2DatabaseWithHistory());
  });
  afterEach(() => db.close());

  it('brings a v2 database to user_version 3 with every existing row unchanged and an empty import log', () => {
    const before = dumpDatabase(db).tables as Record<string, unknown[]>;
    expect(before['span_changes']).toHaveLength(3);
    expect(migrate(db, ALL)).toEqual([3]);
    expect(readSchemaVersion(db)).toBe(3);
    const { import_changes: added, ...after } = dumpDatabase(db).tables as Record<string, unknown[]>;
    expect(after).toEqual(before);
    expect(added).toEqual([]);
  });

  it('keeps undo and redo working on the history written before the migration', () => {
    migrate(db, ALL);
    const store = new Store(db);
    expect(store.undo(documentId).spans.map((span) => span.label).sort()).toEqual(['claim', 'speaker']);
    expect(store.undo(documentId).relations).toEqual([]);
    expect(store.redo(documentId).relations).toHaveLength(1);
  });

  it('takes JSON arrays of ids and refuses anything else', () => {
    migrate(db, ALL);
    const insert = db.prepare('INSERT INTO import_changes (operation_seq, span_ids, relation_ids) VALUES (?, ?, ?)');
    expect(() => insert.run(100, '["s1","s2"]', '[]')).not.toThrow();
    expect(() => insert.run(101, '{"s1":1}', '[]')).toThrow(/CHECK constraint failed/u);
    expect(() => insert.run(102, '[]', 'not json')).toThrow(/malformed JSON|CHECK constraint failed/u);
  });
});
