// `isnad import FILE.json` reads an Isnad export back with its annotations; a bad export imports nothing.
// W3C Web Annotation files import with their texts; big W3C and Label Studio files stream.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('isnad import of W3C Web Annotation and Label Studio files', () => {
  const SENTENCES = ['😀 قال الوزير إن الاتفاق سيوقع غدا.', 'وأكّد المتحدث ـ باتريك رايدر ـ أن الضربات «دفاعية».', 'Lloyd Austin قال إن 900 جندي وصلوا.'];
  const word = (text: string, needle: string) => ({ start: [...text.slice(0, text.indexOf(needle))].length, length: [...needle].length });

  /** A JSONL corpus of `count` documents, a cue and a speaker on each, linked. */
  function writeCorpus(count: number) {
    const lines = [];
    for (let d = 0; d < count; d++) {
      const text = `${SENTENCES[d % 3]} (${d + 1})`;
      const cue = word(text, text.includes('قال') ? 'قال' : 'أن');
      const speaker = word(text, text.includes('الوزير') ? 'الوزير' : text.includes('رايدر') ? 'رايدر' : 'Austin');
      lines.push(JSON.stringify({ id: `doc${d + 1}`, text, spans: [{ id: `c${d}`, label: 'cue', start: cue.start, end: cue.start + cue.length }, { id: `s${d}`, label: 'speaker', start: speaker.start, end: speaker.start + speaker.length }], relations: [] }));
    }
    writeFileSync(path.join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
  }

  async function spansOf(database: string) {
    const result = await run('export', '--db', database);
    expect(result.status).toBe(0);
    const file = ExportFileV1.parse(JSON.parse(result.stdout));
    return file.documents.flatMap((document) => document.spans.map((span) => `${document.id} ${span.label} ${span.start}-${span.end} ${span.text}`)).sort();
  }

  it('imports a W3C file with its texts (ID.txt for urn:isnad:document:ID) into a fresh database: the export is the same again', async () => {
    writeCorpus(30);
    expect((await run('import', '--db', 'a.sqlite', '--annotator', 'أمل', 'corpus.jsonl')).status).toBe(0);
    expect((await run('export', '--db', 'a.sqlite', '--format', 'webanno', '--out', 'w3c.jsonld')).status).toBe(0);
    // The texts beside the annotations, one file per document, named after its id.
    const exported = ExportFileV1.parse(JSON.parse((await run('export', '--db', 'a.sqlite')).stdout));
    mkdirSync(path.join(dir, 'texts'));
    for (const document of exported.documents) writeFileSync(path.join(dir, 'texts', `${document.id}.txt`), document.text);
    writeFileSync(path.join(dir, 'texts', 'unrelated.txt'), 'نص لا تشير إليه أي حاشية.');

    const imported = await run('import', '--db', 'b.sqlite', 'w3c.jsonld', 'texts');
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('30 documents (30 new), 60 spans added');
    expect(await spansOf('b.sqlite')).toEqual(await spansOf('a.sqlite'));
    const again = await run('export', '--db', 'b.sqlite', '--format', 'webanno', '--out', 'w3c-again.jsonld');
    expect(again.status).toBe(0);
    // Span ids are the database's own: the same annotations are those with the same source, label and selectors.
    const annotations = (name: string) =>
      (JSON.parse(readFileSync(path.join(dir, name), 'utf8')).first.items as { body: { value: string }; target: unknown }[]).map((item) => JSON.stringify([item.body.value, item.target])).sort();
    expect(annotations('w3c-again.jsonld')).toEqual(annotations('w3c.jsonld'));
    // The text no annotation named is imported as a plain text.
    const back = ExportFileV1.parse(JSON.parse((await run('export', '--db', 'b.sqlite')).stdout));
    expect(back.documents.map((document) => document.id).filter((id) => !id.startsWith('doc'))).toHaveLength(1);
  });

  it('a W3C source with no text given or stored is refused, naming the file and the annotation', async () => {
    writeCorpus(2);
    await run('import', '--db', 'a.sqlite', 'corpus.jsonl');
    await run('export', '--db', 'a.sqlite', '--format', 'webanno', '--out', 'w3c.jsonld');
    const result = await run('import', '--db', 'b.sqlite', 'w3c.jsonld');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^isnad: w3c\.jsonld, record 1: annotation 1 \(urn:isnad:document:doc1#span-[^)]+\): targets "urn:isnad:document:doc1", whose text is neither in the database nor given: give it beside the annotations as "doc1\.txt" \(and 1 more annotation of that source\); /);
  });

  for (const format of ['webanno', 'label-studio'] as const) {
    it(`a bad record in the middle of a large ${format} file names the file and the record, and changes nothing`, async () => {
      writeCorpus(600);
      await run('import', '--db', 'a.sqlite', 'corpus.jsonl');
      const name = format === 'webanno' ? 'out.jsonld' : 'out.json';
      await run('export', '--db', 'a.sqlite', '--format', format, '--out', name);
      const value = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
      // Record 700 of 1,200 annotations (W3C), or task 350 of 600 (Label Studio), gets offsets outside its text.
      const record = format === 'webanno' ? 700 : 350;
      if (format === 'webanno') value.first.items[record - 1].target.selector[0].end = 999;
      else value[record - 1].annotations[0].result[0].value.end = 999;
      writeFileSync(path.join(dir, name), JSON.stringify(value, null, 2));
      mkdirSync(path.join(dir, 'texts'));
      for (let d = 1; d <= 600; d++) writeFileSync(path.join(dir, 'texts', `doc${d}.txt`), `${SENTENCES[(d - 1) % 3]} (${d})`);
      await run('import', '--db', 'b.sqlite', path.join('texts', 'doc1.txt'));
      const before = readFileSync(path.join(dir, 'b.sqlite'));

      const result = await run('import', '--db', 'b.sqlite', name, 'texts');
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^isnad: out\\.json(ld)?, record ${record}: .*outside the text`, 'u'));
      expect(readFileSync(path.join(dir, 'b.sqlite')).equals(before)).toBe(true);
    });
  }
});
