// Schema v1 applies on an empty database, seeds the labels, is STRICT, and re-running is a no-op.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../shared/labels/default-labels';
import { migrate, readSchemaVersion } from '../migrate';
import { dumpDatabase } from '../test-support/dump-database';
import { migration0001Initial } from './0001-initial';

const TABLES = ['annotators', 'documents', 'labels', 'settings', 'span_changes', 'spans'];

describe('migration 0001-initial', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
  });
  afterEach(() => db.close());

  it('creates the v1 tables on an empty database and sets user_version to 1', () => {
    expect(readSchemaVersion(db)).toBe(0);
    expect(migrate(db, [migration0001Initial])).toEqual([1]);
    expect(readSchemaVersion(db)).toBe(1);
    const tables = db
      .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all();
    expect(tables.map((table) => table.name)).toEqual(TABLES);
    expect(tables.every((table) => table.strict === 1)).toBe(true);
  });

  it('seeds the default labels as data', () => {
    migrate(db, [migration0001Initial]);
    const labels = db.prepare('SELECT name, color, shortcut_code AS shortcutCode, sort_order AS sortOrder FROM labels ORDER BY sort_order').all();
    expect(labels).toEqual(DEFAULT_LABELS);
  });

  it('does nothing when run again', () => {
    migrate(db, [migration0001Initial]);
    const before = dumpDatabase(db);
    expect(migrate(db, [migration0001Initial])).toEqual([]);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('rejects values of the wrong type (STRICT) and empty or inverted span ranges', () => {
    migrate(db, [migration0001Initial]);
    expect(() => db.prepare("INSERT INTO labels VALUES ('x', 'red', 'KeyX', 'first')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    db.prepare("INSERT INTO annotators VALUES ('a1', 'Amal', '2026-01-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO documents VALUES ('d1', 't', 's.txt', 'نص', 'h', 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run();
    const insertSpan = db.prepare("INSERT INTO spans VALUES (?, 'd1', 'a1', 'claim', ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
    expect(() => insertSpan.run('s1', 1, 1)).toThrow(/CHECK constraint failed/);
    expect(() => insertSpan.run('s2', 2, 1)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO spans VALUES ('s3', 'd1', 'a1', 'nonsense', 0, 1, 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
  });

  it('deleting a document cascades to its spans but keeps their change-log rows', () => {
    migrate(db, [migration0001Initial]);
    db.prepare("INSERT INTO annotators VALUES ('a1', 'Amal', 'x')").run();
    db.prepare("INSERT INTO documents VALUES ('d1', 't', 's.txt', 'نص', 'h', 2, 'x', 'x')").run();
    db.prepare("INSERT INTO spans VALUES ('s1', 'd1', 'a1', 'claim', 0, 2, 'x', 'x')").run();
    db.prepare("INSERT INTO span_changes (at, annotator_id, document_id, span_id, action, before, after) VALUES ('x', 'a1', 'd1', 's1', 'create', NULL, '{}')").run();
    db.prepare("DELETE FROM documents WHERE id = 'd1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM spans').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT span_id, action FROM span_changes').all()).toEqual([{ span_id: 's1', action: 'create' }]);
  });
});
