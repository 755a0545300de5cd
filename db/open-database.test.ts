// openDatabase: durable pragmas on a real file, migrations applied, data survives a reopen, and a
// database from a newer Isnad is refused without a single byte changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from './database-errors';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { openDatabase } from './open-database';
import { tempDatabasePath } from './test-support/temp-database-path';

function sha256OfFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('openDatabase', () => {
  let databasePath: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ databasePath, cleanup } = tempDatabasePath());
  });
  afterEach(() => cleanup());

  it('creates the folder and the file, in WAL mode with synchronous FULL and foreign keys on', () => {
    const nested = path.join(path.dirname(databasePath), 'not', 'yet', 'there', 'isnad.sqlite');
    const db = openDatabase(nested);
    try {
      expect(fs.existsSync(nested)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('keeps what was written when the file is reopened', () => {
    const first = openDatabase(databasePath);
    first.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'قيمة')").run();
    first.close();
    const second = openDatabase(databasePath);
    try {
      expect(second.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: 'قيمة' });
      expect(second.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      second.close();
    }
  });

  it('opens an in-memory database for tests', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  for (const journalMode of ['delete', 'wal'] as const) {
    it(`refuses a newer database (${journalMode} journal) and leaves the file byte-for-byte unchanged`, () => {
      const newer = new Database(databasePath);
      newer.pragma(`journal_mode = ${journalMode}`);
      newer.exec("CREATE TABLE future_things (x TEXT); INSERT INTO future_things VALUES ('from the future');");
      newer.pragma('user_version = 7');
      newer.close();
      const hashBefore = sha256OfFile(databasePath);
      const filesBefore = fs.readdirSync(path.dirname(databasePath)).sort();

      let thrown: unknown;
      try {
        openDatabase(databasePath).close();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DatabaseTooNewError);
      expect((thrown as Error).message).toBe(
        `This database was written by a newer version of Isnad (schema 7; this version knows up to ${LATEST_SCHEMA_VERSION}). ` +
          'Update Isnad to open it; the file was not changed.',
      );
      expect(sha256OfFile(databasePath)).toBe(hashBefore);
      expect(fs.readdirSync(path.dirname(databasePath)).sort()).toEqual(filesBefore);
    });
  }
});
