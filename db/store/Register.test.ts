// The register across documents: finding the Pentagon by any of the names the article uses,
// the claims attributed to an entry, and merging duplicates (links move, all logged, undo safe).
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importTextFiles } from '../import-text-files';
import { openDatabase } from '../open-database';
import { pentagonSession, storeFailure, type PentagonSession } from '../test-support/pentagon-session';

describe('Register', () => {
  let db: Database.Database;
  let session: PentagonSession;
  beforeEach(() => {
    db = openDatabase(':memory:');
    session = pentagonSession(db);
  });
  afterEach(() => db.close());

  it('finds «وزارة الدفاع الأميركية "البنتاغون"» by its full name, «البنتاغون» or «وزارة الدفاع», in any spelling', () => {
    const { register } = session.store;
    const pentagon = register.create('speaker', 'وزارة الدفاع الأميركية "البنتاغون"');
    const minister = register.create('speaker', 'وزير الدفاع الأميركي لويد أوستن');
    register.create('speaker', 'جو بايدن');
    register.create('source', 'البنتاغون');
    expect(pentagon.normalizedName).toBe('وزاره الدفاع الاميركيه البنتاغون');

    const names = (query: string) => register.search('speaker', query).map((entity) => entity.name);
    expect(names('وزارة الدفاع الأميركية "البنتاغون"')).toEqual([pentagon.name]);
    expect(names('البنتاغون')).toEqual([pentagon.name]);
    expect(names('وزارة الدفاع')).toEqual([pentagon.name]);
    // Without the hamza and with ه for ة, as people type; and one word of the name is enough.
    expect(names('وزاره الدفاع الامريكيه')).toEqual([]);
    expect(names('وزاره الدفاع الاميركيه')).toEqual([pentagon.name]);
    expect(names('الدفاع').sort()).toEqual([pentagon.name, minister.name].sort());
    expect(names('أوستن')).toEqual([minister.name]);
    expect(names('حماس')).toEqual([]);
  });

  it('reuses the entry with the same normalized name instead of creating a duplicate', () => {
    const { register } = session.store;
    const first = register.create('speaker', 'البنتاغون');
    expect(register.create('speaker', ' البنتاغونُ ').id).toBe(first.id);
    expect(register.create('source', 'البنتاغون').id).not.toBe(first.id);
    expect(register.list('speaker')).toHaveLength(1);
    expect(storeFailure(() => register.create('speaker', '"…"')).code).toBe('CONFLICT');
  });

  it('lists every claim attributed to an entry, across documents, through said_by and according_to', () => {
    const { store, span, documentId } = session;
    const pentagon = store.register.create('speaker', 'وزارة الدفاع الأميركية "البنتاغون"');
    const first = span('claim', 'القوات الأميركية وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني في شرق سوريا');
    const firstSpeaker = span('speaker', 'وزارة الدفاع الأميركية "البنتاغون"');
    store.linkSpanEntity(firstSpeaker.id, pentagon.id);
    store.createRelation({ type: 'said_by', fromSpanId: first.id, toSpanId: firstSpeaker.id });
    span('claim', 'القوات الأميركية تعرضت للاستهداف في العراق'); // not attributed: not listed

    const [other] = importTextFiles(store, [{ name: 'other.txt', bytes: new TextEncoder().encode('وذكر البنتاغون أن 21 عنصرا أصيبوا بجروح طفيفة.') }]);
    const otherText = store.getDocument(other!.document.id).document.text;
    const at = (phrase: string) => ({ documentId: other!.document.id, startUtf16: otherText.indexOf(phrase), endUtf16: otherText.indexOf(phrase) + phrase.length });
    const second = store.createSpan({ label: 'claim', ...at('21 عنصرا أصيبوا بجروح طفيفة') });
    const secondSpeaker = store.createSpan({ label: 'speaker', ...at('البنتاغون') });
    store.linkSpanEntity(secondSpeaker.id, store.register.search('speaker', 'البنتاغون')[0]!.id);
    store.createRelation({ type: 'said_by', fromSpanId: second.id, toSpanId: secondSpeaker.id });

    const claims = store.register.claims(pentagon.id);
    expect(claims.map((claim) => [claim.documentId, claim.relationType, claim.claim.text, claim.via.text])).toEqual([
      [documentId, 'said_by', first.text, 'وزارة الدفاع الأميركية "البنتاغون"'],
      [other!.document.id, 'said_by', '21 عنصرا أصيبوا بجروح طفيفة', 'البنتاغون'],
    ]);
    expect(store.register.list('speaker')[0]!.linkCount).toBe(2);

    // A source entry collects the claims made according to it.
    const ministry = store.register.create('source', 'إحصائيات وزارة الصحة في غزة');
    const figures = span('claim', 'تسبب بمقتل أكثر من 7000 فلسطيني');
    const sourceSpan = span('source', 'آخر إحصائيات وزارة الصحة');
    store.linkSpanEntity(sourceSpan.id, ministry.id);
    store.createRelation({ type: 'according_to', fromSpanId: figures.id, toSpanId: sourceSpan.id });
    expect(store.register.claims(ministry.id).map((claim) => [claim.relationType, claim.claim.id])).toEqual([['according_to', figures.id]]);
  });

  it('merges duplicates: links move to the kept entry, the others are retired, and it is logged', () => {
    const { store, span, documentId } = session;
    const pentagon = store.register.create('speaker', 'وزارة الدفاع الأميركية "البنتاغون"');
    const shortName = store.register.create('speaker', 'البنتاغون');
    const claim = span('claim', 'أن القوات الأميركية تعرضت للاستهداف في العراق');
    const speaker = span('speaker', 'البنتاغون', 2);
    store.linkSpanEntity(speaker.id, shortName.id);
    store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });

    const { entity, movedLinks } = store.register.merge(pentagon.id, [shortName.id]);
    expect(movedLinks).toBe(1);
    expect(entity).toMatchObject({ id: pentagon.id, linkCount: 1 });
    expect(store.spanById(speaker.id).entityId).toBe(pentagon.id);
    expect(store.register.list('speaker').map((e) => e.id)).toEqual([pentagon.id]);
    expect(store.register.claims(pentagon.id).map((c) => c.claim.id)).toEqual([claim.id]);
    expect(storeFailure(() => store.linkSpanEntity(speaker.id, shortName.id)).code).toBe('CONFLICT');
    expect(db.prepare("SELECT entity_id, action FROM entity_changes WHERE action = 'merge'").all()).toEqual([{ entity_id: shortName.id, action: 'merge' }]);

    // Undoing and redoing the old link to the retired entry lands on the entry that absorbed it.
    store.undo(documentId); // the relation
    store.undo(documentId); // the link
    expect(store.spanById(speaker.id).entityId).toBeNull();
    store.redo(documentId);
    expect(store.spanById(speaker.id).entityId).toBe(pentagon.id);
  });

  it('refuses merging entries of different kinds or an entry into itself', () => {
    const { register } = session.store;
    const speaker = register.create('speaker', 'البنتاغون');
    const source = register.create('source', 'بيان البنتاغون');
    expect(storeFailure(() => register.merge(speaker.id, [source.id])).code).toBe('CONFLICT');
    expect(storeFailure(() => register.merge(speaker.id, [speaker.id])).message).toBe('An entry cannot be merged into itself.');
    expect(storeFailure(() => register.merge(speaker.id, ['missing'])).code).toBe('NOT_FOUND');
  });
});
