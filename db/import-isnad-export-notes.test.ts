// Span notes through Isnad JSON: export → import into a fresh database keeps every note (both the
// whole-file and the streamed import), a second import changes nothing, a changed note updates the
// same span and is logged, and a file written before notes existed still imports.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV1 } from '../shared/export/export-v1';
import { buildExport } from './build-export';
import { importIsnadExport, importIsnadExportJson } from './import-isnad-export';
import { openDatabase } from './open-database';
import { fromSpanSnapshotJson } from './store/map-rows';
import { Store } from './store/Store';
import { dumpDatabase } from './test-support/dump-database';
import { pentagonSession } from './test-support/pentagon-session';

const NOTE = 'اقتباس مباشر؟\n\nThe English release says "defensive".';

const ways: [string, (db: Database.Database, file: ExportFileV1) => unknown][] = [
  ['parsed whole', (db, file) => importIsnadExport(db, file)],
  ['streamed', (db, file) => importIsnadExportJson(db, JSON.stringify(file), '«notes.json»')],
];

const notesOf = (db: Database.Database) => buildExport(db).documents.flatMap((document) => document.spans.map((span) => [span.text, span.note ?? null]));

for (const [way, importFile] of ways) {
  describe(`span notes in Isnad JSON (${way})`, () => {
    let source: Database.Database;
    let target: Database.Database;
    let exported: ExportFileV1;
    beforeEach(() => {
      source = openDatabase(':memory:');
      target = openDatabase(':memory:');
      const { store, span } = pentagonSession(source);
      const claim = span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
      span('speaker', 'لويد أوستن');
      store.setSpanNote(claim.id, NOTE);
      exported = buildExport(source);
    });
    afterEach(() => {
      source.close();
      target.close();
    });

    it('keeps each note through export and import, and a second import changes nothing', () => {
      expect(exported.documents[0]!.spans.map((span) => span.note)).toEqual([undefined, NOTE]);
      importFile(target, exported);
      expect(notesOf(target)).toEqual(notesOf(source));
      const before = dumpDatabase(target);
      expect(importFile(target, exported)).toMatchObject({ spansAdded: 0, spansUpdated: 0 });
      expect(dumpDatabase(target)).toEqual(before);
    });

    it('updates the same span when the note changed in the file, logging the change; a note removed in the file is removed', () => {
      importFile(target, exported);
      const changed = structuredClone(exported);
      changed.documents[0]!.spans[1]!.note = 'ملاحظة معدلة';
      delete changed.documents[0]!.spans[0]!.note;
      expect(importFile(target, changed)).toMatchObject({ spansAdded: 0, spansUpdated: 1 });
      expect(notesOf(target).map(([, note]) => note)).toEqual([null, 'ملاحظة معدلة']);
      const rows = target.prepare<[], { before: string; after: string }>("SELECT before, after FROM span_changes WHERE action = 'update'").all();
      expect(rows.map((row) => [fromSpanSnapshotJson(row.before).note, fromSpanSnapshotJson(row.after).note])).toEqual([[NOTE, 'ملاحظة معدلة']]);
      delete changed.documents[0]!.spans[1]!.note;
      importFile(target, changed);
      expect(notesOf(target).map(([, note]) => note)).toEqual([null, null]);
    });

    it('refuses a note longer than 10,000 characters, naming the span', () => {
      const tooLong = structuredClone(exported);
      tooLong.documents[0]!.spans[0]!.note = 'ن'.repeat(10_001);
      expect(() => importFile(target, tooLong)).toThrow(/documents\.0\.spans\.0\.note|documents\[0\]\.spans\[0\]\.note/u);
      expect(Store.for(target).listDocuments()).toEqual([]);
    });
  });
}

describe('an Isnad JSON file written before notes existed', () => {
  it('still parses, and its spans have no note', () => {
    const db = openDatabase(':memory:');
    const { span } = pentagonSession(db);
    span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    const file = buildExport(db);
    expect(JSON.stringify(file)).not.toContain('"note"');
    expect(ExportFileV1.safeParse(file).success).toBe(true);
    const target = openDatabase(':memory:');
    importIsnadExport(target, file);
    expect(notesOf(target)).toEqual([['الضربات الدقيقة هي للدفاع عن النفس', null]]);
  });
});
