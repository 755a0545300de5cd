// Where the database lives by default: the same file as the Electron app (its userData folder for
// productName "Isnad"), so the command line and the desktop app see the same annotations.
import os from 'node:os';
import path from 'node:path';

export const DATABASE_FILE_NAME = 'isnad.sqlite';
const APP_FOLDER_NAME = 'Isnad';

export interface DatabasePathEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homeDir: string;
}

/** ISNAD_DB wins; otherwise Electron's userData folder for this platform plus isnad.sqlite. */
export function defaultDatabasePath(
  environment: DatabasePathEnvironment = { env: process.env, platform: process.platform, homeDir: os.homedir() },
): string {
  const { env, platform, homeDir } = environment;
  const override = nonEmpty(env['ISNAD_DB']);
  if (override !== undefined) return path.resolve(override);

  // Path functions of the target platform, so that the Windows and macOS layouts are testable anywhere.
  if (platform === 'win32') {
    const appData = nonEmpty(env['APPDATA']) ?? path.win32.join(homeDir, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER_NAME, DATABASE_FILE_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(homeDir, 'Library', 'Application Support', APP_FOLDER_NAME, DATABASE_FILE_NAME);
  }
  const configHome = nonEmpty(env['XDG_CONFIG_HOME']) ?? path.posix.join(homeDir, '.config');
  return path.posix.join(configHome, APP_FOLDER_NAME, DATABASE_FILE_NAME);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
