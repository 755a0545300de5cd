// Brings a database up to the latest schema: each pending migration runs in its own transaction
// together with its PRAGMA user_version, so a failure leaves the database exactly as it was.
import type Database from 'better-sqlite3';
import { DatabaseTooNewError } from './database-errors';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations/index';

export function readSchemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations; returns the versions applied (empty when already current). */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertNumberedWithoutGaps(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = readSchemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);

  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is a checked integer.
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}

function assertNumberedWithoutGaps(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration «${migration.name}» has version ${migration.version}; expected ${index + 1}.`);
    }
  });
}
