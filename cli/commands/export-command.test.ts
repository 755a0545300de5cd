// `isnad export --format webanno --out FOLDER` writes the annotations and each document's text
// (ID.txt), so that importing the folder into a fresh database gives back the same documents and
// spans; to stdout or a .jsonld file only the annotations go, and stderr says so.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { runCli } from '../run-cli';
import { captureIo } from '../test-support/capture-io';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-cli-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo({ cwd: dir });
  const status = await runCli(argv, io);
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}

// An emoji before the spans (code points differ from UTF-16), diacritics, tatweel, Latin and digits.
const TEXTS = ['😀 قالَ الوزيـــر إن الاتفاق سيوقع غدا.', 'وأكّد Lloyd Austin أن 900 جندي وصلوا،\nبحسب البيان.'];
const codePoints = (text: string, needle: string) => {
  const start = [...text.slice(0, text.indexOf(needle))].length;
  return { start, end: start + [...needle].length };
};

function writeCorpus() {
  const lines = TEXTS.map((text, index) => {
    const [cue, speaker] = index === 0 ? ['قالَ', 'الوزيـــر'] : ['وأكّد', 'Lloyd Austin'];
    return JSON.stringify({
      id: `doc${index + 1}`,
      title: `خبر ${index + 1}`,
      text,
      spans: [
        { id: 'c', label: 'cue', ...codePoints(text, cue!) },
        { id: 's', label: 'speaker', ...codePoints(text, speaker!) },
      ],
      relations: [],
    });
  });
  writeFileSync(path.join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
}

async function isnadExport(database: string) {
  const result = await run('export', '--db', database);
  expect(result.status).toBe(0);
  return ExportFileV1.parse(JSON.parse(result.stdout));
}

const spansOf = (file: ExportFileV1) => file.documents.flatMap((document) => document.spans.map((span) => `${document.id} ${span.label} ${span.start}-${span.end} ${span.startUtf16}-${span.endUtf16} ${span.text}`)).sort();
/** Span ids are each database's own: the same annotations have the same source, label and selectors. */
const annotationsIn = (folder: string) =>
  (JSON.parse(readFileSync(path.join(dir, folder, 'annotations.jsonld'), 'utf8')).first.items as { body: unknown; target: unknown }[]).map((item) => JSON.stringify([item.body, item.target])).sort();

describe('isnad export --format webanno', () => {
  it('--out FOLDER writes annotations.jsonld and ID.txt per document; the folder imports into a fresh database as the same documents and spans', async () => {
    writeCorpus();
    expect((await run('import', '--db', 'a.sqlite', '--annotator', 'أمل', 'corpus.jsonl')).status).toBe(0);
    const exported = await run('export', '--db', 'a.sqlite', '--format', 'w3c', '--out', 'out');
    expect(exported).toMatchObject({ status: 0, stderr: '' });
    expect(exported.stdout).toContain('Exported 2 documents with 4 spans to');
    expect(exported.stdout).toContain('annotations.jsonld and 2 texts');
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['annotations.jsonld', 'doc1.txt', 'doc2.txt']);
    expect(readFileSync(path.join(dir, 'out', 'doc2.txt'), 'utf8')).toBe(TEXTS[1]);

    const imported = await run('import', '--db', 'b.sqlite', 'out');
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const before = await isnadExport('a.sqlite');
    const after = await isnadExport('b.sqlite');
    expect(after.documents.map((document) => [document.id, document.text, document.sha256])).toEqual(before.documents.map((document) => [document.id, document.text, document.sha256]));
    expect(spansOf(after)).toEqual(spansOf(before));
    expect(spansOf(after)).toContain('doc1 speaker 7-16 8-17 الوزيـــر');

    // And W3C again from the fresh database: the same annotations and the same texts.
    expect((await run('export', '--db', 'b.sqlite', '--format', 'webanno', '--out', 'again')).status).toBe(0);
    expect(annotationsIn('again')).toEqual(annotationsIn('out'));
    for (const name of ['doc1.txt', 'doc2.txt']) expect(readFileSync(path.join(dir, 'again', name), 'utf8')).toBe(readFileSync(path.join(dir, 'out', name), 'utf8'));
  });

  it('one document with --document: its annotations and its text only', async () => {
    writeCorpus();
    await run('import', '--db', 'a.sqlite', 'corpus.jsonl');
    expect((await run('export', '--db', 'a.sqlite', '--format', 'webanno', '--document', 'doc2', '--out', 'one')).status).toBe(0);
    expect(readdirSync(path.join(dir, 'one')).sort()).toEqual(['annotations.jsonld', 'doc2.txt']);
    expect(annotationsIn('one')).toHaveLength(2);
  });

  it('to stdout or to a .jsonld file only the annotations are written, and stderr says how to get the texts', async () => {
    writeCorpus();
    await run('import', '--db', 'a.sqlite', 'corpus.jsonl');
    const toStdout = await run('export', '--db', 'a.sqlite', '--format', 'webanno');
    expect(toStdout.status).toBe(0);
    expect(JSON.parse(toStdout.stdout).total).toBe(4);
    expect(toStdout.stderr.match(/only the annotations are written to stdout; --out FOLDER also writes each document's text as ID\.txt/gu)).toHaveLength(1);

    const toFile = await run('export', '--db', 'a.sqlite', '--format', 'webanno', '--out', 'w3c.jsonld');
    expect(toFile.stderr).toContain('only the annotations are written to a file; --out FOLDER');
    expect(JSON.parse(readFileSync(path.join(dir, 'w3c.jsonld'), 'utf8')).total).toBe(4);
    expect(existsSync(path.join(dir, 'doc1.txt'))).toBe(false);
  });

  it('a document whose id cannot be a file name is named in a warning, the others are written', async () => {
    writeFileSync(path.join(dir, 'corpus.jsonl'), `${JSON.stringify({ id: 'news/1', text: TEXTS[0] })}\n${JSON.stringify({ id: 'doc2', text: TEXTS[1] })}\n`);
    await run('import', '--db', 'a.sqlite', 'corpus.jsonl');
    const result = await run('export', '--db', 'a.sqlite', '--format', 'webanno', '--out', 'out');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('isnad: warning: news/1: the text was not written: «news/1.txt» cannot be a file name');
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['annotations.jsonld', 'doc2.txt']);
  });
});
