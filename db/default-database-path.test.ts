// The default database is the Electron app's userData file on each platform, unless ISNAD_DB says otherwise.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDatabasePath } from './default-database-path';

describe('defaultDatabasePath', () => {
  it('uses ~/.config/Isnad on Linux, or XDG_CONFIG_HOME when set', () => {
    expect(defaultDatabasePath({ env: {}, platform: 'linux', homeDir: '/home/amal' })).toBe('/home/amal/.config/Isnad/isnad.sqlite');
    expect(defaultDatabasePath({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', homeDir: '/home/amal' })).toBe('/cfg/Isnad/isnad.sqlite');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDatabasePath({ env: {}, platform: 'darwin', homeDir: '/Users/amal' })).toBe(
      '/Users/amal/Library/Application Support/Isnad/isnad.sqlite',
    );
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultDatabasePath({ env: { APPDATA: 'C:\\Users\\amal\\AppData\\Roaming' }, platform: 'win32', homeDir: 'C:\\Users\\amal' })).toBe(
      'C:\\Users\\amal\\AppData\\Roaming\\Isnad\\isnad.sqlite',
    );
    expect(defaultDatabasePath({ env: {}, platform: 'win32', homeDir: 'C:\\Users\\amal' })).toBe('C:\\Users\\amal\\AppData\\Roaming\\Isnad\\isnad.sqlite');
  });

  it('prefers ISNAD_DB, made absolute, and ignores it when blank', () => {
    expect(defaultDatabasePath({ env: { ISNAD_DB: '/data/team.sqlite', XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', homeDir: '/h' })).toBe('/data/team.sqlite');
    expect(defaultDatabasePath({ env: { ISNAD_DB: 'rel/team.sqlite' }, platform: 'linux', homeDir: '/h' })).toBe(path.resolve('rel/team.sqlite'));
    expect(defaultDatabasePath({ env: { ISNAD_DB: '  ' }, platform: 'linux', homeDir: '/h' })).toBe('/h/.config/Isnad/isnad.sqlite');
  });

  it('reads the real environment by default', () => {
    const previous = process.env['ISNAD_DB'];
    process.env['ISNAD_DB'] = '/tmp/from-env.sqlite';
    try {
      expect(defaultDatabasePath()).toBe('/tmp/from-env.sqlite');
    } finally {
      if (previous === undefined) delete process.env['ISNAD_DB'];
      else process.env['ISNAD_DB'] = previous;
    }
  });
});
