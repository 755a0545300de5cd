// The import size limits as a user meets them through dispatch: one file over 10 MB is named with
// its size; a batch over the total limit is refused whole; either way nothing is written.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES } from '../shared/rpc/contract';
import type { RpcDispatch } from '../shared/rpc/rpc-client';
import { createDispatch } from './create-dispatch';
import { openDatabase } from './open-database';
import { dumpDatabase } from './test-support/dump-database';

/** Valid UTF-8 Arabic text of exactly `bytes` bytes (each «ب» is 2 bytes, the padding 1). */
function arabicFile(name: string, bytes: number) {
  const text = 'ب'.repeat(Math.floor(bytes / 2)) + ' '.repeat(bytes % 2);
  return { name, dataBase64: Buffer.from(text, 'utf8').toString('base64') };
}

describe('import size limits', () => {
  let db: Database.Database;
  let dispatch: RpcDispatch;
  beforeEach(() => {
    db = openDatabase(':memory:');
    dispatch = createDispatch(db, { databasePath: ':memory:', appVersion: 'test' });
  });
  afterEach(() => db.close());

  it('names a file just over the per-file limit and its size', () => {
    const before = dumpDatabase(db);
    const result = dispatch('documents.import', { files: [arabicFile('big.txt', MAX_IMPORT_BYTES + 200_000)] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
    expect(!result.ok && result.error.message).toMatch(/big\.txt.*10\.2 MB.*limit is 10 MB/);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('refuses a batch whose files together exceed the total limit, importing none of them', () => {
    const before = dumpDatabase(db);
    const perFile = MAX_IMPORT_BYTES - 1024;
    const count = Math.ceil(MAX_IMPORT_TOTAL_BYTES / perFile) + 1;
    const files = Array.from({ length: count }, (_, i) => arabicFile(`part-${i}.txt`, perFile - i));
    const result = dispatch('documents.import', { files });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!result.ok && result.error.message).toContain('at most 40 MB');
    expect(dumpDatabase(db)).toEqual(before);
  });
});
