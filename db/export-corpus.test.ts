// The batched export writes what a one-shot export writes: Isnad JSON byte for byte as buildExport
// pretty-printed, and every other format with the same content as its serializer over all documents.
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { serializeConllBio } from '../shared/formats/conll-bio';
import { serializeLabelStudio } from '../shared/formats/label-studio';
import { serializeWebAnnotation } from '../shared/formats/web-annotation';
import { serializeDoccano } from '../shared/formats/doccano';
import { hardDocument } from '../shared/formats/test-support/format-fixtures';
import { buildExport } from './build-export';
import { corpusFromExport, exportForRpc, exportInFormat } from './export-corpus';
import { importCorpus } from './import-corpus';
import { openDatabase } from './open-database';
import { Store } from './store/Store';

let db: Database.Database;
beforeEach(() => {
  db = openDatabase(':memory:');
  const base = hardDocument();
  base.spans = base.spans.map(({ attributes: _dropped, ...span }) => span);
  delete base.notes;
  // Five documents (different texts), exported in batches of two so that batches join.
  const documents = [0, 1, 2, 3, 4].map((index) => ({ ...base, id: `doc-${index}`, text: `${base.text}${' ٠١٢٣٤'.slice(0, index + 1)}` }));
  importCorpus(db, documents.map((document) => ({ document, file: 'seed' })), { annotator: 'amina' });
  importCorpus(db, [{ document: { ...documents[0]!, spans: documents[0]!.spans.slice(0, 2), relations: [] }, file: 'seed' }], { annotator: 'gold' });
});

const withoutDate = (json: string) => json.replace(/"exportedAt": "[^"]+"/u, '"exportedAt": "…"');

describe('batched export', () => {
  it('Isnad JSON: byte for byte what buildExport gives, pretty-printed, for all, one document and the gold layer', () => {
    expect(withoutDate(exportInFormat(db, { format: 'isnad', batchDocuments: 2 }).files[0]!.content)).toBe(withoutDate(`${JSON.stringify(buildExport(db), null, 2)}\n`));
    const [first] = buildExport(db).documents;
    expect(withoutDate(exportInFormat(db, { format: 'isnad', documentId: first!.id }).files[0]!.content)).toBe(withoutDate(`${JSON.stringify(buildExport(db, { documentId: first!.id }), null, 2)}\n`));
    const goldId = buildExport(db).annotators.find((annotator) => annotator.name === 'gold')!.id;
    expect(withoutDate(exportInFormat(db, { format: 'isnad', annotatorNames: ['gold'], batchDocuments: 3 }).files[0]!.content)).toBe(withoutDate(`${JSON.stringify(buildExport(db, { annotatorIds: [goldId] }), null, 2)}\n`));
  });

  it('the other formats: the same content as their serializer over every document at once', () => {
    const corpus = corpusFromExport(buildExport(db));
    const batched = (format: 'conll' | 'label-studio' | 'webanno' | 'doccano') => exportInFormat(db, { format, batchDocuments: 2 }).files[0]!.content;
    expect(batched('conll')).toBe(serializeConllBio(corpus).content);
    expect(batched('doccano')).toBe(serializeDoccano(corpus).content);
    expect(JSON.parse(batched('label-studio'))).toEqual(JSON.parse(serializeLabelStudio(corpus).content));
    expect(JSON.parse(batched('webanno'))).toEqual(JSON.parse(serializeWebAnnotation(corpus).content));
    expect(exportInFormat(db, { format: 'brat', batchDocuments: 2 }).files.map((file) => file.name)).toHaveLength(10);
  });

  it('an empty database exports valid empty files', () => {
    const empty = openDatabase(':memory:');
    expect(JSON.parse(exportInFormat(empty, { format: 'isnad' }).files[0]!.content)).toMatchObject({ documents: [], annotators: [], entities: [] });
    expect(JSON.parse(exportInFormat(empty, { format: 'label-studio' }).files[0]!.content)).toEqual([]);
    expect(JSON.parse(exportInFormat(empty, { format: 'webanno' }).files[0]!.content)).toMatchObject({ total: 0, first: { items: [] } });
  });
});

describe('W3C export with its texts', () => {
  it('writes each document\'s text as ID.txt after the annotations, in the order of the documents', () => {
    const exported = exportInFormat(db, { format: 'webanno', webAnnotationTexts: true, batchDocuments: 2 });
    expect(exported.files.map((file) => file.name)).toEqual(['annotations.jsonld', 'doc-0.txt', 'doc-1.txt', 'doc-2.txt', 'doc-3.txt', 'doc-4.txt']);
    const texts = buildExport(db).documents.map((document) => document.text);
    expect(exported.files.slice(1).map((file) => file.content)).toEqual(texts);
    // The annotations file is the same as without the texts.
    expect(exported.files[0]!.content).toBe(exportInFormat(db, { format: 'webanno' }).files[0]!.content);
  });

  it('the app\'s one-document W3C export carries that document\'s text; other formats and the whole database are unchanged', () => {
    const store = Store.for(db);
    const one = exportForRpc(store, { format: 'webanno', documentId: 'doc-3' });
    expect(one.files.map((file) => file.name)).toEqual(['annotations.jsonld', 'doc-3.txt']);
    expect(exportForRpc(store, { format: 'webanno' }).files.map((file) => file.name)).toEqual(['annotations.jsonld']);
    expect(exportForRpc(store, { format: 'label-studio', documentId: 'doc-3' }).files.map((file) => file.name)).toEqual(['label-studio-tasks.json']);
  });
});
