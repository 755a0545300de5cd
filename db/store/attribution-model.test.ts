// The attribution model on the Pentagon article: claim frames (claim said_by speaker, according_to
// source, cued_by cue), nested frames, unattributed claims, relations the schema refuses, typed
// attributes, boundary edits, register links and document status.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database';
import { dumpDatabase } from '../test-support/dump-database';
import { pentagonSession, storeFailure, type PentagonSession } from '../test-support/pentagon-session';

describe('attribution model', () => {
  let db: Database.Database;
  let session: PentagonSession;
  beforeEach(() => {
    db = openDatabase(':memory:');
    session = pentagonSession(db);
  });
  afterEach(() => db.close());

  it('builds a claim frame: the claim said by a speaker, according to a source, cued by a verb', () => {
    const { store, span, documentId } = session;
    const cue = span('cue', 'وقال');
    const speaker = span('speaker', 'وزير الدفاع الأميركي، لويد أوستن');
    const source = span('source', 'في بيان');
    const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    const saidBy = store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
    store.createRelation({ type: 'according_to', fromSpanId: claim.id, toSpanId: source.id });
    store.createRelation({ type: 'cued_by', fromSpanId: claim.id, toSpanId: cue.id });

    expect(saidBy).toMatchObject({ documentId, type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id, annotatorName: 'أمل' });
    const { relations } = store.getDocument(documentId);
    expect(relations.map((relation) => [relation.type, relation.toSpanId])).toEqual([
      ['said_by', speaker.id],
      ['according_to', source.id],
      ['cued_by', cue.id],
    ]);
  });

  it('nests frames: a reporter relays the Pentagon, who announces the strikes', () => {
    const { store, span, documentId } = session;
    const outerClaim = span('claim', 'أعلنت وزارة الدفاع الأميركية "البنتاغون"، في وقت متأخر الخميس، أن القوات الأميركية وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني في شرق سوريا');
    const reporter = span('speaker', 'مراسلة الحرة');
    const innerClaim = span('claim', 'القوات الأميركية وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني في شرق سوريا');
    const pentagon = span('speaker', 'وزارة الدفاع الأميركية "البنتاغون"');
    const announced = span('cue', 'أعلنت');
    store.createRelation({ type: 'said_by', fromSpanId: outerClaim.id, toSpanId: reporter.id });
    store.createRelation({ type: 'cued_by', fromSpanId: outerClaim.id, toSpanId: span('cue', 'نقلته').id });
    store.createRelation({ type: 'said_by', fromSpanId: innerClaim.id, toSpanId: pentagon.id });
    store.createRelation({ type: 'cued_by', fromSpanId: innerClaim.id, toSpanId: announced.id });

    // The inner frame lies inside the outer claim, speaker and cue included.
    for (const inner of [innerClaim, pentagon, announced]) {
      expect(inner.startUtf16).toBeGreaterThanOrEqual(outerClaim.startUtf16);
      expect(inner.endUtf16).toBeLessThanOrEqual(outerClaim.endUtf16);
    }
    const speakerOf = (claimId: string) => store.getDocument(documentId).relations.find((r) => r.fromSpanId === claimId && r.type === 'said_by')?.toSpanId;
    expect(speakerOf(outerClaim.id)).toBe(reporter.id);
    expect(speakerOf(innerClaim.id)).toBe(pentagon.id);
  });

  it('keeps unattributed claims: no speaker, or only a source', () => {
    const { store, span, documentId } = session;
    const bare = span('claim', 'تقوم القوات الأميركية في العراق بدور تدريبي واستشاري');
    const sourced = span('claim', 'تسبب بمقتل أكثر من 7000 فلسطيني');
    store.createRelation({ type: 'according_to', fromSpanId: sourced.id, toSpanId: span('source', 'آخر إحصائيات وزارة الصحة').id });
    const { spans, relations } = store.getDocument(documentId);
    expect(spans.filter((s) => s.label === 'claim').map((s) => s.id).sort()).toEqual([bare.id, sourced.id].sort());
    expect(relations.some((relation) => relation.fromSpanId === bare.id)).toBe(false);
    expect(relations.filter((relation) => relation.type === 'said_by')).toEqual([]);
  });

  it('refuses relations the schema does not allow, with a clear message, writing nothing', () => {
    const { store, span } = session;
    const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    const speaker = span('speaker', 'لويد أوستن');
    const source = span('source', 'في بيان');
    store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
    const before = dumpDatabase(db);

    expect(storeFailure(() => store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: source.id }))).toEqual({
      code: 'INVALID_RELATION',
      message: 'A "said_by" relation goes from a "claim" span to a "speaker" span; this one would go from "claim" to "source".',
    });
    expect(storeFailure(() => store.createRelation({ type: 'said_by', fromSpanId: speaker.id, toSpanId: claim.id })).code).toBe('INVALID_RELATION');
    expect(storeFailure(() => store.createRelation({ type: 'quoted_by', fromSpanId: claim.id, toSpanId: speaker.id })).message).toMatch(/^Unknown relation type "quoted_by"/);
    expect(storeFailure(() => store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id })).message).toMatch(/already joined/);
    expect(storeFailure(() => store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: claim.id })).code).toBe('INVALID_RELATION');
    expect(storeFailure(() => store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: 'nope' })).code).toBe('NOT_FOUND');

    store.setCurrentAnnotator('Omar');
    const omarsSpeaker = session.span('speaker', 'أوستن', 1);
    const afterOmar = dumpDatabase(db);
    expect(storeFailure(() => store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: omarsSpeaker.id })).message).toBe(
      'A relation joins spans of one annotator; these are by أمل and Omar.',
    );
    expect(dumpDatabase(db)).toEqual(afterOmar);
    expect((before.tables as Record<string, unknown[]>).relations).toEqual((afterOmar.tables as Record<string, unknown[]>).relations);
  });

  it('deletes a span with its relations, logging each deletion in the same operation', () => {
    const { store, span, documentId } = session;
    const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    const speaker = span('speaker', 'لويد أوستن');
    const cue = span('cue', 'وقال');
    store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
    const cuedBy = store.createRelation({ type: 'cued_by', fromSpanId: claim.id, toSpanId: cue.id });
    store.deleteSpan(speaker.id);
    expect(store.getDocument(documentId).relations.map((relation) => relation.id)).toEqual([cuedBy.id]);
    const log = db
      .prepare<[], { kind: string; span_rows: number; relation_rows: number }>(
        `SELECT o.kind, (SELECT COUNT(*) FROM span_changes s WHERE s.operation_seq = o.seq) AS span_rows,
         (SELECT COUNT(*) FROM relation_changes r WHERE r.operation_seq = o.seq) AS relation_rows FROM operations o ORDER BY o.seq DESC LIMIT 1`,
      )
      .get();
    expect(log).toEqual({ kind: 'spans.delete', span_rows: 1, relation_rows: 1 });
  });

  it('relabelling drops relations that no longer fit and keeps the attributes the new label accepts', () => {
    const { store, span, documentId } = session;
    const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    expect(claim.attributes).toEqual({ certainty: 'asserted', checkWorthy: 'unsure' });
    store.setSpanAttributes(claim.id, { claimType: 'direct_quote' });
    const speaker = span('speaker', 'لويد أوستن');
    store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
    const asCue = store.setSpanLabel(claim.id, 'cue');
    expect(asCue.attributes).toEqual({});
    expect(store.getDocument(documentId).relations).toEqual([]);
    expect(store.setSpanLabel(claim.id, 'claim').attributes).toEqual({ certainty: 'asserted', checkWorthy: 'unsure' });
  });

  it('sets typed attributes and refuses names and values the schema does not define', () => {
    const { store, span } = session;
    const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    const speaker = span('speaker', 'لويد أوستن');
    expect(store.setSpanAttributes(claim.id, { claimType: 'statistic', checkWorthy: 'yes', certainty: null }).attributes).toEqual({ claimType: 'statistic', checkWorthy: 'yes' });
    expect(store.setSpanAttributes(speaker.id, { kind: 'person' }).attributes).toEqual({ kind: 'person' });
    const before = dumpDatabase(db);
    expect(storeFailure(() => store.setSpanAttributes(claim.id, { claimType: 'rumour' }))).toMatchObject({ code: 'INVALID_ATTRIBUTE', message: expect.stringContaining('"rumour" is not a value of "claimType"') });
    expect(storeFailure(() => store.setSpanAttributes(speaker.id, { certainty: 'hedged' })).message).toBe('Label "speaker" has no attribute "certainty"; its attributes: "kind".');
    expect(storeFailure(() => store.setSpanAttributes(claim.id, { checkWorthy: true })).code).toBe('INVALID_ATTRIBUTE');
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('moves a span boundary, validated like a new span', () => {
    const { store, span, rangeOf } = session;
    const speaker = span('speaker', 'وزير الدفاع الأميركي، لويد أوستن');
    const narrowed = store.setSpanBounds(speaker.id, rangeOf('لويد أوستن').startUtf16, rangeOf('لويد أوستن').endUtf16);
    expect(narrowed).toMatchObject({ id: speaker.id, text: 'لويد أوستن', label: 'speaker' });
    expect(storeFailure(() => store.setSpanBounds(speaker.id, 10, 10)).code).toBe('INVALID_SPAN');
    expect(storeFailure(() => store.setSpanBounds(speaker.id, 0, session.text.length + 1)).code).toBe('INVALID_SPAN');
    expect(store.spanById(speaker.id).text).toBe('لويد أوستن');
  });

  it('links speakers and sources to register entries of their kind only', () => {
    const { store, span } = session;
    const speaker = span('speaker', 'لويد أوستن');
    const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    const austin = store.register.create('speaker', 'لويد أوستن');
    const statement = store.register.create('source', 'بيان وزارة الدفاع');
    expect(store.linkSpanEntity(speaker.id, austin.id).entityId).toBe(austin.id);
    expect(storeFailure(() => store.linkSpanEntity(speaker.id, statement.id)).message).toBe('A «speaker» span links to speaker entries; «بيان وزارة الدفاع» is a source.');
    expect(storeFailure(() => store.linkSpanEntity(claim.id, austin.id)).code).toBe('CONFLICT');
    expect(store.linkSpanEntity(speaker.id, null).entityId).toBeNull();
    // Relabelling a linked speaker as a source drops a link of the wrong kind.
    store.linkSpanEntity(speaker.id, austin.id);
    expect(store.setSpanLabel(speaker.id, 'source').entityId).toBeNull();
  });

  it('tracks status per annotator: in progress on the first edit, done when said so', () => {
    const { store, span, documentId } = session;
    expect(store.listDocuments()[0]!.status).toBe('not_started');
    span('cue', 'وقال');
    expect(store.listDocuments()[0]!.status).toBe('in_progress');
    expect(store.setDocumentStatus(documentId, 'done').status).toBe('done');
    span('cue', 'وأوضح');
    expect(store.getDocument(documentId).document.status).toBe('done');
    store.setCurrentAnnotator('Omar');
    expect(store.listDocuments()[0]!.status).toBe('not_started');
    expect(store.documentStatuses(documentId).map((entry) => [entry.annotatorName, entry.status])).toEqual([['أمل', 'done']]);
  });
});
