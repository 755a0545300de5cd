// Undo and redo per document and annotator, built on the operation log: every kind of change,
// a span deleted with its relations coming back together, redo cleared by a new change, and the
// stacks surviving a close and reopen of the database file.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentAnnotations } from '../../shared/rpc/domain';
import { openDatabase } from '../open-database';
import { pentagonSession, type PentagonSession } from '../test-support/pentagon-session';
import { tempDatabasePath } from '../test-support/temp-database-path';
import { Store } from './Store';

/** What an annotator sees: spans with their label, text, attributes, link and note, and relations. */
function view(annotations: Pick<DocumentAnnotations, 'spans' | 'relations'>) {
  return {
    spans: annotations.spans.map((span) => ({ id: span.id, label: span.label, text: span.text, attributes: span.attributes, entityId: span.entityId, note: span.note })),
    relations: annotations.relations.map((relation) => ({ id: relation.id, type: relation.type, from: relation.fromSpanId, to: relation.toSpanId })),
  };
}

describe('history', () => {
  let db: Database.Database;
  let session: PentagonSession;
  beforeEach(() => {
    db = openDatabase(':memory:');
    session = pentagonSession(db);
  });
  afterEach(() => db.close());

  it('undoes and redoes every kind of annotation change, step by step', () => {
    const { store, span, documentId, rangeOf } = session;
    const states = [view(store.getDocument(documentId))];
    const record = () => states.push(view(store.getDocument(documentId)));

    const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    record();
    const speaker = span('speaker', 'وزير الدفاع الأميركي، لويد أوستن');
    record();
    store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
    record();
    store.setSpanAttributes(claim.id, { claimType: 'direct_quote' });
    record();
    store.setSpanNote(claim.id, 'هل هذا اقتباس حرفي؟');
    record();
    store.setSpanNote(claim.id, 'اقتباس حرفي من المؤتمر الصحفي');
    record();
    store.setSpanBounds(speaker.id, rangeOf('لويد أوستن').startUtf16, rangeOf('لويد أوستن').endUtf16);
    record();
    store.linkSpanEntity(speaker.id, store.register.create('speaker', 'لويد أوستن').id);
    record();
    store.setSpanLabel(speaker.id, 'source'); // also drops the said_by relation
    record();
    store.deleteSpan(claim.id); // its note comes back with it on undo
    record();

    for (let i = states.length - 2; i >= 0; i--) {
      const undone = store.undo(documentId);
      expect(undone.changed).toBe(true);
      expect(view(undone)).toEqual(states[i]);
    }
    expect(store.undo(documentId)).toMatchObject({ changed: false, history: { canUndo: false, canRedo: true } });
    for (let i = 1; i < states.length; i++) expect(view(store.redo(documentId))).toEqual(states[i]);
    expect(store.redo(documentId)).toMatchObject({ changed: false, history: { canUndo: true, canRedo: false } });
  });

  it('brings a deleted span back together with its relations in one undo', () => {
    const { store, span, documentId } = session;
    const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    const speaker = span('speaker', 'لويد أوستن');
    const cue = span('cue', 'وقال');
    store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
    store.createRelation({ type: 'cued_by', fromSpanId: claim.id, toSpanId: cue.id });
    const before = view(store.getDocument(documentId));
    store.deleteSpan(claim.id);
    expect(store.getDocument(documentId).relations).toEqual([]);
    expect(view(store.undo(documentId))).toEqual(before);
  });

  it('clears the redo stack when a new change follows an undo', () => {
    const { store, span, documentId } = session;
    span('cue', 'وقال');
    span('cue', 'وأوضح');
    expect(store.undo(documentId).spans.map((s) => s.text)).toEqual(['وقال']);
    span('cue', 'وتعهد');
    const redo = store.redo(documentId);
    expect(redo.changed).toBe(false);
    expect(redo.spans.map((s) => s.text)).toEqual(['وقال', 'وتعهد']);
    expect(redo.history).toEqual({ canUndo: true, canRedo: false });
  });

  it('keeps one stack per annotator: undo never reverts a colleague’s work', () => {
    const { store, span, documentId } = session;
    span('cue', 'وقال');
    store.setCurrentAnnotator('Omar');
    span('cue', 'وأوضح');
    store.setCurrentAnnotator('أمل');
    expect(store.undo(documentId).spans.map((s) => [s.text, s.annotatorName])).toEqual([['وأوضح', 'Omar']]);
    expect(store.undo(documentId).changed).toBe(false);
  });

  it('logs undo and redo as operations of their own, never erasing history', () => {
    const { store, span, documentId } = session;
    const cue = span('cue', 'وقال');
    store.undo(documentId);
    store.redo(documentId);
    const operations = db.prepare<[], { kind: string; reverses_seq: number | null }>('SELECT kind, reverses_seq FROM operations ORDER BY seq').all();
    expect(operations.map((operation) => operation.kind)).toEqual(['spans.create', 'history.undo', 'history.redo']);
    expect(operations[1]!.reverses_seq).toBe(operations[2]!.reverses_seq);
    expect(db.prepare('SELECT action FROM span_changes WHERE span_id = ? ORDER BY seq').all(cue.id)).toEqual([{ action: 'create' }, { action: 'delete' }, { action: 'create' }]);
  });
});

describe('history on a file', () => {
  it('still undoes and redoes after the database is closed and opened again', () => {
    const { databasePath, cleanup } = tempDatabasePath();
    try {
      const first = openDatabase(databasePath);
      const { store, span, documentId } = pentagonSession(first);
      const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
      const speaker = span('speaker', 'لويد أوستن');
      store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
      store.deleteSpan(speaker.id);
      first.close();

      const second = openDatabase(databasePath);
      try {
        const reopened = Store.for(second);
        expect(reopened.getDocument(documentId).history).toEqual({ canUndo: true, canRedo: false });
        const undone = reopened.undo(documentId);
        expect(undone.spans.map((s) => s.text)).toEqual(['لويد أوستن', 'الضربات الدقيقة هي للدفاع عن النفس']);
        expect(undone.relations.map((r) => [r.type, r.fromSpanId, r.toSpanId])).toEqual([['said_by', claim.id, speaker.id]]);
        second.close();

        const third = openDatabase(databasePath);
        try {
          const again = Store.for(third);
          expect(again.redo(documentId).spans.map((s) => s.text)).toEqual(['الضربات الدقيقة هي للدفاع عن النفس']);
          expect(again.getDocument(documentId).relations).toEqual([]);
        } finally {
          third.close();
        }
      } finally {
        if (second.open) second.close();
      }
    } finally {
      cleanup();
    }
  });
});
