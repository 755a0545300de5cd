// The export carries code-point and UTF-16 offsets that differ after an emoji, the covered text,
// and only the annotators whose spans are exported; it must pass the v1 schema.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV1 } from '../shared/export/export-v1';
import { builtInSchema } from '../shared/schemas/built-in-schemas';
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

  it('exports only the chosen annotators\' layers when asked (e.g. the gold layer)', () => {
    const [imported] = importTextFiles(db, [{ name: 'a.txt', bytes: utf8(ARTICLE) }]);
    const documentId = imported!.document.id;
    store.setCurrentAnnotator('Omar');
    spanOver(documentId, 'cue', 'قالَ');
    const gold = store.setCurrentAnnotator('gold');
    spanOver(documentId, 'claim', 'الاتفاقَ');

    const exported = ExportFileV1.parse(buildExport(db, { annotatorIds: [gold.id] }));
    expect(exported.annotators).toEqual([{ id: gold.id, name: 'gold' }]);
    expect(exported.documents[0]!.spans.map((span) => [span.annotator, span.text])).toEqual([[gold.id, 'الاتفاقَ']]);
  });

  it('exports claim frames: relations, span attributes, register entries and links, status and the schema', () => {
    const [imported] = importTextFiles(db, [{ name: 'news.txt', bytes: utf8(ARTICLE) }]);
    const documentId = imported!.document.id;
    const amal = store.setCurrentAnnotator('أمل');
    const speaker = spanOver(documentId, 'speaker', 'الوزيرُ');
    const claim = spanOver(documentId, 'claim', 'الاتفاقَ سيُوقَّع غداً');
    const cue = spanOver(documentId, 'cue', 'قالَ');
    const minister = store.register.create('speaker', 'الوزير');
    store.linkSpanEntity(speaker.id, minister.id);
    store.setSpanAttributes(claim.id, { claimType: 'prediction' });
    const saidBy = store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
    store.createRelation({ type: 'cued_by', fromSpanId: claim.id, toSpanId: cue.id });
    store.setDocumentStatus(documentId, 'done');
    const unlinked = store.register.create('speaker', 'Unused entry');

    const exported = ExportFileV1.parse(buildExport(db, { documentId }));
    const [document] = exported.documents;
    expect(document!.status).toEqual({ [amal.id]: 'done' });
    expect(document!.relations).toEqual([
      { id: saidBy.id, annotator: amal.id, type: 'said_by', from: claim.id, to: speaker.id, createdAt: saidBy.createdAt },
      expect.objectContaining({ type: 'cued_by', from: claim.id, to: cue.id }),
    ]);
    const byId = new Map(document!.spans.map((span) => [span.id, span]));
    expect(byId.get(claim.id)!.attributes).toEqual({ claimType: 'prediction', certainty: 'asserted', checkWorthy: 'unsure' });
    expect(byId.get(speaker.id)!.entity).toBe(minister.id);
    expect(byId.get(claim.id)!.entity).toBeUndefined();
    expect(exported.entities).toEqual([{ id: minister.id, kind: 'speaker', name: 'الوزير', normalizedName: 'الوزير' }]);
    expect(exported.entities!.some((entity) => entity.id === unlinked.id)).toBe(false);
    expect(exported.schema).toEqual(builtInSchema('attribution'));
  });

  it('still parses a v1 file in the shape issue 2 wrote, without any of the new fields', () => {
    const issue2File = {
      format: 'isnad',
      version: 1,
      exportedAt: '2026-11-20T09:00:00.000Z',
      annotators: [{ id: 'a1', name: 'أمل' }],
      documents: [
        {
          id: 'd1',
          title: 'خبر',
          lang: 'ar',
          direction: 'rtl',
          sha256: 'a'.repeat(64),
          text: 'قال الوزير',
          spans: [{ id: 's1', annotator: 'a1', label: 'speaker', start: 4, end: 10, startUtf16: 4, endUtf16: 10, text: 'الوزير', createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T09:00:00.000Z' }],
        },
      ],
    };
    expect(ExportFileV1.parse(issue2File)).toEqual(issue2File);
  });

  it('reports an unknown document as NOT_FOUND', () => {
    expect(() => buildExport(db, { documentId: 'missing' })).toThrow(StoreError);
  });
});
