// The gold backend through the RPC dispatch: documents matched by text hash, gold spans written in
// one logged transaction, refused whole when any part is wrong, undone on gold's own stack, exported alone.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcMethod, RpcRequest, RpcResponse } from '../../shared/rpc/contract';
import type { RpcError } from '../../shared/rpc/rpc-error';
import { createDispatch } from '../create-dispatch';
import { openDatabase } from '../open-database';
import { pentagonSession, type PentagonSession } from '../test-support/pentagon-session';

describe('gold layer RPC', () => {
  let db: Database.Database;
  let session: PentagonSession;
  let call: <M extends RpcMethod>(method: M, payload: RpcRequest<M>) => RpcResponse<M>;
  let fail: <M extends RpcMethod>(method: M, payload: RpcRequest<M>) => RpcError;

  beforeEach(() => {
    db = openDatabase(':memory:');
    session = pentagonSession(db);
    const dispatch = createDispatch(db, { databasePath: ':memory:', appVersion: 'test' });
    call = (method, payload) => {
      const result = dispatch(method, payload);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as never;
    };
    fail = (method, payload) => {
      const result = dispatch(method, payload);
      if (result.ok) throw new Error('expected a failure');
      return result.error;
    };
  });
  afterEach(() => db.close());

  const goldView = (spans: { label: string; text: string; annotatorName: string }[]) => spans.map((s) => [s.annotatorName, s.label, s.text]);
  const changeCount = () => (db.prepare('SELECT COUNT(*) AS n FROM span_changes').get() as { n: number }).n;

  it('finds the document by the SHA-256 of its text, and stores a text it does not have', () => {
    const sha256 = createHash('sha256').update(session.text, 'utf8').digest('hex');
    expect(call('gold.get', { sha256 })).toMatchObject({ documentId: session.documentId, goldAnnotatorId: null, spans: [] });
    expect(call('gold.ensureDocument', { title: 'another title', text: session.text }).documentId).toBe(session.documentId);

    const newText = 'قال المتحدث إن المحادثات مستمرة.';
    const created = call('gold.ensureDocument', { title: 'خبر', text: newText });
    expect(created.documentId).not.toBe(session.documentId);
    expect(call('documents.get', { documentId: created.documentId }).document.text).toBe(newText);
    expect(call('gold.ensureDocument', { title: 'خبر', text: newText }).documentId).toBe(created.documentId);
    expect(fail('gold.ensureDocument', { title: 'x', text: 'سطر\r\nآخر' }).code).toBe('INVALID_FILE');
  });

  it('adds and removes gold spans as the annotator "gold", leaving the annotators\' spans alone', () => {
    const mine = session.span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    const claim = session.rangeOf('الضربات الدقيقة هي للدفاع عن النفس');
    const speaker = session.rangeOf('لويد أوستن');
    const first = call('gold.apply', {
      documentId: session.documentId,
      add: [{ label: 'claim', ...claim, attributes: { claimType: 'direct_quote' } }, { label: 'speaker', ...speaker }],
      removeSpanIds: [],
    });
    // In text order: the speaker's name comes before the claim in this article.
    expect(goldView(first.spans)).toEqual([
      ['gold', 'speaker', 'لويد أوستن'],
      ['gold', 'claim', 'الضربات الدقيقة هي للدفاع عن النفس'],
    ]);
    expect(first.spans[1]!.attributes.claimType).toBe('direct_quote');
    expect(first.canUndo).toBe(true);

    const second = call('gold.apply', { documentId: session.documentId, add: [], removeSpanIds: [first.spans[0]!.id] });
    expect(goldView(second.spans)).toEqual([['gold', 'claim', 'الضربات الدقيقة هي للدفاع عن النفس']]);
    const all = call('documents.get', { documentId: session.documentId }).spans;
    expect(all.map((span) => span.id)).toContain(mine.id);
  });

  it('adds nothing twice: the same gold span applied again is kept once', () => {
    const claim = { label: 'claim', ...session.rangeOf('لويد أوستن') };
    call('gold.apply', { documentId: session.documentId, add: [claim], removeSpanIds: [] });
    expect(call('gold.apply', { documentId: session.documentId, add: [claim, claim], removeSpanIds: [] }).spans).toHaveLength(1);
  });

  it('refuses the whole change when one span is wrong, and writes nothing', () => {
    const good = { label: 'claim', ...session.rangeOf('لويد أوستن') };
    const existing = call('gold.apply', { documentId: session.documentId, add: [good], removeSpanIds: [] });
    const before = changeCount();
    const length = session.text.length;
    const cases: [RpcRequest<'gold.apply'>, string][] = [
      [{ documentId: session.documentId, add: [{ label: 'speaker', startUtf16: 0, endUtf16: 3 }, { label: 'claim', startUtf16: 5, endUtf16: length + 1 }], removeSpanIds: [existing.spans[0]!.id] }, 'INVALID_SPAN'],
      [{ documentId: session.documentId, add: [{ label: 'rumour', startUtf16: 0, endUtf16: 3 }], removeSpanIds: [existing.spans[0]!.id] }, 'UNKNOWN_LABEL'],
      [{ documentId: session.documentId, add: [{ label: 'claim', startUtf16: 0, endUtf16: 3, attributes: { claimType: 'rumour' } }], removeSpanIds: [] }, 'INVALID_ATTRIBUTE'],
      [{ documentId: session.documentId, add: [{ label: 'claim', startUtf16: 0, endUtf16: 3 }], removeSpanIds: [session.span('speaker', 'لويد أوستن').id] }, 'NOT_FOUND'],
      [{ documentId: session.documentId, add: [{ label: 'claim', startUtf16: -1, endUtf16: 3 }], removeSpanIds: [] }, 'BAD_REQUEST'],
      [{ documentId: 'no-such-document', add: [good], removeSpanIds: [] }, 'NOT_FOUND'],
    ];
    for (const [payload, code] of cases) {
      const error = fail('gold.apply', payload);
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(10);
    }
    // The helper's own span.span() above logged one change; gold logged none.
    expect(changeCount()).toBe(before + 1);
    expect(goldView(call('gold.get', { sha256: createHash('sha256').update(session.text).digest('hex') })!.spans)).toEqual([['gold', 'claim', 'لويد أوستن']]);
  });

  it('logs gold changes and undoes and redoes them on gold\'s own stack, not the reviewer\'s', () => {
    const claim = { label: 'claim', ...session.rangeOf('لويد أوستن') };
    const applied = call('gold.apply', { documentId: session.documentId, add: [claim], removeSpanIds: [] });
    const logged = db.prepare("SELECT o.kind, a.name FROM span_changes c JOIN operations o ON o.seq = c.operation_seq JOIN annotators a ON a.id = o.annotator_id WHERE c.span_id = ?").all(applied.spans[0]!.id);
    // The reviewer (the session's current annotator) is named as acting; the span is gold's.
    expect(logged).toEqual([{ kind: 'gold.apply', name: 'أمل' }]);
    expect(applied.spans[0]!.annotatorName).toBe('gold');

    expect(call('history.undo', { documentId: session.documentId }).changed).toBe(false);
    const undone = call('gold.undo', { documentId: session.documentId });
    expect(undone).toMatchObject({ changed: true, spans: [], canRedo: true });
    const redone = call('gold.redo', { documentId: session.documentId });
    expect(goldView(redone.spans)).toEqual([['gold', 'claim', 'لويد أوستن']]);
    expect(call('gold.redo', { documentId: session.documentId }).changed).toBe(false);
  });

  it('links gold spans once both ends are in gold, and unlinks them', () => {
    const claim = { label: 'claim', ...session.rangeOf('الضربات الدقيقة هي للدفاع عن النفس') };
    const speaker = { label: 'speaker', ...session.rangeOf('لويد أوستن') };
    const saidBy = { type: 'said_by', from: claim, to: speaker };
    // The speaker is not in gold yet: the link waits.
    expect(call('gold.apply', { documentId: session.documentId, add: [claim], removeSpanIds: [], links: [saidBy] }).relations).toEqual([]);
    const linked = call('gold.apply', { documentId: session.documentId, add: [speaker], removeSpanIds: [], links: [saidBy, saidBy] });
    expect(linked.relations.map((relation) => [relation.type, relation.annotatorName])).toEqual([['said_by', 'gold']]);
    const claimId = linked.spans.find((span) => span.label === 'claim')!.id;
    expect(linked.relations[0]!.fromSpanId).toBe(claimId);

    const before = changeCount();
    const wrongWay = fail('gold.apply', { documentId: session.documentId, add: [], removeSpanIds: [], links: [{ type: 'said_by', from: speaker, to: claim }], removeRelationIds: [linked.relations[0]!.id] });
    expect(wrongWay.code).toBe('INVALID_RELATION');
    expect(changeCount()).toBe(before);

    const unlinked = call('gold.apply', { documentId: session.documentId, add: [], removeSpanIds: [], removeRelationIds: [linked.relations[0]!.id] });
    expect(unlinked.relations).toEqual([]);
    expect(call('gold.undo', { documentId: session.documentId }).relations).toHaveLength(1);
    const exported = call('export.build', { documentId: session.documentId, annotatorIds: [linked.goldAnnotatorId!] });
    expect(exported.documents[0]!.relations?.map((relation) => relation.type)).toEqual(['said_by']);
  });

  it('exports the gold layer alone with export.build', () => {
    session.span('speaker', 'لويد أوستن');
    const applied = call('gold.apply', { documentId: session.documentId, add: [{ label: 'claim', ...session.rangeOf('الضربات الدقيقة هي للدفاع عن النفس') }], removeSpanIds: [] });
    const exported = call('export.build', { documentId: session.documentId, annotatorIds: [applied.goldAnnotatorId!] });
    expect(exported.annotators.map((annotator) => annotator.name)).toEqual(['gold']);
    expect(exported.documents[0]!.spans.map((span) => [span.label, span.text])).toEqual([['claim', 'الضربات الدقيقة هي للدفاع عن النفس']]);
  });
});
