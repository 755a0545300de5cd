// dispatch validates every payload against the contract, maps failures to error codes, never
// throws, and a rejected call leaves every table exactly as it was.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV1 } from '../shared/export/export-v1';
import { DEFAULT_LABELS } from '../shared/labels/default-labels';
import { MAX_IMPORT_BYTES } from '../shared/rpc/contract';
import type { DocumentRecord, DocumentSummary, Span } from '../shared/rpc/domain';
import type { RpcDispatch } from '../shared/rpc/rpc-client';
import type { RpcErrorCode, RpcResult } from '../shared/rpc/rpc-error';
import { createDispatch } from './create-dispatch';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { openDatabase } from './open-database';
import { dumpDatabase } from './test-support/dump-database';

const ARTICLE = '🙂 قال الوزير إن الاتفاق سيوقع غداً.';
const base64 = (bytes: Uint8Array | string) => Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).toString('base64');
const options = { databasePath: '/tmp/test.sqlite', appVersion: '0.1.0-test' };

function valueOf<T>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function errorOf(result: RpcResult<unknown>): { code: RpcErrorCode; message: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('createDispatch', () => {
  let db: Database.Database;
  let dispatch: RpcDispatch;
  beforeEach(() => {
    db = openDatabase(':memory:');
    dispatch = createDispatch(db, options);
  });
  afterEach(() => {
    if (db.open) db.close();
  });

  it('serves a whole annotation session through every method', () => {
    expect(valueOf(dispatch('app.info', {}))).toEqual({ version: '0.1.0-test', databasePath: '/tmp/test.sqlite', schemaVersion: LATEST_SCHEMA_VERSION, maxImportBytes: MAX_IMPORT_BYTES });
    expect(valueOf(dispatch('annotators.current', {}))).toBeNull();
    const amal = valueOf<{ id: string; name: string }>(dispatch('annotators.setCurrent', { name: ' أمل ' }));
    expect(amal.name).toBe('أمل');
    expect(valueOf(dispatch('annotators.current', {}))).toEqual(amal);
    expect(valueOf(dispatch('labels.list', {}))).toEqual(DEFAULT_LABELS);

    const { documents } = valueOf<{ documents: DocumentSummary[] }>(dispatch('documents.import', { files: [{ name: 'news.txt', dataBase64: base64(ARTICLE) }] }));
    expect(documents).toHaveLength(1);
    const documentId = documents[0]!.id;
    expect(valueOf(dispatch('documents.list', {}))).toEqual(documents);

    const startUtf16 = ARTICLE.indexOf('الوزير');
    const span = valueOf<Span>(dispatch('spans.create', { documentId, label: 'speaker', startUtf16, endUtf16: startUtf16 + 6 }));
    expect(span).toMatchObject({ text: 'الوزير', startUtf16: 7, startCodePoints: 6, endCodePoints: 12, annotatorName: 'أمل' });
    expect(valueOf<Span>(dispatch('spans.setLabel', { spanId: span.id, label: 'source' })).label).toBe('source');

    const got = valueOf<{ document: DocumentRecord; spans: Span[] }>(dispatch('documents.get', { documentId }));
    expect(got.document.text).toBe(ARTICLE);
    expect(got.spans.map((entry) => [entry.id, entry.label])).toEqual([[span.id, 'source']]);

    const exported = ExportFileV1.parse(valueOf(dispatch('export.build', { documentId })));
    expect(exported.documents[0]!.spans[0]).toMatchObject({ start: 6, end: 12, startUtf16: 7, endUtf16: 13, text: 'الوزير' });
    expect(ExportFileV1.parse(valueOf(dispatch('export.build', {}))).documents).toHaveLength(1);

    expect(valueOf(dispatch('spans.delete', { spanId: span.id }))).toEqual({ spanId: span.id });
    expect(valueOf(dispatch('documents.delete', { documentId }))).toEqual({ documentId });
    expect(valueOf(dispatch('documents.list', {}))).toEqual([]);
  });

  describe('validation', () => {
    it('rejects an unknown method by name, including inherited object keys', () => {
      expect(errorOf(dispatch('spans.explode', {}))).toEqual({ code: 'UNKNOWN_METHOD', message: 'Unknown method «spans.explode»' });
      expect(errorOf(dispatch('toString', {})).code).toBe('UNKNOWN_METHOD');
      expect(errorOf(dispatch('__proto__', {})).code).toBe('UNKNOWN_METHOD');
    });

    it('names the offending fields of a malformed payload', () => {
      const error = errorOf(dispatch('spans.create', { documentId: 'd', label: 'claim', startUtf16: '3', endUtf16: -1 }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/^Invalid «spans\.create» request: /);
      expect(error.message).toMatch(/startUtf16: .*expected number, received string/);
      expect(error.message).toMatch(/endUtf16: .*>=0/);
    });

    it('rejects missing payloads, missing fields and unexpected keys', () => {
      expect(errorOf(dispatch('documents.list', undefined)).code).toBe('BAD_REQUEST');
      expect(errorOf(dispatch('documents.get', {})).message).toMatch(/documentId/);
      expect(errorOf(dispatch('labels.list', { extra: 1 })).message).toMatch(/Unrecognized key: "extra"/);
      expect(errorOf(dispatch('annotators.setCurrent', { name: '   ' })).message).toMatch(/name/);
      expect(errorOf(dispatch('documents.import', { files: [] })).message).toMatch(/files/);
      expect(errorOf(dispatch('documents.import', { files: [{ name: 'a.txt', dataBase64: 3 }] })).message).toMatch(/files\.0\.dataBase64/);
    });

    it('requires an annotator before span edits', () => {
      const { documents } = valueOf<{ documents: DocumentSummary[] }>(dispatch('documents.import', { files: [{ name: 'a.txt', dataBase64: base64(ARTICLE) }] }));
      const before = dumpDatabase(db);
      expect(errorOf(dispatch('spans.create', { documentId: documents[0]!.id, label: 'claim', startUtf16: 0, endUtf16: 2 })).code).toBe('NO_ANNOTATOR');
      expect(dumpDatabase(db)).toEqual(before);
    });

    it('returns INTERNAL instead of throwing when the database fails', () => {
      db.close();
      const error = errorOf(dispatch('documents.list', {}));
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toMatch(/not open/);
    });
  });

  describe('bad input changes nothing', () => {
    let documentId: string;
    let spanId: string;
    beforeEach(() => {
      valueOf(dispatch('annotators.setCurrent', { name: 'أمل' }));
      documentId = valueOf<{ documents: DocumentSummary[] }>(dispatch('documents.import', { files: [{ name: 'news.txt', dataBase64: base64(ARTICLE) }] })).documents[0]!.id;
      spanId = valueOf<Span>(dispatch('spans.create', { documentId, label: 'claim', startUtf16: 3, endUtf16: 6 })).id;
    });

    const importOf = (...files: { name: string; bytes: Uint8Array | string }[]) => ({
      files: files.map((file) => ({ name: file.name, dataBase64: base64(file.bytes) })),
    });

    const cases: { name: string; code: RpcErrorCode; call: () => [string, unknown]; message?: RegExp }[] = [
      { name: 'non-UTF-8 bytes', code: 'INVALID_FILE', call: () => ['documents.import', importOf({ name: 'x.txt', bytes: new Uint8Array([0xd8, 0x20, 0xff]) })], message: /«x\.txt» is not valid UTF-8 text/ },
      { name: 'non-UTF-8 bytes with a NUL', code: 'INVALID_FILE', call: () => ['documents.import', importOf({ name: 'x.txt', bytes: new Uint8Array([0xd8, 0x00, 0xff]) })], message: /«x\.txt» looks like a binary file/ },
      { name: 'empty file', code: 'INVALID_FILE', call: () => ['documents.import', importOf({ name: 'empty.txt', bytes: new Uint8Array() })], message: /^«empty\.txt» is empty$/ },
      { name: 'whitespace-only file', code: 'INVALID_FILE', call: () => ['documents.import', importOf({ name: 'blank.txt', bytes: ' \r\n\t' })], message: /is empty/ },
      { name: 'binary file', code: 'INVALID_FILE', call: () => ['documents.import', importOf({ name: 'img.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]) })], message: /binary/ },
      { name: 'file over the limit', code: 'INVALID_FILE', call: () => ['documents.import', importOf({ name: 'big.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41) })], message: /«big\.txt» is 10\.1 MB; the limit is 10 MB/ },
      { name: 'good file batched with a bad one', code: 'INVALID_FILE', call: () => ['documents.import', importOf({ name: 'good.txt', bytes: 'نص جديد' }, { name: 'bad.txt', bytes: new Uint8Array([0xff]) })], message: /«bad\.txt»/ },
      { name: 'wrong payload shape', code: 'BAD_REQUEST', call: () => ['spans.create', { documentId, label: 'claim', start: 0, end: 3 }] },
      { name: 'start == end', code: 'INVALID_SPAN', call: () => ['spans.create', { documentId, label: 'claim', startUtf16: 4, endUtf16: 4 }] },
      { name: 'start > end', code: 'INVALID_SPAN', call: () => ['spans.create', { documentId, label: 'claim', startUtf16: 6, endUtf16: 3 }] },
      { name: 'end beyond the text', code: 'INVALID_SPAN', call: () => ['spans.create', { documentId, label: 'claim', startUtf16: 3, endUtf16: ARTICLE.length + 1 }], message: /outside the text/ },
      { name: 'range splitting the emoji', code: 'INVALID_SPAN', call: () => ['spans.create', { documentId, label: 'claim', startUtf16: 1, endUtf16: 6 }] },
      { name: 'unknown label on create', code: 'UNKNOWN_LABEL', call: () => ['spans.create', { documentId, label: 'opinion', startUtf16: 3, endUtf16: 6 }], message: /^Unknown label «opinion»; known labels: claim, speaker, source, cue$/ },
      { name: 'unknown label on relabel', code: 'UNKNOWN_LABEL', call: () => ['spans.setLabel', { spanId, label: 'opinion' }] },
      { name: 'unknown document', code: 'NOT_FOUND', call: () => ['spans.create', { documentId: 'missing', label: 'claim', startUtf16: 0, endUtf16: 1 }] },
      { name: 'unknown span', code: 'NOT_FOUND', call: () => ['spans.delete', { spanId: 'missing' }] },
      { name: 'deleting an unknown document', code: 'NOT_FOUND', call: () => ['documents.delete', { documentId: 'missing' }] },
      { name: 'unknown method', code: 'UNKNOWN_METHOD', call: () => ['documents.drop', { documentId }] },
    ];

    for (const testCase of cases) {
      it(`${testCase.name} → ${testCase.code}`, () => {
        const before = dumpDatabase(db);
        const [method, payload] = testCase.call();
        const error = errorOf(dispatch(method, payload));
        expect(error.code).toBe(testCase.code);
        if (testCase.message) expect(error.message).toMatch(testCase.message);
        expect(dumpDatabase(db)).toEqual(before);
      });
    }
  });
});
