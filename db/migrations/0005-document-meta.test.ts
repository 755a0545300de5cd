// Schema v5 applies on a v4 database: every row stays as it was (documents gain a NULL meta), the
// Store reads and exports such documents without metadata, and the column takes only JSON objects.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport } from '../build-export';
import { migrate, readSchemaVersion } from '../migrate';
import { Store } from '../store/Store';
import { dumpDatabase } from '../test-support/dump-database';
import { migration0001Initial } from './0001-initial';
import { migration0002Attribution } from './0002-attribution';
import { migration0003ImportLog } from './0003-import-log';
import { migration0004SpanNotes } from './0004-span-notes';
import { migration0005DocumentMeta } from './0005-document-meta';

const TEXT = 'قال الوزير إن الاتفاق سيوقع غداً.';
const AT = '2026-06-01T00:00:00.000Z';
const V4 = [migration0001Initial, migration0002Attribution, migration0003ImportLog, migration0004SpanNotes];
const ALL = [...V4, migration0005DocumentMeta];

/** A v4 database written row by row (today's Store needs the latest schema): a document and a span with a note. */
function v4Database(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, V4);
  db.prepare('INSERT INTO annotators VALUES (?, ?, ?)').run('a1', 'أمل', AT);
  db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('d1', 'خبر', 'news.txt', TEXT, 'a'.repeat(64), [...TEXT].length, AT, AT);
  db.prepare(
    "INSERT INTO spans (id, document_id, annotator_id, label, start_utf16, end_utf16, created_at, updated_at, attributes, entity_id, note) VALUES ('s1', 'd1', 'a1', 'speaker', 4, 10, ?, ?, '{}', NULL, 'الوزير نفسه')",
  ).run(AT, AT);
  return db;
}

describe('migration 0005-document-meta', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = v4Database();
  });
  afterEach(() => db.close());

  it('brings a v4 database to user_version 5 with every row kept and every document without metadata', () => {
    const before = dumpDatabase(db).tables as Record<string, Record<string, unknown>[]>;
    expect(migrate(db, ALL)).toEqual([5]);
    expect(readSchemaVersion(db)).toBe(5);
    const after = dumpDatabase(db).tables as Record<string, Record<string, unknown>[]>;
    expect(after['documents']).toEqual(before['documents']!.map((row) => ({ ...row, meta: null })));
    const { documents: _after, ...otherTables } = after;
    const { documents: _before, ...otherBefore } = before;
    expect(otherTables).toEqual(otherBefore);
  });

  it('a migrated document reads with meta null and exports without a "meta" key; its span and note are intact', () => {
    migrate(db, ALL);
    expect(Store.for(db).getDocument('d1').document.meta).toBeNull();
    const [document] = buildExport(db).documents;
    expect(document).not.toHaveProperty('meta');
    expect(document!.spans).toMatchObject([{ id: 's1', text: 'الوزير', note: 'الوزير نفسه' }]);
  });

  it('takes a JSON object or NULL, nothing else', () => {
    migrate(db, ALL);
    const setMeta = db.prepare<[string | null]>("UPDATE documents SET meta = ? WHERE id = 'd1'");
    expect(() => setMeta.run('{"source": "الحياة", "page": 3}')).not.toThrow();
    expect(() => setMeta.run(null)).not.toThrow();
    for (const bad of ['[]', '"text"', '3', 'null']) expect(() => setMeta.run(bad), bad).toThrow(/CHECK constraint failed/u);
    expect(() => setMeta.run('{broken')).toThrow(/malformed JSON/u);
  });
});
