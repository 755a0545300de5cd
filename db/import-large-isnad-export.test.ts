// An Isnad JSON export far larger than the app's 20 MB one-request limit (a whole database exported
// with `isnad export`) imports from a file: read through a window, document by document.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ISNAD_IMPORT_BYTES } from '../shared/rpc/contract';
import { collectImportInputs } from './collect-import-inputs';
import { streamExport } from './export-corpus';
import { importFiles, readImportInputs } from './import-files';
import { importCorpus } from './import-corpus';
import { openDatabase } from './open-database';
import { Store } from './store/Store';
import { tempDatabasePath } from './test-support/temp-database-path';

const SENTENCE = 'قال المتحدث باسم الوزارة إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة. ';

describe('importing a large Isnad JSON export from a file', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => {
    const temp = tempDatabasePath();
    folder = path.dirname(temp.databasePath);
    cleanup = temp.cleanup;
  });
  afterEach(() => cleanup());

  it('imports every document and span of a 25 MB export into a fresh database', () => {
    const source = openDatabase(path.join(folder, 'source.sqlite'));
    // 700 documents of ~19,000 characters, two spans each: about 25 MB of JSON.
    const documents = Array.from({ length: 700 }, (_, index) => {
      const text = `${index + 1}: ${SENTENCE.repeat(250)}`;
      const said = text.indexOf('قال');
      return { document: { id: `doc${index}`, text, spans: [{ id: 'cue', label: 'cue', startUtf16: said, endUtf16: said + 3 }, { id: 'claim', label: 'claim', startUtf16: text.indexOf('المفاوضات'), endUtf16: text.indexOf(' في') }], relations: [] }, file: 'seed' };
    });
    importCorpus(source, documents, { annotator: 'ليلى' });
    const exportPath = path.join(folder, 'everything.json');
    let json = '';
    streamExport(source, { format: 'isnad' }, { open: () => {}, write: (chunk) => (json += chunk), close: () => {} });
    writeFileSync(exportPath, json);
    source.close();
    expect(Buffer.byteLength(json)).toBeGreaterThan(MAX_ISNAD_IMPORT_BYTES);

    const target = openDatabase(path.join(folder, 'target.sqlite'));
    const inputs = collectImportInputs([exportPath], folder, undefined);
    expect(inputs.isnadFiles).toHaveLength(1);
    const result = importFiles(Store.for(target), inputs, readImportInputs(inputs));
    expect(result.exports[0]!.summary).toMatchObject({ documentsAdded: 700, spansAdded: 1400 });
    const spans = target.prepare<[], { label: string; text: string }>('SELECT s.label, substr(d.text, s.start_utf16 + 1, s.end_utf16 - s.start_utf16) AS text FROM spans s JOIN documents d ON d.id = s.document_id').all();
    expect(spans).toHaveLength(1400);
    expect(new Set(spans.map((span) => `${span.label}:${span.text}`))).toEqual(new Set(['cue:قال', 'claim:المفاوضات ستستأنف الأسبوع المقبل']));
    target.close();
  });
});
