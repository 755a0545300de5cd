// The app's chunked import over dispatch: a brat pair and a doccano file sent in pieces, imported in
// one transaction, exported in another format; a bad file imports nothing and leaves no temporary folder.
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

/** Sends files the way the renderer does: begin, pieces of at most `pieceBytes`, finish. */
function upload(dispatch: RpcDispatch, files: { name: string; content: string }[], pieceBytes = 7, annotator?: string) {
  const encoded = files.map((file) => ({ name: file.name, bytes: Buffer.from(file.content, 'utf8') }));
  const begun = dispatch('imports.begin', { files: encoded.map((file) => ({ name: file.name, bytes: file.bytes.length })), ...(annotator ? { annotator } : {}) });
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
      upload(dispatch, [{ name: 'news.txt', content: TEXT }, { name: 'news.ann', content: ann }, { name: 'corpus.jsonl', content: doccano }], 7, 'سارة'),
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
    if (!result.ok) expect(result.error).toMatchObject({ code: 'INVALID_FILE', message: expect.stringMatching(/bad\.jsonl, line 2: span «s1»: unknown label «rumour»/) });
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
