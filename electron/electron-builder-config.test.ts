// `npm run dist` cannot run here (electron-builder downloads Electron), so the packaging config is
// checked the way electron-builder would read it: YAML, its own schema, and the files it points at.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// Untyped CommonJS packages: loaded with require so that no type declarations are needed.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId: string;
  files: string[];
  asarUnpack: string[];
  directories: { output: string; buildResources: string };
  linux: { target: string[]; category: string; icon: string; maintainer: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; category: string; icon: string };
}

const config = yaml.load(readFileSync(path.join(repoRoot, 'build', 'electron-builder.yml'), 'utf8')) as BuilderConfig;

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('build/electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would reject a misspelt option (the schema check is real)', async () => {
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, categry: 'Office' } }, new DebugLogger(false))).rejects.toThrow(
      /linux/,
    );
  });

  it('unpacks the better-sqlite3 binary that exists for this platform', () => {
    const binary = `node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`;
    expect(existsSync(path.join(repoRoot, binary))).toBe(true);
    expect(config.asarUnpack.some((pattern) => path.matchesGlob(binary, pattern))).toBe(true);
  });

  it('ships the bundles and package.json without source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json', '!**/*.map']));
    expect(config.directories.output).toBe('release');
  });

  it('points every platform at a 512×512 PNG icon that exists', () => {
    for (const icon of new Set([config.linux.icon, config.win.icon, config.mac.icon])) {
      const file = path.join(repoRoot, icon);
      expect(existsSync(file), icon).toBe(true);
      expect(pngSize(file)).toEqual({ width: 512, height: 512 });
    }
  });

  it('builds AppImage and deb, an NSIS installer and a dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/); // the deb target refuses a maintainer without an email
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });
});
