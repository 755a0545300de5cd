// Test helper: a fresh database path in its own temporary folder, removed by the returned cleanup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDatabasePath(): { databasePath: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-db-test-'));
  return { databasePath: path.join(dir, 'isnad.sqlite'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
