// Saving an export to the chosen file: the file holds exactly the export, and a failed export leaves
// an existing file as it was and no partial file beside it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportInFormat } from './export-corpus';
import { importCorpus } from './import-corpus';
import { openDatabase } from './open-database';
import { saveExportToFile } from './save-export-file';

let db: Database.Database;
let dir: string;
beforeEach(() => {
  db = openDatabase(':memory:');
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-save-export-'));
  const text = '😀 قال وزير الدفاع لويد أوستن إن الضربات دقيقة.';
  importCorpus(db, [{ document: { id: 'a', title: 'أ', text, spans: [{ id: 's1', label: 'speaker', startUtf16: 7, endUtf16: 29 }], relations: [] }, file: 'seed' }], { annotator: 'Sara' });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saveExportToFile', () => {
  it('writes the same bytes as the export, and counts them', () => {
    const target = path.join(dir, 'doccano.jsonl');
    const saved = saveExportToFile(db, { format: 'doccano' }, target);
    const content = readFileSync(target, 'utf8');
    expect(content).toBe(exportInFormat(db, { format: 'doccano' }).files[0]!.content);
    expect(saved).toMatchObject({ saved: true, fileName: 'doccano.jsonl', bytes: Buffer.byteLength(content), documentCount: 1, spanCount: 1 });
    expect(readdirSync(dir)).toEqual(['doccano.jsonl']);
  });

  it('a failed export keeps the existing file and leaves no partial file', () => {
    const target = path.join(dir, 'export.json');
    writeFileSync(target, 'earlier export');
    expect(() => saveExportToFile(db, { format: 'isnad', annotatorNames: ['Omar'] }, target)).toThrow(/Omar/u);
    expect(() => saveExportToFile(db, { format: 'brat' }, target)).toThrow(/brat/u);
    expect(readFileSync(target, 'utf8')).toBe('earlier export');
    expect(readdirSync(dir)).toEqual(['export.json']);
  });
});
