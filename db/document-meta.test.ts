// A document's metadata survives the trip through the database: imported from a JSONL corpus, it comes
// back in Isnad JSON, JSONL, doccano, Label Studio and spaCy exports and imports again unchanged;
// it is filled in once, never rewritten, and metadata too long to keep is reported, not stored.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_META_UTF16 } from '../shared/export/document-meta';
import type { FormatIssue } from '../shared/formats/parse-result';
import { buildExport } from './build-export';
import { exportInFormat } from './export-corpus';
import { importCorpus } from './import-corpus';
import { importIsnadExport } from './import-isnad-export';
import { openDatabase } from './open-database';
import { readCorpusFile, type CorpusInput } from './read-corpus-file';
import { Store } from './store/Store';
import { dumpDatabase } from './test-support/dump-database';

const TEXT = 'قال الوزير 😀 إن القوات انسحبت.';
const META = { source: 'الحرة', url: 'https://www.alhurra.com/x', date: '2023-10-27', tags: ['سوريا', 'البنتاغون'], page: 2, wire: null, review: { checked: true } };
const LINE = { id: 'alhurra-1', title: 'خبر', text: TEXT, meta: META, spans: [{ label: 'speaker', start: 4, end: 10 }] };

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-meta-'));
  db = openDatabase(':memory:');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function importFile(target: Database.Database, name: string, content: string, format: CorpusInput['format']): FormatIssue[] {
  writeFileSync(path.join(dir, name), content);
  const warnings: FormatIssue[] = [];
  const summary = importCorpus(target, readCorpusFile({ path: path.join(dir, name), name, format }, { warnings, store: Store.for(target) }), { annotator: 'amina' });
  return [...warnings, ...summary.warnings];
}

const metaOf = (target: Database.Database) => buildExport(target).documents.map((document) => document.meta);

describe('document metadata', () => {
  it('a JSONL corpus line keeps its meta in the database and in the Isnad JSON export', () => {
    importFile(db, 'corpus.jsonl', `${JSON.stringify(LINE)}\n`, 'jsonl');
    expect(metaOf(db)).toEqual([META]);
    expect(Store.for(db).getDocument('alhurra-1').document.meta).toEqual(META);
  });

  for (const [format, inputFormat] of [['jsonl', 'jsonl'], ['doccano', 'doccano'], ['label-studio', 'label-studio'], ['spacy', 'spacy']] as const) {
    it(`${format}: exported and imported into a fresh database, the metadata is the same`, () => {
      importFile(db, 'corpus.jsonl', `${JSON.stringify(LINE)}\n`, 'jsonl');
      const exported = exportInFormat(db, { format }).files[0]!;
      const target = openDatabase(':memory:');
      importFile(target, exported.name, exported.content, inputFormat);
      expect(metaOf(target)).toEqual([META]);
      target.close();
    });
  }

  it('Isnad JSON: an export imported into a fresh database keeps the metadata, and importing it again changes nothing', () => {
    importFile(db, 'corpus.jsonl', `${JSON.stringify(LINE)}\n`, 'jsonl');
    const target = openDatabase(':memory:');
    importIsnadExport(target, buildExport(db));
    expect(metaOf(target)).toEqual([META]);
    const before = dumpDatabase(target);
    importIsnadExport(target, buildExport(db));
    expect(dumpDatabase(target)).toEqual(before);
    target.close();
  });

  it('a text stored without metadata gets it from a later corpus line; other metadata later is kept out, with a warning', () => {
    importFile(db, 'bare.jsonl', `${JSON.stringify({ id: 'alhurra-1', text: TEXT })}\n`, 'jsonl');
    expect(metaOf(db)).toEqual([undefined]);
    expect(importFile(db, 'corpus.jsonl', `${JSON.stringify(LINE)}\n`, 'jsonl')).toEqual([]);
    expect(metaOf(db)).toEqual([META]);
    // The same metadata with its keys in another order is the same metadata.
    const reordered = Object.fromEntries(Object.entries(META).reverse());
    expect(importFile(db, 'again.jsonl', `${JSON.stringify({ ...LINE, meta: reordered })}\n`, 'jsonl')).toEqual([]);
    const warnings = importFile(db, 'other.jsonl', `${JSON.stringify({ ...LINE, meta: { source: 'أخرى' } })}\n`, 'jsonl');
    expect(warnings.map((warning) => warning.message)).toEqual(['document alhurra-1: its text is already stored with other metadata, which was kept']);
    expect(metaOf(db)).toEqual([META]);
  });

  it('metadata longer than the bound is reported by document and not stored; the document and its spans are', () => {
    const big = { html: 'x'.repeat(MAX_DOCUMENT_META_UTF16) };
    const warnings = importFile(db, 'big.jsonl', `${JSON.stringify({ ...LINE, meta: big })}\n`, 'jsonl');
    expect(warnings).toEqual([{ file: 'big.jsonl', line: 1, message: expect.stringMatching(/^document alhurra-1: its metadata \(65,547 characters of JSON\) is longer than the 65,536 kept, so it was not stored$/u) }]);
    expect(metaOf(db)).toEqual([undefined]);
    expect(buildExport(db).documents[0]!.spans).toHaveLength(1);
  });

  it('the database refuses metadata that is not a JSON object', () => {
    importFile(db, 'corpus.jsonl', `${JSON.stringify(LINE)}\n`, 'jsonl');
    expect(() => db.prepare("UPDATE documents SET meta = '[1, 2]'").run()).toThrow(/CHECK constraint failed/u);
    expect(() => db.prepare("UPDATE documents SET meta = 'not json'").run()).toThrow();
  });
});
