// The export carries code-point and UTF-16 offsets that differ after an emoji, the covered text,
// and only the annotators whose spans are exported; it must pass the v1 schema.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV1 } from '../shared/export/export-v1';
import { buildExport } from './build-export';
import { StoreError } from './database-errors';
import { importTextFiles } from './import-text-files';
import { openDatabase } from './open-database';
import { Store } from './store/Store';

const utf8 = (text: string) => new TextEncoder().encode(text);
// Emoji before the spans (so start != startUtf16), diacritics, and Windows line endings.
const ARTICLE = '🙂 خبر عاجل\r\nقالَ الوزيرُ إنّ الاتفاقَ سيُوقَّع غداً.\r\n';

describe('buildExport', () => {
  let db: Database.Database;
  let store: Store;
  beforeEach(() => {
    db = openDatabase(':memory:');
    store = Store.for(db);
  });
  afterEach(() => db.close());

  function spanOver(documentId: string, label: string, phrase: string) {
    const text = store.getDocument(documentId).document.text;
    const startUtf16 = text.indexOf(phrase);
    expect(startUtf16).toBeGreaterThan(0);
    return store.createSpan({ documentId, label, startUtf16, endUtf16: startUtf16 + phrase.length });
  }

  it('exports a document with both offset units, the covered text and the canonical text', () => {
    const [imported] = importTextFiles(db, [{ name: 'news.txt', bytes: utf8(ARTICLE) }]);
    const documentId = imported!.document.id;
    const amal = store.setCurrentAnnotator('أمل');
    spanOver(documentId, 'speaker', 'الوزيرُ');
    spanOver(documentId, 'claim', 'الاتفاقَ سيُوقَّع غداً');

    const exported = ExportFileV1.parse(buildExport(db, { documentId }));
    expect(exported.annotators).toEqual([{ id: amal.id, name: 'أمل' }]);
    const [document] = exported.documents;
    expect(document).toMatchObject({ id: documentId, lang: 'ar', direction: 'rtl', title: '🙂 خبر عاجل', sha256: imported!.document.sha256 });
    expect(document!.text).toBe('🙂 خبر عاجل\nقالَ الوزيرُ إنّ الاتفاقَ سيُوقَّع غداً.\n');
    const codePoints = Array.from(document!.text);
    for (const span of document!.spans) {
      expect(span.start).toBe(span.startUtf16 - 1); // the emoji is two UTF-16 units, one code point
      expect(span.end).toBe(span.endUtf16 - 1);
      expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
      expect(document!.text.slice(span.startUtf16, span.endUtf16)).toBe(span.text);
      expect(span.annotator).toBe(amal.id);
    }
    expect(document!.spans.map((span) => [span.label, span.text])).toEqual([
      ['speaker', 'الوزيرُ'],
      ['claim', 'الاتفاقَ سيُوقَّع غداً'],
    ]);
  });

  it('exports all documents, listing only annotators who have spans in them', () => {
    const [first, second] = importTextFiles(db, [
      { name: 'a.txt', bytes: utf8(ARTICLE) },
      { name: 'b.txt', bytes: utf8('نص ثان بلا تعليقات') },
    ]);
    store.setCurrentAnnotator('Idle annotator');
    const omar = store.setCurrentAnnotator('Omar');
    spanOver(first!.document.id, 'cue', 'قالَ');
    const amal = store.setCurrentAnnotator('أمل');
    spanOver(first!.document.id, 'claim', 'الاتفاقَ');

    const exported = ExportFileV1.parse(buildExport(db));
    expect(exported.documents.map((document) => [document.id, document.spans.length])).toEqual([
      [first!.document.id, 2],
      [second!.document.id, 0],
    ]);
    expect(exported.annotators.map((annotator) => annotator.id).sort()).toEqual([omar.id, amal.id].sort());

    const onlySecond = ExportFileV1.parse(buildExport(db, { documentId: second!.document.id }));
    expect(onlySecond.annotators).toEqual([]);
  });

  it('reports an unknown document as NOT_FOUND', () => {
    expect(() => buildExport(db, { documentId: 'missing' })).toThrow(StoreError);
  });
});
