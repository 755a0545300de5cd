// Imports are all-or-nothing, keyed by the text's hash: one bad file imports nothing, and the
// same text imported twice (even with other line endings or a BOM) is stored once.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from './database-errors';
import { importTextFiles } from './import-text-files';
import { openDatabase } from './open-database';
import { dumpDatabase } from './test-support/dump-database';
import { fixturePath } from './test-support/fixture-path';

const utf8 = (text: string) => new TextEncoder().encode(text);
const FIXTURES = ['pentagon-strikes-syria-ar.txt', 'ud-arabic-padt-alhayat.20010204.0082-ar.txt', 'ud-arabic-padt-assabah.20041005.0017-ar.txt'];

describe('importTextFiles', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('imports several real articles in order, returning their summaries', () => {
    const files = FIXTURES.map((name) => ({ name, bytes: fs.readFileSync(fixturePath(name)) }));
    const imported = importTextFiles(db, files);
    expect(imported.map((entry) => entry.name)).toEqual(FIXTURES);
    expect(imported.every((entry) => entry.created && entry.document.spanCount === 0)).toBe(true);
    expect(new Set(imported.map((entry) => entry.document.id)).size).toBe(3);
    const listed = db.prepare<[], { source_name: string }>('SELECT source_name FROM documents ORDER BY rowid').all();
    expect(listed.map((row) => row.source_name)).toEqual(FIXTURES);
  });

  it('imports nothing when one file of the batch is bad, naming that file', () => {
    const before = dumpDatabase(db);
    let thrown: unknown;
    try {
      importTextFiles(db, [
        { name: 'good.txt', bytes: utf8('قال الوزير') },
        { name: 'bad.txt', bytes: new Uint8Array([0xd8, 0x20, 0xff]) },
      ]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreError);
    expect((thrown as StoreError).code).toBe('INVALID_FILE');
    expect((thrown as StoreError).message).toMatch(/^«bad\.txt» is not valid UTF-8 text/);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('returns the existing document for a text already imported, without duplicating it', () => {
    const [first] = importTextFiles(db, [{ name: 'a.txt', bytes: utf8('قال الوزير\nإن الاتفاق') }]);
    const again = importTextFiles(db, [
      { name: 'a-windows.txt', bytes: utf8('\ufeffقال الوزير\r\nإن الاتفاق') },
      { name: 'other.txt', bytes: utf8('نص آخر') },
      { name: 'other-copy.txt', bytes: utf8('نص آخر') },
    ]);
    expect(again.map((entry) => entry.created)).toEqual([false, true, false]);
    expect(again[0]!.document).toEqual(first!.document);
    expect(again[2]!.document.id).toBe(again[1]!.document.id);
    expect(db.prepare('SELECT COUNT(*) AS n FROM documents').get()).toEqual({ n: 2 });
  });
});
