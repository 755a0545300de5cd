// Export → import into a fresh database → export gives the same file (ids kept), a second import
// changes nothing, and a bad file is refused with a message naming the problem, leaving the database as it was.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFileV1 } from '../shared/export/export-v1';
import { buildExport } from './build-export';
import { importIsnadExport, importIsnadExportJson, parseIsnadExportJson } from './import-isnad-export';
import { openDatabase } from './open-database';
import { Store } from './store/Store';
import { dumpDatabase } from './test-support/dump-database';
import { pentagonSession, storeFailure } from './test-support/pentagon-session';

const withoutExportedAt = (file: ExportFileV1) => ({ ...file, exportedAt: undefined });
// The whole-file call and the streamed one (document by document) must behave the same, messages included.
const importWays: [string, (db: Database.Database, json: string) => unknown][] = [
  ['parsed whole', (db, json) => importIsnadExport(db, parseIsnadExportJson(json, '«export.json»'))],
  ['streamed', (db, json) => importIsnadExportJson(db, json, '«export.json»')],
];

/** The example: two claims by Lloyd Austin («لويد أوستن», later «أوستن», one register entry) and a Pentagon statistic. */
function annotatePentagon(db: Database.Database): ExportFileV1 {
  const { store, span, documentId } = pentagonSession(db);
  const frame = (cueText: string, speakerText: string, speakerOccurrence: number, claimText: string) => {
    const cue = span('cue', cueText);
    const speaker = span('speaker', speakerText, speakerOccurrence);
    const claim = span('claim', claimText);
    store.createRelation({ type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
    store.createRelation({ type: 'cued_by', fromSpanId: claim.id, toSpanId: cue.id });
    return { claim, speaker };
  };
  const austin = store.register.create('speaker', 'لويد أوستن');
  const first = frame('وقال', 'لويد أوستن', 0, 'الضربات الدقيقة هي للدفاع عن النفس');
  const second = frame('وأوضح', 'أوستن', 1, 'الضربات تهدف فقط إلى حماية والدفاع عن قواتنا في العراق وسوريا');
  store.linkSpanEntity(first.speaker.id, austin.id);
  store.linkSpanEntity(second.speaker.id, austin.id);
  const statistic = frame('قالت', 'وزارة الدفاع الأميركية "البنتاغون"', 1, 'نحو 900 من القوات الأميركية الإضافية تتجه إلى الشرق الأوسط');
  store.setSpanAttributes(statistic.claim.id, { claimType: 'statistic' });
  store.linkSpanEntity(statistic.speaker.id, store.register.create('speaker', 'البنتاغون').id);
  store.setDocumentStatus(documentId, 'done');
  return buildExport(db);
}

for (const [way, importJson] of importWays) {
describe(`importIsnadExport (${way})`, () => {
  let source: Database.Database;
  let target: Database.Database;
  let exported: ExportFileV1;
  beforeEach(() => {
    source = openDatabase(':memory:');
    target = openDatabase(':memory:');
    exported = annotatePentagon(source);
  });
  afterEach(() => {
    source.close();
    target.close();
  });

  it('round-trips the issue example through a fresh database: frames, attributes, entities, status and ids', () => {
    const summary = importJson(target, JSON.stringify(exported));
    expect(summary).toMatchObject({ documentsAdded: 1, spansAdded: 9, spansUpdated: 0, relationsAdded: 6, entitiesAdded: 2 });
    const again = buildExport(target);
    expect(withoutExportedAt(again)).toEqual(withoutExportedAt(exported));

    // The two Austin mentions still share one register entry, whose claims span both frames.
    const store = Store.for(target);
    const austin = store.register.search('speaker', 'اوستن')[0]!;
    expect(austin).toMatchObject({ name: 'لويد أوستن', linkCount: 2 });
    expect(store.register.claims(austin.id).map((claim) => claim.claim.text)).toEqual([
      'الضربات الدقيقة هي للدفاع عن النفس',
      'الضربات تهدف فقط إلى حماية والدفاع عن قواتنا في العراق وسوريا',
    ]);
    const statistic = again.documents[0]!.spans.find((span) => span.attributes?.['claimType'] === 'statistic');
    expect(statistic?.text).toBe('نحو 900 من القوات الأميركية الإضافية تتجه إلى الشرق الأوسط');
  });

  it('logs the import as one operation per document and annotator, on no undo stack', () => {
    importJson(target, JSON.stringify(exported));
    const operations = target.prepare<[], { kind: string; document_id: string | null }>('SELECT kind, document_id FROM operations').all();
    expect(operations).toEqual([
      { kind: 'documents.importIsnad', document_id: null }, // the register entries it created
      { kind: 'documents.importIsnad', document_id: exported.documents[0]!.id },
    ]);
    // What it created is listed once for the document's operation (schema v3), not snapshot by snapshot.
    const logged = target.prepare<[], { span_ids: string; relation_ids: string }>('SELECT span_ids, relation_ids FROM import_changes').all();
    const spanIds = target.prepare<[], { id: string }>('SELECT id FROM spans ORDER BY id').all().map((row) => row.id);
    expect(spanIds).toHaveLength(9);
    expect(logged.map((row) => (JSON.parse(row.span_ids) as string[]).sort())).toEqual([spanIds]);
    expect(JSON.parse(logged[0]!.relation_ids)).toHaveLength(target.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM relations').get()!.n);
    expect(target.prepare('SELECT COUNT(*) AS n FROM history_stack').get()).toEqual({ n: 0 });
  });

  it('is idempotent: importing the same file again, or into the database it came from, changes nothing', () => {
    importJson(target, JSON.stringify(exported));
    const once = dumpDatabase(target);
    const summary = importJson(target, JSON.stringify(exported));
    expect(summary).toMatchObject({ documentsAdded: 0, spansAdded: 0, spansUpdated: 0, relationsAdded: 0, entitiesAdded: 0 });
    expect(dumpDatabase(target)).toEqual(once);

    const original = dumpDatabase(source);
    importJson(source, JSON.stringify(exported));
    expect(dumpDatabase(source)).toEqual(original);
  });

  it('matches spans by document, annotator, label and offsets when their ids differ, and takes the file’s attributes', () => {
    importJson(target, JSON.stringify(exported));
    const renamed = structuredClone(exported);
    const statistic = renamed.documents[0]!.spans.find((span) => span.attributes?.['claimType'] === 'statistic')!;
    for (const relation of renamed.documents[0]!.relations ?? []) if (relation.from === statistic.id) relation.from = 'renamed-claim';
    statistic.id = 'renamed-claim';
    statistic.attributes = { ...statistic.attributes, checkWorthy: 'yes' };
    const summary = importJson(target, JSON.stringify(renamed));
    expect(summary).toMatchObject({ spansAdded: 0, spansUpdated: 1, relationsAdded: 0 });
    const spans = buildExport(target).documents[0]!.spans;
    expect(spans).toHaveLength(9);
    expect(spans.find((span) => span.text === statistic.text && span.label === 'claim')?.attributes).toMatchObject({ claimType: 'statistic', checkWorthy: 'yes' });
  });

  describe('refuses bad files and leaves the database unchanged', () => {
    const edit = (change: (file: ExportFileV1) => void) => {
      const file = structuredClone(exported);
      change(file);
      return JSON.stringify(file);
    };
    const cases: { name: string; json: () => string; message: RegExp }[] = [
      { name: 'malformed JSON', json: () => '{"format": "isnad", "version": 1,', message: /«export\.json» is not valid JSON/ },
      { name: 'not an Isnad file', json: () => '{"spans": []}', message: /is not an Isnad export/ },
      { name: 'a later version', json: () => edit((file) => Object.assign(file, { version: 2 })), message: /version 2; this Isnad reads version 1/ },
      {
        name: 'a span whose text does not match its offsets',
        json: () => edit((file) => void (file.documents[0]!.spans[0]!.text = 'نص آخر')),
        message: /document «واشنطن: [^»]*» \([0-9a-f-]+\), span «.+»: "text" is «نص آخر» but the document has «.+» there/,
      },
      {
        name: 'code point and UTF-16 offsets that disagree',
        json: () => edit((file) => void (file.documents[0]!.spans[0]!.start += 1)),
        message: /span «.+»: start\/end \(\d+–\d+ code points\) and startUtf16\/endUtf16 \(\d+–\d+\) disagree/,
      },
      {
        name: 'an unknown label',
        json: () => edit((file) => void (file.documents[0]!.spans[0]!.label = 'rumour')),
        message: /unknown label «rumour»; the labels are claim, speaker, source, cue/,
      },
      {
        name: 'an attribute value the schema does not allow',
        json: () => edit((file) => void (file.documents[0]!.spans.find((span) => span.label === 'claim')!.attributes = { claimType: 'gossip' })),
        message: /"gossip" is not a value of "claimType"/,
      },
      {
        name: 'a relation to a span that is not there',
        json: () => edit((file) => void (file.documents[0]!.relations![0]!.to = 'missing-span')),
        message: /relation «.+»: span «missing-span» is not a span of this document/,
      },
      {
        name: 'a text edited after export (sha256 mismatch)',
        json: () => edit((file) => void (file.documents[0]!.text = `${file.documents[0]!.text} `)),
        message: /sha256 does not match the text/,
      },
    ];
    for (const { name, json, message } of cases) {
      it(name, () => {
        const before = dumpDatabase(target);
        const failure = storeFailure(() => importJson(target, json()));
        expect(failure.code).toBe('INVALID_FILE');
        expect(failure.message).toMatch(message);
        expect(dumpDatabase(target)).toEqual(before);
      });
    }
  });
});
}
