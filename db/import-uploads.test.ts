// The app's chunked import over dispatch: a brat pair and a doccano file sent in pieces, imported in
// one transaction, exported in another format; a forced format and layer (the import dialog's choices);
// a bad file imports nothing and leaves no temporary folder.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcDispatch } from '../shared/rpc/rpc-client';
import type { RpcResult } from '../shared/rpc/rpc-error';
import { createDispatch } from './create-dispatch';
import { openDatabase } from './open-database';
import { dumpDatabase } from './test-support/dump-database';

const TEXT = '😀 قال الوزير إن الاتفاق سيوقع غدا.';
const cp = (phrase: string) => [[...TEXT.slice(0, TEXT.indexOf(phrase))].length, [...TEXT.slice(0, TEXT.indexOf(phrase) + phrase.length)].length];

function valueOf<T>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const uploadFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('isnad-upload-')).sort();

/** Sends files the way the renderer does: begin (with the dialog's options), pieces of at most `pieceBytes`, finish. */
function upload(dispatch: RpcDispatch, files: { name: string; content: string }[], pieceBytes = 7, options: { annotator?: string; format?: string; labelMapping?: [string, string][]; predictions?: boolean } = {}) {
  const encoded = files.map((file) => ({ name: file.name, bytes: Buffer.from(file.content, 'utf8') }));
  const begun = dispatch('imports.begin', { files: encoded.map((file) => ({ name: file.name, bytes: file.bytes.length })), ...options });
  const { uploadId } = valueOf<{ uploadId: string }>(begun);
  encoded.forEach((file, fileIndex) => {
    for (let at = 0; at < file.bytes.length; at += pieceBytes) {
      valueOf(dispatch('imports.append', { uploadId, fileIndex, dataBase64: file.bytes.subarray(at, at + pieceBytes).toString('base64') }));
    }
  });
  return dispatch('imports.finish', { uploadId });
}

describe('imports.begin / append / finish', () => {
  let db: Database.Database;
  let dispatch: RpcDispatch;
  let foldersBefore: string[];
  beforeEach(() => {
    db = openDatabase(':memory:');
    dispatch = createDispatch(db, { databasePath: ':memory:', appVersion: 'test' });
    foldersBefore = uploadFolders();
  });
  afterEach(() => db.close());

  it('imports a brat pair and a doccano file sent in pieces (split inside Arabic letters), then exports Label Studio', () => {
    const [minister0, minister1] = cp('الوزير');
    const ann = `T1\tspeaker ${minister0} ${minister1}\tالوزير\n`;
    const doccano = `${JSON.stringify({ text: 'قال المتحدث إن الضربات دفاعية.', label: [[4, 11, 'speaker']] })}\n`;
    const summary = valueOf<{ documentsAdded: number; spansAdded: number; warnings: string[] }>(
      upload(dispatch, [{ name: 'news.txt', content: TEXT }, { name: 'news.ann', content: ann }, { name: 'corpus.jsonl', content: doccano }], 7, { annotator: 'سارة' }),
    );
    expect(summary).toMatchObject({ documentsAdded: 2, spansAdded: 2 });
    expect(uploadFolders()).toEqual(foldersBefore);

    const exported = valueOf<{ files: { name: string; content: string }[] }>(dispatch('formats.export', { format: 'label-studio', annotatorNames: ['سارة'] }));
    const tasks = JSON.parse(exported.files[0]!.content) as { data: { text: string }; annotations: { result: { value: { start: number; end: number; text: string; labels: string[] } }[] }[] }[];
    const values = tasks.flatMap((task) => task.annotations.flatMap((annotation) => annotation.result.map((result) => result.value)));
    expect(values.map((value) => [value.text, value.labels[0], value.start])).toEqual(expect.arrayContaining([['الوزير', 'speaker', minister0], ['المتحدث', 'speaker', 4]]));
    expect(valueOf<{ name: string }[]>(dispatch('annotators.list', {})).map((annotator) => annotator.name)).toEqual(['سارة']);
  });

  it('refuses a doccano file with a bad second line: nothing is stored (not even the text beside it) and the folder is gone', () => {
    valueOf(upload(dispatch, [{ name: 'seed.txt', content: 'نص أول.' }]));
    const before = dumpDatabase(db);
    const lines = [JSON.stringify({ text: 'نص', label: [[0, 2, 'cue']] }), JSON.stringify({ text: 'نص آخر', label: [[0, 2, 'rumour']] })].join('\n');
    const result = upload(dispatch, [{ name: 'other.txt', content: 'نص جديد.' }, { name: 'bad.jsonl', content: lines }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'INVALID_FILE', message: expect.stringMatching(/bad\.jsonl, line 2: unknown label «rumour» \(span «s1»\)/) });
    expect(dumpDatabase(db)).toEqual(before);
    expect(uploadFolders()).toEqual(foldersBefore);
  });

  // Two sentences of CoNLL in a file named .txt, as ANERcorp-style files often are.
  const CONLL = ['قال O', 'الوزير B-speaker', 'إن O', 'الاتفاق O', 'سيوقع O', 'غدا O', '', 'وأكد O', 'المتحدث B-speaker', 'باسم I-speaker', 'الوزارة I-speaker', 'ذلك O', ''].join('\n');
  const spansOf = (documentId: string) => valueOf<{ document: { text: string }; spans: { label: string; text: string; annotatorName: string }[] }>(dispatch('documents.get', { documentId }));

  it('reads a CoNLL file named .txt as CoNLL when the format is forced: tokens rebuilt as text, BIO tags as spans', () => {
    valueOf(dispatch('annotators.setCurrent', { name: 'سارة' }));
    const result = valueOf<{ documents: { id: string }[]; documentsAdded: number; spansAdded: number }>(upload(dispatch, [{ name: 'ner.txt', content: CONLL }], 7, { format: 'conll' }));
    expect(result).toMatchObject({ documentsAdded: 1, spansAdded: 2 });
    const { document, spans } = spansOf(result.documents[0]!.id);
    expect(document.text).toBe('قال الوزير إن الاتفاق سيوقع غدا\nوأكد المتحدث باسم الوزارة ذلك');
    // No layer chosen and CoNLL names no annotator: the spans go to the current annotator.
    expect(spans.map((span) => [span.label, span.text, span.annotatorName])).toEqual([
      ['speaker', 'الوزير', 'سارة'],
      ['speaker', 'المتحدث باسم الوزارة', 'سارة'],
    ]);
    expect(uploadFolders()).toEqual(foldersBefore);
  });

  it('reads the same .txt as a plain text without a format: the tags stay in the text and there are no spans', () => {
    const result = valueOf<{ documents: { id: string }[]; documentsAdded: number; spansAdded: number }>(upload(dispatch, [{ name: 'ner.txt', content: CONLL }]));
    expect(result).toMatchObject({ documentsAdded: 1, spansAdded: 0 });
    const { document, spans } = spansOf(result.documents[0]!.id);
    expect(document.text).toBe(CONLL);
    expect(spans).toEqual([]);
  });

  it('puts the spans in the chosen layer: another annotator, or the gold layer', () => {
    valueOf(dispatch('annotators.setCurrent', { name: 'سارة' }));
    const first = valueOf<{ documents: { id: string }[] }>(upload(dispatch, [{ name: 'ner.txt', content: CONLL }], 7, { format: 'conll', annotator: '  عمر ' }));
    expect(spansOf(first.documents[0]!.id).spans.map((span) => span.annotatorName)).toEqual(['عمر', 'عمر']);
    const doccano = `${JSON.stringify({ text: 'قال المتحدث إن الضربات دفاعية.', label: [[4, 11, 'speaker']] })}\n`;
    const second = valueOf<{ documents: { id: string }[] }>(upload(dispatch, [{ name: 'colleague.jsonl', content: doccano }], 7, { annotator: 'gold' }));
    expect(spansOf(second.documents[0]!.id).spans.map((span) => [span.text, span.annotatorName])).toEqual([['المتحدث', 'gold']]);
    expect(valueOf<{ name: string }[]>(dispatch('annotators.list', {})).map((annotator) => annotator.name).sort()).toEqual(['gold', 'سارة', 'عمر'].sort());
  });

  it('reads labels through the dialog\'s label mapping, and Label Studio predictions when asked', () => {
    const doccano = `${JSON.stringify({ text: 'قال المتحدث إن الضربات دفاعية.', label: [[4, 11, 'SPK'], [0, 3, 'X']] })}\n`;
    const mapped = valueOf<{ documents: { id: string }[]; warnings: string[] }>(upload(dispatch, [{ name: 'c.jsonl', content: doccano }], 7, { labelMapping: [['SPK', 'speaker'], ['X', '']] }));
    expect(spansOf(mapped.documents[0]!.id).spans.map((span) => [span.label, span.text])).toEqual([['speaker', 'المتحدث']]);
    expect(mapped.warnings).toEqual(["c.jsonl: labels read as the schema's: SPK → speaker (1 span), X left out (1 span)"]);
    const twice = dispatch('imports.begin', { files: [{ name: 'c.jsonl', bytes: 10 }], labelMapping: [['SPK', 'speaker'], ['SPK', 'source']] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'UNKNOWN_LABEL', message: 'The label mapping is wrong: the label «SPK» is mapped twice.' } });

    const text = 'قال الوزير إن القوات وصلت';
    const region = (id: string, start: number, end: number, label: string) => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text: text.slice(start, end), labels: [label] } });
    const tasks = JSON.stringify([{ data: { text }, annotations: [{ completed_by: 1, result: [region('h', 4, 10, 'speaker')] }], predictions: [{ model_version: 'ner-v2', result: [region('p', 14, 25, 'claim')] }] }]);
    const withPredictions = valueOf<{ documents: { id: string }[] }>(upload(dispatch, [{ name: 'ls.json', content: tasks }], 7, { predictions: true }));
    expect(spansOf(withPredictions.documents[0]!.id).spans.map((span) => [span.annotatorName, span.label]).sort()).toEqual([['1', 'speaker'], ['ner-v2', 'claim']]);
  });

  it('refuses an unknown format at the boundary, before any folder is made', () => {
    const result = dispatch('imports.begin', { files: [{ name: 'ner.txt', bytes: 10 }], format: 'docx' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/format/) } });
    expect(uploadFolders()).toEqual(foldersBefore);
  });

  it('refuses a plain text forced as Label Studio, naming the file, and stores nothing', () => {
    valueOf(upload(dispatch, [{ name: 'seed.txt', content: 'نص أول.' }]));
    const before = dumpDatabase(db);
    const result = upload(dispatch, [{ name: 'article.txt', content: 'قال الوزير إن الاتفاق سيوقع غدا.' }], 7, { format: 'label-studio' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_FILE', message: expect.stringMatching(/article\.txt.*not valid JSON/) } });
    expect(dumpDatabase(db)).toEqual(before);
    expect(uploadFolders()).toEqual(foldersBefore);
  });

  it('refuses a piece beyond the announced size, and a finish before every byte arrived', () => {
    const { uploadId } = valueOf<{ uploadId: string }>(dispatch('imports.begin', { files: [{ name: 'a.txt', bytes: 3 }] }));
    expect(dispatch('imports.append', { uploadId, fileIndex: 0, dataBase64: Buffer.from('abcd').toString('base64') })).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
    valueOf(dispatch('imports.append', { uploadId, fileIndex: 0, dataBase64: Buffer.from('ab').toString('base64') }));
    expect(dispatch('imports.finish', { uploadId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/arrived incomplete \(2 of 3 bytes\)/) } });
    expect(dispatch('imports.finish', { uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('places pieces sent out of order by atByte, and refuses a piece that overlaps another', () => {
    const text = Buffer.from('قال الوزير إن الاتفاق سيوقع غدا.');
    const { uploadId } = valueOf<{ uploadId: string }>(dispatch('imports.begin', { files: [{ name: 'late.txt', bytes: text.length }] }));
    const piece = (start: number, end: number) => ({ uploadId, fileIndex: 0, dataBase64: text.subarray(start, end).toString('base64'), atByte: start });
    valueOf(dispatch('imports.append', piece(20, text.length)));
    expect(dispatch('imports.append', piece(10, 25))).toMatchObject({ ok: false, error: { code: 'INVALID_FILE', message: expect.stringMatching(/arrived twice/) } });
    valueOf(dispatch('imports.append', piece(0, 20)));
    const result = valueOf<{ documents: { id: string }[] }>(dispatch('imports.finish', { uploadId }));
    const opened = valueOf<{ document: { text: string } }>(dispatch('documents.get', { documentId: result.documents[0]!.id }));
    expect(opened.document.text).toBe(text.toString('utf8'));
  });
});
