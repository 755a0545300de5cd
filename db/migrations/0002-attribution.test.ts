// Schema v2 applies on a v1 database that has data: spans and their history survive, the labels
// become the default schema's, the new tables are STRICT, and user_version is 2.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../shared/labels/default-labels';
import { migrate, readSchemaVersion } from '../migrate';
import { Store } from '../store/Store';
import { dumpDatabase } from '../test-support/dump-database';
import { migration0001Initial } from './0001-initial';
import { migration0002Attribution } from './0002-attribution';

const AT = '2026-01-01T00:00:00.000Z';
const TEXT = 'قال الوزير إن الاتفاق سيوقع غداً.';

/** A v1 database as issue 2 left it: an annotator, a document, two spans and their change log. */
function v1DatabaseWithData(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [migration0001Initial]);
  db.prepare('INSERT INTO settings VALUES (?, ?)').run('current_annotator_id', 'a1');
  db.prepare('INSERT INTO annotators VALUES (?, ?, ?)').run('a1', 'أمل', AT);
  db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('d1', 'خبر', 'news.txt', TEXT, 'h'.repeat(64), TEXT.length, AT, AT);
  const insertSpan = db.prepare('INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  insertSpan.run('s1', 'd1', 'a1', 'speaker', 4, 10, AT, AT);
  insertSpan.run('s2', 'd1', 'a1', 'claim', 14, 32, AT, AT);
  db.prepare("INSERT INTO span_changes (at, annotator_id, document_id, span_id, action, before, after) VALUES (?, 'a1', 'd1', 's1', 'create', NULL, '{}')").run(AT);
  return db;
}

describe('migration 0002-attribution', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = v1DatabaseWithData();
  });
  afterEach(() => db.close());

  it('brings a v1 database with data to user_version 2, keeping spans and their history', () => {
    const spansBefore = db.prepare('SELECT * FROM spans ORDER BY id').all();
    expect(migrate(db, [migration0001Initial, migration0002Attribution])).toEqual([2]);
    expect(readSchemaVersion(db)).toBe(2);
    const spansAfter = db.prepare<[], Record<string, unknown>>('SELECT * FROM spans ORDER BY id').all();
    expect(spansAfter.map(({ attributes: _a, entity_id: _e, ...v1Columns }) => v1Columns)).toEqual(spansBefore);
    expect(spansAfter.map((span) => [span.attributes, span.entity_id])).toEqual([
      ['{}', null],
      ['{}', null],
    ]);
    expect(db.prepare('SELECT span_id, action, operation_seq FROM span_changes').all()).toEqual([{ span_id: 's1', action: 'create', operation_seq: null }]);
  });

  it('makes the default attribution schema active, its labels the labels table, and the spans readable through the store', () => {
    migrate(db, [migration0001Initial, migration0002Attribution]);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'active_schema_id'").get()).toEqual({ value: 'attribution' });
    // Today's Store needs the latest schema; later migrations add tables and change none of these rows.
    migrate(db);
    const store = new Store(db);
    expect(store.listLabels()).toEqual(DEFAULT_LABELS);
    const { spans, relations, history } = store.getDocument('d1');
    expect(spans.map((span) => [span.label, span.text, span.attributes, span.entityId])).toEqual([
      ['speaker', 'الوزير', {}, null],
      ['claim', 'الاتفاق سيوقع غداً', {}, null],
    ]);
    expect(relations).toEqual([]);
    // v1 changes belong to no operation: there is nothing to undo, and new edits work at once.
    expect(history).toEqual({ canUndo: false, canRedo: false });
    store.createRelation({ type: 'said_by', fromSpanId: 's2', toSpanId: 's1' });
    expect(store.setSpanAttributes('s2', { claimType: 'prediction' }).attributes).toEqual({ claimType: 'prediction' });
  });

  it('creates STRICT tables and refuses relations that join a span to itself', () => {
    migrate(db, [migration0001Initial, migration0002Attribution]);
    const tables = db
      .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all();
    expect(tables.map((table) => table.name)).toEqual([
      'annotation_schemas',
      'annotators',
      'document_status',
      'documents',
      'entities',
      'entity_changes',
      'history_stack',
      'labels',
      'operations',
      'relation_changes',
      'relations',
      'settings',
      'span_changes',
      'spans',
    ]);
    expect(tables.every((table) => table.strict === 1)).toBe(true);
    expect(() => db.prepare("INSERT INTO relations VALUES ('r1', 'd1', 'a1', 'said_by', 's1', 's1', ?)").run(AT)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE spans SET attributes = '[1]' WHERE id = 's1'").run()).toThrow(/CHECK constraint failed/);
  });

  it('does nothing when run again', () => {
    migrate(db, [migration0001Initial, migration0002Attribution]);
    const before = dumpDatabase(db);
    expect(migrate(db, [migration0001Initial, migration0002Attribution])).toEqual([]);
    expect(dumpDatabase(db)).toEqual(before);
  });
});
