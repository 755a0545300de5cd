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
const TO_V3 = [migration0001Initial, migration0002Attribution, migration0003ImportLog];

const AT = '2026-06-01T00:00:00.000Z';

/**
 * A v2 database as schema v2's Store left it, written row by row (today's Store needs the latest
 * schema): an annotator, a document, two spans and a relation, each created by its own operation on
 * the undo stack with its change row and snapshot.
 */
function v2DatabaseWithHistory(): { db: Database.Database; documentId: string } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [migration0001Initial, migration0002Attribution]);
  db.prepare("INSERT INTO settings VALUES ('current_annotator_id', 'a1')").run();
  db.prepare('INSERT INTO annotators VALUES (?, ?, ?)').run('a1', 'أمل', AT);
  db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('d1', 'خبر', 'news.txt', TEXT, 'a'.repeat(64), [...TEXT].length, AT, AT);
  const operation = (seq: number, kind: string) => {
    db.prepare("INSERT INTO operations (seq, at, annotator_id, document_id, kind) VALUES (?, ?, 'a1', 'd1', ?)").run(seq, AT, kind);
    db.prepare("INSERT INTO history_stack VALUES (?, 'd1', 'a1', 'done', ?)").run(seq, seq);
  };
  const span = (seq: number, id: string, label: string, startUtf16: number, endUtf16: number) => {
    operation(seq, 'spans.create');
    db.prepare("INSERT INTO spans (id, document_id, annotator_id, label, start_utf16, end_utf16, created_at, updated_at) VALUES (?, 'd1', 'a1', ?, ?, ?, ?, ?)").run(id, label, startUtf16, endUtf16, AT, AT);
    const after = { id, documentId: 'd1', annotatorId: 'a1', label, startUtf16, endUtf16, attributes: {}, entityId: null, createdAt: AT, updatedAt: AT };
    db.prepare("INSERT INTO span_changes (at, annotator_id, document_id, span_id, action, before, after, operation_seq) VALUES (?, 'a1', 'd1', ?, 'create', NULL, ?, ?)").run(AT, id, JSON.stringify(after), seq);
  };
  span(1, 's1', 'speaker', 4, 10);
  span(2, 's2', 'claim', 14, 32);
  operation(3, 'relations.create');
  db.prepare("INSERT INTO relations VALUES ('r1', 'd1', 'a1', 'said_by', 's2', 's1', ?)").run(AT);
  const relation = { id: 'r1', documentId: 'd1', annotatorId: 'a1', type: 'said_by', fromSpanId: 's2', toSpanId: 's1', createdAt: AT };
  db.prepare("INSERT INTO relation_changes (operation_seq, at, annotator_id, document_id, relation_id, action, before, after) VALUES (3, ?, 'a1', 'd1', 'r1', 'create', NULL, ?)").run(AT, JSON.stringify(relation));
  return { db, documentId: 'd1' };
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
    expect(before['span_changes']).toHaveLength(2);
    expect(migrate(db, TO_V3)).toEqual([3]);
    expect(readSchemaVersion(db)).toBe(3);
    const { import_changes: added, ...after } = dumpDatabase(db).tables as Record<string, unknown[]>;
    expect(after).toEqual(before);
    expect(added).toEqual([]);
  });

  it('keeps undo and redo working on the history written before it (with every later migration applied)', () => {
    migrate(db);
    const store = new Store(db);
    expect(store.undo(documentId).relations).toEqual([]);
    expect(store.undo(documentId).spans.map((span) => span.label)).toEqual(['speaker']);
    const redone = store.redo(documentId);
    expect(redone.spans.map((span) => [span.label, span.text])).toEqual([
      ['speaker', 'الوزير'],
      ['claim', 'الاتفاق سيوقع غداً'],
    ]);
    expect(store.redo(documentId).relations.map((relation) => relation.type)).toEqual(['said_by']);
  });

  it('takes JSON arrays of ids and refuses anything else', () => {
    migrate(db, TO_V3);
    const insert = db.prepare('INSERT INTO import_changes (operation_seq, span_ids, relation_ids) VALUES (?, ?, ?)');
    expect(() => insert.run(100, '["s1","s2"]', '[]')).not.toThrow();
    expect(() => insert.run(101, '{"s1":1}', '[]')).toThrow(/CHECK constraint failed/u);
    expect(() => insert.run(102, '[]', 'not json')).toThrow(/malformed JSON|CHECK constraint failed/u);
  });
});
