// Test helper: every row of every table plus the schema and user_version, to prove that a
// rejected request changed nothing at all.
import type Database from 'better-sqlite3';

export function dumpDatabase(db: Database.Database): Record<string, unknown> {
  const schema = db
    .prepare<[], { type: string; name: string; sql: string | null }>(
      "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all();
  const tables: Record<string, unknown[]> = {};
  for (const { name } of schema.filter((entry) => entry.type === 'table')) {
    tables[name] = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY rowid`).all();
  }
  return { userVersion: db.pragma('user_version', { simple: true }), schema, tables };
}
