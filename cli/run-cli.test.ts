// The `isnad` command line, run in-process: what a user sees on stdout/stderr and the exit status.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV1 } from '../shared/export/export-v1';
import { runCli } from './run-cli';
import { captureIo, fixturesDir } from './test-support/capture-io';

const PENTAGON = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
const PENTAGON_TITLE = 'واشنطن: القوات الأميركية تقصف منشأتين للحرس الثوري الإيراني شرق سوريا';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-cli-'));
  dbPath = path.join(dir, 'isnad.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo({ cwd: dir });
  const status = await runCli(argv, io);
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}

function expectOneLineFailure(result: { stderr: string }, pattern: RegExp): void {
  expect(result.stderr).toMatch(/^isnad: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

function sha256OfFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('isnad --help and usage errors', () => {
  it('prints the usage of every command and exits 0', async () => {
    const result = await run('--help');
    expect(result.status).toBe(0);
    for (const command of ['isnad import FILE...', 'isnad export', 'isnad serve']) expect(result.stdout).toContain(command);
    expect(result.stderr).toBe('');
  });

  it('exits 2 with one line for a missing or unknown command, or an unknown option', async () => {
    for (const argv of [[], ['frobnicate'], ['import', '--frobnicate', PENTAGON], ['export', '--db'], ['serve', '--port', 'eighty']]) {
      const result = await run(...argv);
      expect(result.status, argv.join(' ')).toBe(2);
      expectOneLineFailure(result, /see isnad --help|--port/);
      expect(result.stdout).toBe('');
    }
  });

  it('refuses an import without files', async () => {
    const result = await run('import', '--db', dbPath);
    expect(result.status).toBe(2);
    expectOneLineFailure(result, /at least one/);
  });
});

describe('isnad import', () => {
  it('imports the fixture and prints its id, length and title, then a total', async () => {
    const result = await run('import', '--db', dbPath, PENTAGON);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^[0-9a-f-]{36} +\d+ characters {2}/);
    expect(lines[0]).toContain(PENTAGON_TITLE);
    expect(lines[1]).toContain('Imported 1 document (1 new');

    const exported = ExportFileV1.parse(JSON.parse((await run('export', '--db', dbPath)).stdout));
    expect(exported.documents.map((document) => document.title)).toEqual([PENTAGON_TITLE]);
    expect(lines[0]).toContain(exported.documents[0]!.id);
  });

  it('resolves relative paths against the working folder and --db too', async () => {
    writeFileSync(path.join(dir, 'note.txt'), 'قال المتحدث إن الاجتماع تأجل.\n');
    const result = await run('import', '--db', 'rel.sqlite', 'note.txt');
    expect(result.status).toBe(0);
    expect(existsSync(path.join(dir, 'rel.sqlite'))).toBe(true);
  });

  it('imports nothing when one file is bad, exits 1 and names the file in one line', async () => {
    const bad = path.join(dir, 'latin1.txt');
    writeFileSync(bad, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const result = await run('import', '--db', dbPath, PENTAGON, bad);
    expect(result.status).toBe(1);
    expectOneLineFailure(result, /«latin1\.txt» is not valid UTF-8/);
    expect(result.stdout).toBe('');
    const exported = JSON.parse((await run('export', '--db', dbPath)).stdout) as ExportFileV1;
    expect(exported.documents).toEqual([]);
  });

  it('fails with one line for a missing file, before touching the database', async () => {
    const result = await run('import', '--db', dbPath, 'missing.txt');
    expect(result.status).toBe(1);
    expectOneLineFailure(result, /cannot read «missing\.txt»: no such file/);
    expect(existsSync(dbPath)).toBe(false);
  });
});

describe('isnad export', () => {
  beforeEach(async () => {
    expect((await run('import', '--db', dbPath, PENTAGON)).status).toBe(0);
  });

  it('writes pretty JSON to stdout', async () => {
    const result = await run('export', '--db', dbPath);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\{\n {2}"format": "isnad",/);
    const exported = ExportFileV1.parse(JSON.parse(result.stdout));
    expect(exported.documents[0]?.text).toContain('البنتاغون');
  });

  it('writes to --out and reports what it wrote', async () => {
    const result = await run('export', '--db', dbPath, '--out', 'out.json');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Exported 1 document with 0 spans to .*out\.json\n$/);
    const exported = ExportFileV1.parse(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')));
    expect(exported.documents).toHaveLength(1);
  });

  it('exports one document by id, and fails for an unknown id', async () => {
    const all = ExportFileV1.parse(JSON.parse((await run('export', '--db', dbPath)).stdout));
    const id = all.documents[0]!.id;
    const one = await run('export', '--db', dbPath, '--document', id);
    expect(ExportFileV1.parse(JSON.parse(one.stdout)).documents.map((document) => document.id)).toEqual([id]);
    const missing = await run('export', '--db', dbPath, '--document', 'nope');
    expect(missing.status).toBe(1);
    expectOneLineFailure(missing, /nope/);
  });

  it('refuses to export from a database that does not exist (and does not create it)', async () => {
    const result = await run('export', '--db', 'typo.sqlite');
    expect(result.status).toBe(1);
    expectOneLineFailure(result, /no database at/);
    expect(existsSync(path.join(dir, 'typo.sqlite'))).toBe(false);
  });
});

describe('a database from a newer Isnad', () => {
  it('is refused by import and export with a clear message, exit 1, and left byte-for-byte unchanged', async () => {
    expect((await run('import', '--db', dbPath, PENTAGON)).status).toBe(0);
    const db = new Database(dbPath);
    db.pragma('user_version = 99');
    db.close();
    const before = sha256OfFile(dbPath);

    for (const argv of [['import', '--db', dbPath, PENTAGON], ['export', '--db', dbPath]]) {
      const result = await run(...argv);
      expect(result.status).toBe(1);
      expectOneLineFailure(result, /newer version of Isnad/);
    }
    expect(sha256OfFile(dbPath)).toBe(before);
  });
});
