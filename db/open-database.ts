// Opens (or creates) the Isnad SQLite file: refuses a newer schema before writing anything, then
// sets the durability pragmas and migrates. Pass ':memory:' for a throwaway database in tests.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseTooNewError } from './database-errors';
import { migrate, readSchemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations/index';

const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(databasePath: string): Database.Database {
  if (isFilePath(databasePath)) fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });

  // The constructor's timeout is the busy timeout, so even the first read waits for another
  // process (the app and the command line may share the file) instead of failing at once.
  const db = new Database(databasePath, { timeout: BUSY_TIMEOUT_MS });
  try {
    // Read-only check first: a file from a newer Isnad must not be touched, not even by a pragma
    // that rewrites its header (journal_mode = WAL does).
    const foundVersion = readSchemaVersion(db);
    if (foundVersion > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(foundVersion, LATEST_SCHEMA_VERSION);

    db.pragma('journal_mode = WAL');
    // WAL defaults to NORMAL, which can lose the last commits on power loss; annotations are worth FULL.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isFilePath(databasePath: string): boolean {
  return databasePath !== '' && databasePath !== ':memory:' && !databasePath.startsWith('file:');
}
