// The app's import (imports.begin / append / finish, which runs importFiles) takes a W3C Web
// Annotation file together with the texts it annotates: each text file named after a source.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormatImportResult } from '../shared/formats/format-rpc';
import type { RpcDispatch } from '../shared/rpc/rpc-client';
import type { RpcResult } from '../shared/rpc/rpc-error';
import { createDispatch } from './create-dispatch';
import { openDatabase } from './open-database';
import { dumpDatabase } from './test-support/dump-database';

const TEXT = '😀 قال الوزير إن الاتفاق سيوقع غدا.';
const codePoints = (phrase: string) => [[...TEXT.slice(0, TEXT.indexOf(phrase))].length, [...TEXT.slice(0, TEXT.indexOf(phrase) + phrase.length)].length] as const;

function annotation(source: string, id: string, label: string, phrase: string) {
  const [start, end] = codePoints(phrase);
  return { id: `${source}#${id}`, type: 'Annotation', motivation: 'tagging', body: { type: 'TextualBody', purpose: 'tagging', value: label }, target: { source, selector: [{ type: 'TextPositionSelector', start, end }, { type: 'TextQuoteSelector', exact: phrase }] } };
}

function upload(dispatch: RpcDispatch, files: { name: string; content: string }[]): RpcResult<unknown> {
  const begun = dispatch('imports.begin', { files: files.map((file) => ({ name: file.name, bytes: Buffer.byteLength(file.content) })) });
  if (!begun.ok) return begun;
  const { uploadId } = begun.value as { uploadId: string };
  files.forEach((file, fileIndex) => dispatch('imports.append', { uploadId, fileIndex, dataBase64: Buffer.from(file.content).toString('base64') }));
  return dispatch('imports.finish', { uploadId });
}

describe('importing W3C annotations with their texts in the app', () => {
  let db: Database.Database;
  let dispatch: RpcDispatch;
  beforeEach(() => {
    db = openDatabase(':memory:');
    dispatch = createDispatch(db, { databasePath: ':memory:', appVersion: 'test' });
  });
  afterEach(() => db.close());

  it('creates the document from the text file the source names, with its spans, under the name as id', () => {
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [annotation('https://example.org/news/strike.txt', 'a1', 'speaker', 'الوزير'), annotation('https://example.org/news/strike.txt', 'a2', 'cue', 'قال')] };
    const result = upload(dispatch, [
      { name: 'page.jsonld', content: JSON.stringify(page) },
      { name: 'strike.txt', content: TEXT },
      { name: 'other.txt', content: 'نص آخر لا حواشي عليه.' },
    ]);
    expect(result.ok).toBe(true);
    const imported = (result as { value: FormatImportResult }).value;
    expect(imported.spansAdded).toBe(2);
    const rows = db.prepare('SELECT d.id, s.label, s.start_utf16 FROM documents d LEFT JOIN spans s ON s.document_id = d.id ORDER BY d.id, s.start_utf16').all();
    expect(rows).toEqual([
      { id: expect.not.stringMatching(/^strike$/u), label: null, start_utf16: null },
      { id: 'strike', label: 'cue', start_utf16: TEXT.indexOf('قال') },
      { id: 'strike', label: 'speaker', start_utf16: TEXT.indexOf('الوزير') },
    ]);
  });

  it('refuses annotations whose text differs from the file given, and imports nothing, not even the texts', () => {
    const before = dumpDatabase(db);
    const wrong = { ...annotation('urn:isnad:document:strike', 'a1', 'speaker', 'الوزير') };
    wrong.target.selector[1] = { type: 'TextQuoteSelector', exact: 'الوزيرة' };
    const result = upload(dispatch, [
      { name: 'a.jsonld', content: JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...wrong }) },
      { name: 'strike.txt', content: TEXT },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_FILE', message: expect.stringMatching(/^a\.jsonld, record 1: annotation 1 \(urn:isnad:document:strike#a1\): TextPositionSelector: recorded text "الوزيرة" does not match/u) } });
    expect(dumpDatabase(db)).toEqual(before);
  });
});
