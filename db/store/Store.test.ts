// The store over a real Arabic article: annotator identity, overlapping and nested spans,
// relabel and delete, the change log, updatedAt, and persistence across a reopen.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LABELS } from '../../shared/labels/default-labels';
import type { Span } from '../../shared/rpc/domain';
import { canonicalizeText } from '../../shared/text/canonical-text';
import { StoreError } from '../database-errors';
import { importTextFiles } from '../import-text-files';
import { openDatabase } from '../open-database';
import { fixturePath } from '../test-support/fixture-path';
import { tempDatabasePath } from '../test-support/temp-database-path';
import { Store } from './Store';

const FIXTURE = 'pentagon-strikes-syria-ar.txt';
const fixtureBytes = () => fs.readFileSync(fixturePath(FIXTURE));

interface ChangeRow {
  seq: number;
  annotator_id: string | null;
  document_id: string;
  span_id: string;
  action: string;
  before: string | null;
  after: string | null;
}

function changes(db: Database.Database): ChangeRow[] {
  return db.prepare<[], ChangeRow>('SELECT seq, annotator_id, document_id, span_id, action, before, after FROM span_changes ORDER BY seq').all();
}

function storeErrorOf(action: () => unknown): StoreError {
  try {
    action();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('Store', () => {
  let db: Database.Database;
  let store: Store;
  let documentId: string;
  let text: string;
  /** UTF-16 range of the first occurrence of `phrase` in the fixture. */
  const rangeOf = (phrase: string) => {
    const startUtf16 = text.indexOf(phrase);
    expect(startUtf16).toBeGreaterThanOrEqual(0);
    return { startUtf16, endUtf16: startUtf16 + phrase.length };
  };
  const create = (label: string, phrase: string): Span => store.createSpan({ documentId, label, ...rangeOf(phrase) });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-25T10:00:00.000Z'));
    db = openDatabase(':memory:');
    store = new Store(db);
    const [imported] = importTextFiles(store, [{ name: FIXTURE, bytes: fixtureBytes() }]);
    documentId = imported!.document.id;
    text = store.getDocument(documentId).document.text;
  });
  afterEach(() => {
    vi.useRealTimers();
    db.close();
  });

  it('stores the imported article in canonical form with its title and hash', () => {
    const { document, spans } = store.getDocument(documentId);
    expect(document.text).toBe(canonicalizeText(fixtureBytes().toString('utf8')));
    expect(document.title).toBe('واشنطن: القوات الأميركية تقصف منشأتين للحرس الثوري الإيراني شرق سوريا');
    expect(document.sourceName).toBe(FIXTURE);
    expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(document.lengthCodePoints).toBe(Array.from(document.text).length);
    expect(spans).toEqual([]);
  });

  it('lists the seeded labels in order', () => {
    expect(store.listLabels()).toEqual(DEFAULT_LABELS);
  });

  it('sets the current annotator by name, reusing an existing one', () => {
    expect(store.currentAnnotator()).toBeNull();
    const amal = store.setCurrentAnnotator('  أمل  ');
    expect(amal.name).toBe('أمل');
    expect(store.currentAnnotator()).toEqual(amal);
    const omar = store.setCurrentAnnotator('Omar');
    expect(omar.id).not.toBe(amal.id);
    expect(store.currentAnnotator()).toEqual(omar);
    expect(store.setCurrentAnnotator('أمل')).toEqual(amal);
    expect(store.currentAnnotator()).toEqual(amal);
  });

  it('refuses span edits until an annotator is named, writing nothing', () => {
    const error = storeErrorOf(() => create('claim', 'وقال'));
    expect(error.code).toBe('NO_ANNOTATOR');
    expect(store.getDocument(documentId).spans).toEqual([]);
    expect(changes(db)).toEqual([]);
  });

  describe('with an annotator', () => {
    beforeEach(() => {
      store.setCurrentAnnotator('أمل');
    });

    it('creates overlapping and nested spans, returned in reading order with both offset units', () => {
      const speaker = create('speaker', 'وزير الدفاع الأميركي، لويد أوستن');
      const nested = create('speaker', 'لويد أوستن');
      const cue = create('cue', 'وقال');
      const source = create('source', 'في بيان إن "الضربات');
      const claim = create('claim', '"الضربات الدقيقة هي للدفاع عن النفس');

      const { spans } = store.getDocument(documentId);
      expect(spans.map((span) => span.id)).toEqual([cue.id, speaker.id, nested.id, source.id, claim.id]);
      for (const span of spans) {
        expect(span.text).toBe(text.slice(span.startUtf16, span.endUtf16));
        expect(span.startCodePoints).toBe(Array.from(text.slice(0, span.startUtf16)).length);
        expect(span.endCodePoints).toBe(Array.from(text.slice(0, span.endUtf16)).length);
        expect(span.annotatorName).toBe('أمل');
        expect(span.documentId).toBe(documentId);
      }
      expect(store.listDocuments()[0]!.spanCount).toBe(5);
    });

    it('orders spans sharing a start longest first', () => {
      const short = create('cue', 'وقال');
      const long = create('claim', 'وقال وزير الدفاع');
      expect(store.getDocument(documentId).spans.map((span) => span.id)).toEqual([long.id, short.id]);
    });

    it('relabels and deletes spans, logging every change with before/after snapshots', () => {
      const claim = create('claim', 'الضربات الدقيقة');
      vi.setSystemTime(new Date('2026-11-25T10:05:00.000Z'));
      const relabeled = store.setSpanLabel(claim.id, 'source');
      expect(relabeled).toMatchObject({ id: claim.id, label: 'source', createdAt: claim.createdAt, updatedAt: '2026-11-25T10:05:00.000Z' });
      // Setting the same label again is not a change.
      store.setSpanLabel(claim.id, 'source');
      vi.setSystemTime(new Date('2026-11-25T10:06:00.000Z'));
      store.deleteSpan(claim.id);
      expect(store.getDocument(documentId).spans).toEqual([]);

      const log = changes(db);
      expect(log.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
      const annotatorId = store.currentAnnotator()!.id;
      expect(log.every((row) => row.span_id === claim.id && row.document_id === documentId && row.annotator_id === annotatorId)).toBe(true);
      expect(log[0]!.before).toBeNull();
      expect(JSON.parse(log[0]!.after!)).toMatchObject({ label: 'claim', startUtf16: claim.startUtf16, endUtf16: claim.endUtf16 });
      expect(JSON.parse(log[1]!.before!)).toMatchObject({ label: 'claim' });
      expect(JSON.parse(log[1]!.after!)).toMatchObject({ label: 'source' });
      expect(JSON.parse(log[2]!.before!)).toMatchObject({ label: 'source' });
      expect(log[2]!.after).toBeNull();
    });

    it('keeps a note on a span: trimmed and NFC, blank removes it, same note is no change, too long refused', () => {
      const claim = create('claim', 'الضربات الدقيقة');
      // Alef + combining hamza above is not NFC; the stored note is (أ).
      const noted = store.setSpanNote(claim.id, '  مصدر غير مسمّى \u0627\u0654  ');
      expect(noted.note).toBe('مصدر غير مسمّى \u0623');
      expect(store.getDocument(documentId).spans[0]!.note).toBe(noted.note);
      const logged = changes(db).length;
      store.setSpanNote(claim.id, noted.note);
      expect(changes(db)).toHaveLength(logged);
      expect(JSON.parse(changes(db).at(-1)!.after!)).toMatchObject({ note: noted.note });
      expect(storeErrorOf(() => store.setSpanNote(claim.id, 'ن'.repeat(10_001))).code).toBe('INVALID_ATTRIBUTE');
      expect(store.setSpanNote(claim.id, '  \n ').note).toBeNull();
      expect(store.getDocument(documentId).spans[0]!.note).toBeNull();
      expect(storeErrorOf(() => store.setSpanNote('nope', 'x')).code).toBe('NOT_FOUND');
    });

    it('bumps the document updatedAt on every span write, including a delete', () => {
      expect(store.listDocuments()[0]!.updatedAt).toBe('2026-11-25T10:00:00.000Z');
      vi.setSystemTime(new Date('2026-11-25T11:00:00.000Z'));
      const span = create('cue', 'وقال');
      expect(store.listDocuments()[0]!.updatedAt).toBe('2026-11-25T11:00:00.000Z');
      vi.setSystemTime(new Date('2026-11-25T12:00:00.000Z'));
      store.deleteSpan(span.id);
      expect(store.listDocuments()[0]).toMatchObject({ updatedAt: '2026-11-25T12:00:00.000Z', spanCount: 0, createdAt: '2026-11-25T10:00:00.000Z' });
    });

    it('reports unknown labels, spans and documents without writing', () => {
      const span = create('cue', 'وقال');
      const logBefore = changes(db);
      const unknownLabel = storeErrorOf(() => create('opinion', 'وزير'));
      expect(unknownLabel.code).toBe('UNKNOWN_LABEL');
      expect(unknownLabel.message).toBe('Unknown label «opinion»; known labels: claim, speaker, source, cue');
      expect(storeErrorOf(() => store.setSpanLabel(span.id, 'opinion')).code).toBe('UNKNOWN_LABEL');
      expect(storeErrorOf(() => store.setSpanLabel('nope', 'claim')).code).toBe('NOT_FOUND');
      expect(storeErrorOf(() => store.deleteSpan('nope')).code).toBe('NOT_FOUND');
      expect(storeErrorOf(() => store.createSpan({ documentId: 'nope', label: 'claim', startUtf16: 0, endUtf16: 1 })).code).toBe('NOT_FOUND');
      expect(storeErrorOf(() => store.getDocument('nope')).code).toBe('NOT_FOUND');
      expect(storeErrorOf(() => store.deleteDocument('nope')).code).toBe('NOT_FOUND');
      expect(storeErrorOf(() => store.createSpan({ documentId, label: 'claim', startUtf16: 5, endUtf16: 5 })).code).toBe('INVALID_SPAN');
      expect(storeErrorOf(() => store.createSpan({ documentId, label: 'claim', startUtf16: 0, endUtf16: text.length + 1 })).code).toBe('INVALID_SPAN');
      expect(changes(db)).toEqual(logBefore);
      expect(store.getDocument(documentId).spans).toEqual([span]);
    });

    it('deletes a document with its spans but keeps their history, ending in delete rows', () => {
      const span = create('claim', 'الضربات الدقيقة');
      store.deleteDocument(documentId);
      expect(store.listDocuments()).toEqual([]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM spans').get()).toEqual({ n: 0 });
      expect(changes(db).map((row) => [row.span_id, row.action])).toEqual([
        [span.id, 'create'],
        [span.id, 'delete'],
      ]);
    });
  });
});

describe('Store on a file', () => {
  it('keeps spans, annotators and the change log when the database is closed and reopened', () => {
    const { databasePath, cleanup } = tempDatabasePath();
    try {
      const first = openDatabase(databasePath);
      const [imported] = importTextFiles(first, [{ name: FIXTURE, bytes: fixtureBytes() }]);
      const store = Store.for(first);
      store.setCurrentAnnotator('أمل');
      const text = store.getDocument(imported!.document.id).document.text;
      const startUtf16 = text.indexOf('لويد أوستن');
      const span = store.createSpan({ documentId: imported!.document.id, label: 'speaker', startUtf16, endUtf16: startUtf16 + 'لويد أوستن'.length });
      first.close();

      const second = openDatabase(databasePath);
      try {
        const reopened = Store.for(second);
        expect(reopened.currentAnnotator()?.name).toBe('أمل');
        expect(reopened.getDocument(imported!.document.id).spans).toEqual([span]);
        expect(changes(second)).toHaveLength(1);
      } finally {
        second.close();
      }
    } finally {
      cleanup();
    }
  });
});
