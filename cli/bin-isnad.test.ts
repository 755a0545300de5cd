// The built command as users run it: bin/isnad.js loading dist/cli/isnad.cjs in a real process.
// Skipped, saying so, until `npm run build:node` has produced the bundle.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './test-support/capture-io';

const bundle = path.join(repoRoot, 'dist', 'cli', 'isnad.cjs');
const bin = path.join(repoRoot, 'bin', 'isnad.js');

describe('bin/isnad.js', () => {
  it.skipIf(!existsSync(bundle))('prints its help and the package version (skipped when dist/cli/isnad.cjs is not built: npm run build:node)', () => {
    const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help).toContain('isnad import FILE...');
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
  });
});
