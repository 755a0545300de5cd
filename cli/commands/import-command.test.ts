// `isnad import FILE.json` reads an Isnad export back with its annotations; a bad export imports nothing.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { runCli } from '../run-cli';
import { captureIo } from '../test-support/capture-io';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-cli-json-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo({ cwd: dir });
  const status = await runCli(argv, io);
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}

const TEXT = 'قال الوزير إن الاتفاق سيوقع غدا.\n';
const SHA256 = createHash('sha256').update(TEXT).digest('hex');

function exportFile(label: string): ExportFileV1 {
  return {
    format: 'isnad',
    version: 1,
    exportedAt: '2026-11-25T10:00:00.000Z',
    annotators: [{ id: 'a1', name: 'أمل' }],
    documents: [
      {
        id: 'd1',
        title: 'خبر',
        lang: 'ar',
        direction: 'rtl',
        sha256: SHA256,
        text: TEXT,
        spans: [{ id: 's1', annotator: 'a1', label, start: 4, end: 10, startUtf16: 4, endUtf16: 10, text: 'الوزير', createdAt: '2026-11-25T09:00:00.000Z', updatedAt: '2026-11-25T09:00:00.000Z' }],
      },
    ],
  };
}

describe('isnad import FILE.json', () => {
  it('imports the documents and spans of an export, and a second time adds nothing', async () => {
    writeFileSync(path.join(dir, 'amal.json'), JSON.stringify(exportFile('speaker')));
    const first = await run('import', '--db', 'x.sqlite', 'amal.json');
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Imported amal.json: 1 document (1 new), 1 spans added');
    const second = await run('import', '--db', 'x.sqlite', 'amal.json');
    expect(second.stdout).toContain('(0 new), 0 spans added, 0 updated');

    const exported = await run('export', '--db', 'x.sqlite');
    const back = ExportFileV1.parse(JSON.parse(exported.stdout));
    expect(back.documents[0]!.spans.map((span) => [span.id, span.label, span.text])).toEqual([['s1', 'speaker', 'الوزير']]);
  });

  it('refuses an export with an unknown label, importing nothing (not even the text files beside it)', async () => {
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(exportFile('rumour')));
    writeFileSync(path.join(dir, 'note.txt'), 'نص');
    const result = await run('import', '--db', 'x.sqlite', 'note.txt', 'bad.json');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/document «خبر» \(d1\), span «s1»: unknown label «rumour»/);
    const listed = await run('export', '--db', 'x.sqlite');
    expect(ExportFileV1.parse(JSON.parse(listed.stdout)).documents).toEqual([]);
  });
});
