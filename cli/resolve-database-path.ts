// --db wins, then ISNAD_DB, then the desktop app's file (defaultDatabasePath handles the last two).
import os from 'node:os';
import path from 'node:path';
import { defaultDatabasePath } from '../db/default-database-path';
import type { CliIo } from './cli-io';

export function resolveDatabasePath(dbOption: string | undefined, io: CliIo): string {
  if (dbOption !== undefined) return path.resolve(io.cwd, dbOption);
  return defaultDatabasePath({ env: { ...io.env }, platform: process.platform, homeDir: os.homedir() });
}
