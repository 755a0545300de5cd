// A Playwright fixture that starts the built `isnad serve` on a fresh temp database for each test
// and gives the test its tokened URL; the server and database are removed afterwards.
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const fixturesDir = path.resolve(repoRoot, '..', 'shared', 'fixtures');

export interface IsnadServer {
  url: string;
  databasePath: string;
}

export function startIsnadServer(databasePath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'isnad.js'), 'serve', '--db', databasePath, '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) resolve({ url: match[0], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`isnad serve exited with ${code} before printing its URL:\n${output}`)));
  });
}

export const test = base.extend<{ isnad: IsnadServer }>({
  isnad: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isnad-e2e-'));
    const databasePath = path.join(dir, 'isnad.sqlite');
    const { url, child } = await startIsnadServer(databasePath);
    await use({ url, databasePath });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
