// Proves the import boundaries fail on violations: writes deliberate offenders into each guarded
// folder, lints them with the real ESLint config and dependency-cruiser config, and always removes them.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
// Unique per run, so a crashed run's leftovers are recognisable and parallel runs do not collide.
const tag = `__lint_probe_${process.pid}`;
const written = new Set<string>();

function writeProbe(relativePath: string, source: string): string {
  const absolute = path.join(repoRoot, relativePath);
  written.add(absolute);
  writeFileSync(absolute, `// Deliberate violation written by tests/lint/import-rules.test.ts; safe to delete.\n${source}\n`);
  return absolute;
}

function removeProbes(): void {
  for (const file of written) rmSync(file, { force: true });
  written.clear();
}

afterAll(removeProbes);

interface Case {
  folder: 'shared' | 'db' | 'electron' | 'renderer' | 'cli';
  source: string;
}

const violations: Case[] = [
  { folder: 'shared', source: "import { readFileSync } from 'node:fs';" },
  { folder: 'shared', source: "import path from 'path';" },
  { folder: 'shared', source: "import { createElement } from 'react';" },
  { folder: 'shared', source: "import type Database from 'better-sqlite3';" },
  { folder: 'shared', source: "export { openDatabase } from '../db/open-database';" },
  { folder: 'db', source: "import { app } from 'electron';" },
  { folder: 'db', source: "import { $getRoot } from 'lexical';" },
  { folder: 'db', source: "import { createRpcClient } from '../renderer/rpc/create-rpc-client';" },
  { folder: 'electron', source: "import { createRpcClient } from '../renderer/rpc/create-rpc-client';" },
  { folder: 'electron', source: "import { useState } from 'react';" },
  { folder: 'renderer', source: "import Database from 'better-sqlite3';" },
  { folder: 'renderer', source: "import { readFile } from 'node:fs/promises';" },
  { folder: 'renderer', source: "import { ipcRenderer } from 'electron';" },
  { folder: 'renderer', source: "import { openDatabase } from '../db/open-database';" },
  { folder: 'renderer', source: "import type { Store } from '../db/store/Store';" },
  { folder: 'cli', source: "import { BrowserWindow } from 'electron';" },
  { folder: 'cli', source: "import { App } from '../renderer/App';" },
];

// What each folder may import: the rules must not be blanket bans.
const allowed: Case[] = [
  { folder: 'shared', source: "import { z } from 'zod';\nimport { IPC_CHANNEL } from './rpc/contract';" },
  { folder: 'db', source: "import fs from 'node:fs';\nimport Database from 'better-sqlite3';\nimport { IPC_CHANNEL } from '../shared/rpc/contract';" },
  { folder: 'electron', source: "import { app } from 'electron';\nimport path from 'node:path';\nimport { openDatabase } from '../db/open-database';" },
  { folder: 'renderer', source: "import { useState } from 'react';\nimport { $getRoot } from 'lexical';\nimport { IPC_CHANNEL } from '../shared/rpc/contract';" },
  { folder: 'cli', source: "import http from 'node:http';\nimport { openDatabase } from '../db/open-database';" },
];

async function restrictedImportMessages(testCase: Case, index: number): Promise<string[]> {
  const file = writeProbe(`${testCase.folder}/${tag}_${index}.ts`, testCase.source);
  try {
    const [result] = await new ESLint({ cwd: repoRoot }).lintFiles([file]);
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('ESLint no-restricted-imports', () => {
  it.each(violations.map((testCase, index) => [testCase.folder, testCase.source, index] as const))(
    '%s/ refuses %s',
    async (folder, source, index) => {
      const messages = await restrictedImportMessages({ folder, source }, index);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.join('\n')).toMatch(new RegExp(`${folder}/`));
    },
  );

  it.each(allowed.map((testCase, index) => [testCase.folder, testCase.source, 100 + index] as const))(
    '%s/ accepts %s',
    async (folder, source, index) => {
      expect(await restrictedImportMessages({ folder, source }, index)).toEqual([]);
    },
  );
});

interface CruiseViolation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: unknown[];
}

async function cruise(files: string[]): Promise<CruiseViolation[]> {
  const bin = path.join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');
  const args = [bin, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...files];
  // depcruise exits non-zero when it finds errors; the JSON report is on stdout either way.
  const stdout = await promisify(execFile)(process.execPath, args, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 })
    .then((result) => result.stdout)
    .catch((error: { stdout?: string }) => {
      if (!error.stdout) throw error;
      return error.stdout;
    });
  return (JSON.parse(stdout) as { summary: { violations: CruiseViolation[] } }).summary.violations;
}

describe('dependency-cruiser', () => {
  it('catches renderer → db directly and through shared/, shared/ → node:fs, and cycles', async () => {
    const p = (folder: string, name: string) => `${folder}/${tag}_${name}.ts`;
    try {
      writeProbe(p('db', 'target'), 'export const probe = 1;');
      writeProbe(p('renderer', 'direct'), `import { probe } from '../db/${tag}_target';\nexport const direct = probe;`);
      writeProbe(p('shared', 'via'), `import { probe } from '../db/${tag}_target';\nexport const via = probe;`);
      writeProbe(p('renderer', 'indirect'), `import { via } from '../shared/${tag}_via';\nexport const indirect = via;`);
      writeProbe(p('shared', 'node'), "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;");
      writeProbe(p('electron', 'cycle_a'), `import { b } from './${tag}_cycle_b';\nexport const a = () => b;`);
      writeProbe(p('electron', 'cycle_b'), `import { a } from './${tag}_cycle_a';\nexport const b = () => a;`);

      const found = await cruise([p('renderer', 'direct'), p('renderer', 'indirect'), p('shared', 'node'), p('electron', 'cycle_a')]);
      const has = (rule: string, from: string, to: string) =>
        found.some((violation) => violation.rule.name === rule && violation.from === from && violation.to === to);

      expect(has('renderer-never-reaches-db', p('renderer', 'direct'), p('db', 'target'))).toBe(true);
      expect(has('renderer-never-reaches-db', p('renderer', 'indirect'), p('db', 'target'))).toBe(true);
      expect(has('shared-only-shared-and-zod', p('shared', 'via'), p('db', 'target'))).toBe(true);
      expect(found.some((violation) => violation.rule.name === 'shared-only-shared-and-zod' && violation.from === p('shared', 'node'))).toBe(true);
      expect(found.some((violation) => violation.rule.name === 'no-circular' && violation.from === p('electron', 'cycle_a'))).toBe(true);
    } finally {
      removeProbes();
    }
  });

  it('finds nothing to complain about in a renderer file that only uses shared/', async () => {
    const probe = `renderer/${tag}_clean.ts`;
    try {
      writeProbe(probe, "import { IPC_CHANNEL } from '../shared/rpc/contract';\nexport const channel = IPC_CHANNEL;");
      expect(await cruise([probe])).toEqual([]);
    } finally {
      removeProbes();
    }
  });
});
