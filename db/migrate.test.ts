// Migrations are all-or-nothing per version, and a database newer than the code is refused.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from './database-errors';
import { migrate, readSchemaVersion } from './migrate';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations/index';
import { dumpDatabase } from './test-support/dump-database';

const failingMigration: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'fails halfway',
  up(db) {
    db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
    db.exec("INSERT INTO labels (name, color, shortcut_code, sort_order) VALUES ('half', '#000', 'KeyH', 99)");
    throw new Error('boom');
  },
};

describe('migrate', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => db.close());

  it('rolls a failing migration back entirely: tables, rows and user_version unchanged', () => {
    migrate(db);
    const before = dumpDatabase(db);
    expect(() => migrate(db, [...MIGRATIONS, failingMigration])).toThrow('boom');
    expect(dumpDatabase(db)).toEqual(before);
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('keeps earlier migrations of the same run when a later one fails', () => {
    expect(() => migrate(db, [...MIGRATIONS, failingMigration])).toThrow('boom');
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
  });

  it('refuses a database whose user_version is newer than the last migration', () => {
    db.pragma('user_version = 7');
    expect(() => migrate(db)).toThrow(DatabaseTooNewError);
    expect(readSchemaVersion(db)).toBe(7);
  });

  it('rejects a migration list with a gap', () => {
    expect(() => migrate(db, [{ ...failingMigration, version: 5 }])).toThrow(/expected 1/);
    expect(readSchemaVersion(db)).toBe(0);
  });
});
