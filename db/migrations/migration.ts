// The shape of one numbered schema migration; db/migrate.ts applies them in order.
import type Database from 'better-sqlite3';

export interface Migration {
  /** The PRAGMA user_version the database has once this migration is applied; 1, 2, 3… without gaps. */
  readonly version: number;
  readonly name: string;
  /** Runs inside the migration's transaction: synchronous, and must not manage transactions itself. */
  up(db: Database.Database): void;
}
