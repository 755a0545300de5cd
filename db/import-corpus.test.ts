// Writing converted documents: validation against the schema before anything is kept, idempotent
// re-imports, attributes and notes updated in place, what cannot be stored as it is (fragments, notes on relations) reported.
import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../shared/formats/corpus-model';
import { CORPUS_IMPORT_OPERATION, importCorpus, sequentialIds } from './import-corpus';
import { openDatabase } from './open-database';
import { fromSpanSnapshotJson } from './store/map-rows';
import { Store } from './store/Store';
import { dumpDatabase } from './test-support/dump-database';
import { storeFailure } from './test-support/pentagon-session';

const TEXT = 'قال الوزير إن الاتفاق سيوقع غدا.';
const at = (phrase: string) => ({ startUtf16: TEXT.indexOf(phrase), endUtf16: TEXT.indexOf(phrase) + phrase.length });

function document(extra: Partial<CorpusDocument> = {}): CorpusDocument {
  return {
    id: 'news',
    text: TEXT,
    spans: [
      { id: 'T1', label: 'claim', ...at('الاتفاق سيوقع غدا') },
      { id: 'T2', label: 'speaker', ...at('الوزير'), attributes: { kind: 'government' } },
    ],
    relations: [{ id: 'R1', type: 'said_by', fromSpanId: 'T1', toSpanId: 'T2' }],
    ...extra,
  };
}

describe('importCorpus', () => {
  it('importing the same document twice changes nothing; changed attributes update the same span', () => {
    const db = openDatabase(':memory:');
    const first = importCorpus(db, [{ document: document(), file: 'a.jsonl', line: 1 }], { annotator: 'أمل' });
    expect(first).toMatchObject({ documentsAdded: 1, spansAdded: 2, relationsAdded: 1 });
    const before = dumpDatabase(db);
    expect(importCorpus(db, [{ document: document(), file: 'a.jsonl', line: 1 }], { annotator: 'أمل' })).toMatchObject({ documentsAdded: 0, spansAdded: 0, spansUpdated: 0, relationsAdded: 0 });
    expect(dumpDatabase(db)).toEqual(before);

    const changed = document();
    changed.spans[1]!.attributes = { kind: 'military' };
    expect(importCorpus(db, [{ document: changed, file: 'b.jsonl' }], { annotator: 'أمل' })).toMatchObject({ spansAdded: 0, spansUpdated: 1 });
    const [summary] = Store.for(db).listDocuments();
    expect(Store.for(db).getDocument(summary!.id).spans.find((span) => span.label === 'speaker')!.attributes).toEqual({ kind: 'military' });
  });

  it('refuses a bad document after good ones, naming file and line, and keeps none of them', () => {
    const db = openDatabase(':memory:');
    const before = dumpDatabase(db);
    const bad = document({ id: 'other', text: `${TEXT} 2`, relations: [{ id: 'R1', type: 'cued_by', fromSpanId: 'T1', toSpanId: 'T2' }] });
    const failure = storeFailure(() => importCorpus(db, [{ document: document(), file: 'c.jsonl', line: 1 }, { document: bad, file: 'c.jsonl', line: 2 }], { annotator: 'أمل' }));
    expect(failure.code).toBe('INVALID_FILE');
    expect(failure.message).toMatch(/^c\.jsonl, line 2 \(document other\): relation «R1»: /u);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('stores a discontinuous span as one span per fragment and says so; its note goes to the first fragment', () => {
    const db = openDatabase(':memory:');
    const split = document({
      spans: [{ id: 'T1', label: 'claim', startUtf16: at('قال').startUtf16, endUtf16: at('غدا').endUtf16, fragments: [at('قال'), at('غدا')] }],
      relations: [],
      notes: [{ id: '#1', targetId: 'T1', type: 'AnnotatorNotes', text: 'ملاحظة' }],
    });
    const summary = importCorpus(db, [{ document: split, file: 'd.ann' }], { annotator: 'أمل' });
    expect(summary.spansAdded).toBe(2);
    expect(summary.warnings.map((warning) => warning.message)).toEqual(['1 discontinuous span(s) stored as one span per fragment: Isnad spans are contiguous']);
    const [stored] = Store.for(db).listDocuments();
    expect(Store.for(db).getDocument(stored!.id).spans.map((span) => [span.text, span.note])).toEqual([
      ['قال', 'ملاحظة'],
      ['غدا', null],
    ]);
  });

  it('attaches notes to their spans: several joined by a blank line, re-import changes nothing, a changed note is updated and logged', () => {
    const db = openDatabase(':memory:');
    const notes = [
      { id: '#1', targetId: 'T1', type: 'AnnotatorNotes', text: 'هل هو وعد أم توقع؟' },
      { id: '#2', targetId: 'T1', type: 'AnnotatorNotes', text: '  see the English wire  ' },
      { id: '#3', targetId: 'R1', type: 'AnnotatorNotes', text: 'on the link' },
      { id: '#4', targetId: 'T2', type: 'AnnotatorNotes', text: 'ن'.repeat(10_001) },
    ];
    const summary = importCorpus(db, [{ document: document({ notes }), file: 'n.ann' }], { annotator: 'أمل' });
    expect(summary.warnings.map((warning) => warning.message)).toEqual([
      '2 note(s) not imported: #3 on relation R1 (Isnad keeps notes on spans only); #4 on T2 (10001 characters; a note has at most 10000)',
    ]);
    const store = Store.for(db);
    const [stored] = store.listDocuments();
    const noteOf = (label: string) => store.getDocument(stored!.id).spans.find((span) => span.label === label)!.note;
    expect(noteOf('claim')).toBe('هل هو وعد أم توقع؟\n\nsee the English wire');
    expect(noteOf('speaker')).toBeNull();

    const before = dumpDatabase(db);
    expect(importCorpus(db, [{ document: document({ notes: notes.slice(0, 2) }), file: 'n.ann' }], { annotator: 'أمل' })).toMatchObject({ spansAdded: 0, spansUpdated: 0, warnings: [] });
    expect(dumpDatabase(db)).toEqual(before);
    // A file without notes leaves the stored notes alone, as a file without attributes does.
    expect(importCorpus(db, [{ document: document(), file: 'plain.jsonl' }], { annotator: 'أمل' })).toMatchObject({ spansUpdated: 0 });
    expect(dumpDatabase(db)).toEqual(before);

    const changed = importCorpus(db, [{ document: document({ notes: [{ id: '#1', targetId: 'T1', type: 'AnnotatorNotes', text: 'وعد رسمي' }] }), file: 'm.ann' }], { annotator: 'أمل' });
    expect(changed).toMatchObject({ spansAdded: 0, spansUpdated: 1 });
    expect(noteOf('claim')).toBe('وعد رسمي');
    const logged = db.prepare<[], { before: string; after: string }>("SELECT before, after FROM span_changes WHERE action = 'update'").all();
    expect(logged.map((row) => [fromSpanSnapshotJson(row.before).note, fromSpanSnapshotJson(row.after).note])).toEqual([['هل هو وعد أم توقع؟\n\nsee the English wire', 'وعد رسمي']]);
  });

  it('logs every imported span and relation in the import log, also past one batch of rows', () => {
    const db = openDatabase(':memory:');
    // 150 one-word spans on a long text: more rows than one multi-row INSERT takes.
    const words = Array.from({ length: 150 }, (_, index) => `كلمة${index}`);
    const text = words.join(' ');
    const starts = words.map((_, index) => words.slice(0, index).join(' ').length + (index === 0 ? 0 : 1));
    const spans = words.map((word, index) => ({ id: `T${index}`, label: index % 2 === 0 ? 'claim' : 'speaker', startUtf16: starts[index]!, endUtf16: starts[index]! + word.length }));
    const relations = Array.from({ length: 75 }, (_, index) => ({ id: `R${index}`, type: 'said_by', fromSpanId: `T${2 * index}`, toSpanId: `T${2 * index + 1}` }));
    const summary = importCorpus(db, [{ document: { id: 'long', text, spans, relations }, file: 'e.jsonl', line: 1 }], { annotator: 'أمل' });
    expect(summary).toMatchObject({ spansAdded: 150, relationsAdded: 75 });
    const operations = db.prepare<[], { seq: number; annotator: string; document_id: string }>(
      `SELECT o.seq, a.name AS annotator, o.document_id FROM operations o JOIN annotators a ON a.id = o.annotator_id WHERE o.kind = '${CORPUS_IMPORT_OPERATION}'`,
    ).all();
    expect(operations).toEqual([{ seq: expect.any(Number), annotator: 'أمل', document_id: 'long' }]);
    // One import_changes row for the operation (schema v3) lists every span and relation it created.
    const logged = db.prepare<[], { operation_seq: number; span_ids: string; relation_ids: string }>('SELECT * FROM import_changes').all();
    expect(logged.map((row) => row.operation_seq)).toEqual([operations[0]!.seq]);
    const spanIds = db.prepare<[], { id: string }>('SELECT id FROM spans ORDER BY id').all().map((row) => row.id);
    const relationIds = db.prepare<[], { id: string }>('SELECT id FROM relations ORDER BY id').all().map((row) => row.id);
    expect((JSON.parse(logged[0]!.span_ids) as string[]).sort()).toEqual(spanIds);
    expect((JSON.parse(logged[0]!.relation_ids) as string[]).sort()).toEqual(relationIds);
    expect(relationIds).toHaveLength(75);
    expect(db.prepare('SELECT COUNT(*) AS n FROM span_changes').get()).toEqual({ n: 0 });
  });

  it('keeps an imported span as it was imported in the change log once an annotator changes it', () => {
    const db = openDatabase(':memory:');
    const store = Store.for(db);
    store.setCurrentAnnotator('أمل');
    importCorpus(db, [{ document: { id: 'one', text: 'قال الوزير إن الاتفاق سيوقع غداً.', spans: [{ id: 'T1', label: 'speaker', startUtf16: 4, endUtf16: 10 }], relations: [] }, file: 'a.jsonl', line: 1 }], { annotator: 'أمل' });
    const imported = db.prepare('SELECT * FROM spans').get() as { id: string; label: string };
    store.setSpanLabel(imported.id, 'source');
    const update = db.prepare<[string], { before: string }>("SELECT before FROM span_changes WHERE span_id = ? AND action = 'update'").get(imported.id)!;
    expect(fromSpanSnapshotJson(update.before)).toMatchObject({ id: imported.id, label: 'speaker', startUtf16: 4, endUtf16: 10 });
    // And an import is not on the undo stack: undo takes back the relabel, never the import.
    expect(store.undo('one').changed).toBe(true);
    expect(store.spanById(imported.id).label).toBe('speaker');
    expect(store.undo('one').changed).toBe(false);
    expect(store.spanById(imported.id).label).toBe('speaker');
  });

  it('refuses to undo an import that reached an undo stack, changing nothing: the import log keeps no snapshots to replay', () => {
    const db = openDatabase(':memory:');
    const store = Store.for(db);
    const annotator = store.setCurrentAnnotator('أمل');
    importCorpus(db, [{ document: document(), file: 'a.jsonl', line: 1 }], { annotator: 'أمل' });
    const { seq } = db.prepare<[], { seq: number }>('SELECT seq FROM operations').get()!;
    db.prepare("INSERT INTO history_stack VALUES (?, 'news', ?, 'done', ?)").run(seq, annotator.id, seq);
    const before = dumpDatabase(db);
    expect(storeFailure(() => store.undo('news'))).toMatchObject({ code: 'CONFLICT', message: 'An import cannot be undone or redone.' });
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('gives the spans of one import increasing UUID-shaped ids', () => {
    const next = sequentialIds();
    const ids = Array.from({ length: 1000 }, next);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
