// Opens the database for a command. Export refuses to create a file that does not exist yet, since
// an empty export from a mistyped path would look like lost work.
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/open-database';

export function openCliDatabase(databasePath: string, options: { mustExist: boolean }): Database.Database {
  if (options.mustExist && !existsSync(databasePath)) {
    throw new Error(`no database at ${databasePath} (import files first, or pass --db)`);
  }
  return openDatabase(databasePath);
}
