// Export → import into a fresh database → export gives the same spans, for every format that can
// carry them: the hard-case document (emoji before spans, harakat, tatweel, \n, Latin, digits), a
// \r\n source, and random texts and spans (fast-check).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../shared/formats/corpus-model';
import type { ExportFormat } from '../shared/formats/detect-format';
import { arbitraryDocument, hardDocument } from '../shared/formats/test-support/format-fixtures';
import { exportInFormat } from './export-corpus';
import { importCorpus } from './import-corpus';
import { openDatabase } from './open-database';
import { readCorpusFile, type CorpusInput } from './read-corpus-file';
import { Store } from './store/Store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-round-trip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The hard document as the attribution schema accepts it: its attributes replaced by one the schema has; its note on T1 kept, and two more on T5. */
function schemaDocument(): CorpusDocument {
  const document = hardDocument();
  document.spans = document.spans.map(({ attributes: _dropped, ...span }) => (span.label === 'speaker' ? { ...span, attributes: { kind: 'government' } } : span));
  document.notes = [
    ...(document.notes ?? []),
    { id: '#2', targetId: 'T5', type: 'AnnotatorNotes', text: 'نقل غير مباشر 😀' },
    { id: '#3', targetId: 'T5', type: 'AnnotatorNotes', text: 'check: "defensive" in the English release' },
  ];
  return document;
}

function databaseWith(documents: CorpusDocument[], annotator = 'amina'): Database.Database {
  const db = openDatabase(':memory:');
  importCorpus(db, documents.map((document) => ({ document, file: 'seed' })), { annotator });
  return db;
}

/** What a user compares: label, offsets in both units, covered text, annotator; attributes; notes; relations by their ends. */
function snapshot(db: Database.Database, options: { attributes: boolean; relations: boolean; notes?: boolean }) {
  const file = JSON.parse(exportInFormat(db, { format: 'isnad' }).files[0]!.content) as {
    annotators: { id: string; name: string }[];
    documents: { text: string; spans: { id: string; annotator: string; label: string; start: number; end: number; startUtf16: number; endUtf16: number; text: string; attributes?: object; note?: string }[]; relations?: { type: string; from: string; to: string }[] }[];
  };
  const names = new Map(file.annotators.map((annotator) => [annotator.id, annotator.name]));
  return file.documents.map((document) => {
    const key = new Map(document.spans.map((span) => [span.id, `${span.label}@${span.start}-${span.end}`]));
    return {
      text: document.text,
      spans: document.spans
        .map((span) => [span.label, span.start, span.end, span.startUtf16, span.endUtf16, span.text, names.get(span.annotator), options.attributes ? JSON.stringify(span.attributes ?? {}) : '', options.notes === true ? (span.note ?? '') : ''].join('|'))
        .sort(),
      relations: options.relations ? (document.relations ?? []).map((relation) => `${relation.type}:${key.get(relation.from)}→${key.get(relation.to)}`).sort() : [],
    };
  });
}

const INPUT_FORMAT: Record<Exclude<ExportFormat, 'isnad' | 'brat'>, CorpusInput['format']> = { jsonl: 'jsonl', conll: 'conll', webanno: 'webanno', 'label-studio': 'label-studio', doccano: 'doccano', spacy: 'spacy' };

/** Exports `source` in `format`, writes the files, and imports them into a fresh database. */
function roundTrip(source: Database.Database, format: Exclude<ExportFormat, 'isnad'>, annotator = 'amina'): Database.Database {
  const exported = exportInFormat(source, { format });
  for (const file of exported.files) writeFileSync(path.join(dir, file.name), file.content);
  const target = openDatabase(':memory:');
  const store = Store.for(target);
  if (format === 'webanno') {
    // W3C annotations point at their texts by IRI: the texts come first (their ids kept), as a plain corpus.
    const texts = exportInFormat(source, { format: 'jsonl' }).files[0]!.content.split('\n').filter(Boolean).map((line) => {
      const { id, title, text } = JSON.parse(line) as { id: string; title: string; text: string };
      return { document: { id, title, text, spans: [], relations: [] }, file: 'texts' };
    });
    importCorpus(store, texts);
  }
  const inputs: CorpusInput[] =
    format === 'brat'
      ? exported.files.filter((file) => file.name.endsWith('.ann')).map((file) => ({ path: path.join(dir, file.name), name: file.name, format: 'brat', textPath: path.join(dir, file.name.replace(/\.ann$/u, '.txt')) }))
      : [{ path: path.join(dir, exported.files[0]!.name), name: exported.files[0]!.name, format: INPUT_FORMAT[format] }];
  const warnings: never[] = [];
  importCorpus(store, (function* () {
    for (const input of inputs) yield* readCorpusFile(input, { warnings, store });
  })(), { annotator });
  return target;
}

// Which formats carry what (README "Formats"): CoNLL rebuilds the text from tokens, so it is not here.
const CARRIES: Record<'jsonl' | 'brat' | 'webanno' | 'label-studio' | 'doccano' | 'spacy', { attributes: boolean; relations: boolean; notes: boolean }> = {
  jsonl: { attributes: true, relations: true, notes: true },
  brat: { attributes: true, relations: true, notes: true },
  webanno: { attributes: false, relations: true, notes: false },
  'label-studio': { attributes: false, relations: true, notes: false },
  doccano: { attributes: false, relations: false, notes: false },
  spacy: { attributes: false, relations: false, notes: false },
};

describe('round trip through each format', () => {
  for (const [format, carries] of Object.entries(CARRIES) as [keyof typeof CARRIES, (typeof CARRIES)[keyof typeof CARRIES]][]) {
    it(`${format}: the hard-case document comes back with the same spans${carries.relations ? ', relations' : ''}${carries.attributes ? ', attributes' : ''}${carries.notes ? ' and notes' : ''}`, () => {
      const source = databaseWith([schemaDocument()]);
      const target = roundTrip(source, format);
      const before = snapshot(source, carries);
      expect(before[0]!.spans.length).toBe(8); // the discontinuous claim was stored as two spans
      if (carries.notes) expect(before[0]!.spans.filter((span) => !span.endsWith('|')).length).toBe(2);
      expect(snapshot(target, carries)).toEqual(before);
    });
  }

  it('brat: notes imported from a .ann come back as the same AnnotatorNotes lines, two on one span included', () => {
    const source = databaseWith([schemaDocument()]);
    const ann = exportInFormat(roundTrip(source, 'brat'), { format: 'brat' }).files.find((file) => file.name.endsWith('.ann'))!.content;
    const noteLines = ann.split('\n').filter((line) => line.startsWith('#'));
    const spanText = new Map(ann.split('\n').filter((line) => line.startsWith('T')).map((line) => [line.split('\t')[0], line.split('\t')[2]]));
    expect(noteLines.map((line) => { const [, head, text] = line.split('\t'); const target = head!.split(' ')[1]!; return [head!.split(' ')[0], spanText.get(target), text]; })).toEqual([
      ['AnnotatorNotes', 'وزيرُ الدفاع Lloyd Austin', 'الاسم بالإنجليزية'],
      ['AnnotatorNotes', 'الضربات «دفاعية» 😀 بحسب', 'نقل غير مباشر 😀'],
      ['AnnotatorNotes', 'الضربات «دفاعية» 😀 بحسب', 'check: "defensive" in the English release'],
    ]);
  });

  it('a \\r\\n source: offsets recorded against \\r\\n land on the same characters after canonicalization', () => {
    const raw = 'قال الوزير:\r\n«الاتفاق سيوقع غدا» 😀\r\nبحسب البيان.';
    const recorded = (phrase: string) => {
      const startUtf16 = raw.indexOf(phrase);
      return [[...raw.slice(0, startUtf16)].length, [...raw.slice(0, startUtf16 + phrase.length)].length];
    };
    const [claimStart, claimEnd] = recorded('الاتفاق سيوقع غدا');
    const [sourceStart, sourceEnd] = recorded('البيان');
    writeFileSync(path.join(dir, 'crlf.jsonl'), `${JSON.stringify({ text: raw, spans: [{ label: 'claim', start: claimStart, end: claimEnd, text: 'الاتفاق سيوقع غدا' }, { label: 'source', start: sourceStart, end: sourceEnd }] })}\n`);
    const db = openDatabase(':memory:');
    const warnings: { message: string }[] = [];
    importCorpus(db, readCorpusFile({ path: path.join(dir, 'crlf.jsonl'), name: 'crlf.jsonl', format: 'jsonl' }, { warnings }), { annotator: 'amina' });
    expect(warnings.map((warning) => warning.message).join(' ')).toMatch(/\\r\\n/u);
    const spans = snapshot(db, { attributes: false, relations: false })[0]!.spans.map((row) => row.split('|')[5]);
    expect(spans.sort()).toEqual(['الاتفاق سيوقع غدا', 'البيان'].sort());
    for (const format of ['brat', 'doccano', 'label-studio'] as const) expect(snapshot(roundTrip(db, format), { attributes: false, relations: false })).toEqual(snapshot(db, { attributes: false, relations: false }));
  });

  it('random texts with emoji, harakat, tatweel, Latin, digits and line breaks keep their spans (fast-check)', () => {
    const usable = arbitraryDocument.filter((document) => document.text.trim() !== '');
    fc.assert(
      fc.property(usable, (document) => {
        const source = databaseWith([document]);
        for (const format of ['jsonl', 'brat', 'webanno', 'label-studio', 'doccano'] as const) {
          const expected = snapshot(source, { attributes: false, relations: false });
          expect(snapshot(roundTrip(source, format), { attributes: false, relations: false })).toEqual(expected);
        }
      }),
      { numRuns: 30 },
    );
  });
});
