// What the exporter writes validates against the committed JSON Schema (docs/isnad-export-v1.schema.json)
// with ajv, for a database holding the hard cases: attributes, relations, register links, statuses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { hardDocument } from '../shared/formats/test-support/format-fixtures';
import { exportInFormat } from './export-corpus';
import { importCorpus } from './import-corpus';
import { openDatabase } from './open-database';
import { Store } from './store/Store';

const schemaPath = path.resolve(import.meta.dirname, '..', 'docs', 'isnad-export-v1.schema.json');

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}

describe('the committed JSON Schema accepts what the exporter writes', () => {
  it('an export with spans in both units, attributes, relations, a register link and a status', () => {
    const db = openDatabase(':memory:');
    const document = hardDocument();
    document.spans = document.spans.map(({ attributes: _dropped, ...span }) => (span.label === 'speaker' ? { ...span, attributes: { kind: 'government' } } : span));
    importCorpus(db, [{ document, file: 'hard' }], { annotator: 'amina' });
    const store = Store.for(db);
    store.setCurrentAnnotator('amina');
    const [summary] = store.listDocuments();
    store.setDocumentStatus(summary!.id, 'done');
    const speaker = store.getDocument(summary!.id).spans.find((span) => span.label === 'speaker')!;
    const entity = store.register.create('speaker', 'باتريك رايدر');
    store.linkSpanEntity(speaker.id, entity.id);

    const written = JSON.parse(exportInFormat(db, { format: 'isnad' }).files[0]!.content) as Record<string, unknown>;
    const validate = validator();
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    expect((written.entities as unknown[]).length).toBe(1);
  });

  it('rejects a file that breaks it (so the check can fail): a span without its UTF-16 offsets', () => {
    const db = openDatabase(':memory:');
    importCorpus(db, [{ document: { text: 'قال الوزير', spans: [{ id: 's', label: 'cue', startUtf16: 0, endUtf16: 3 }], relations: [] }, file: 'x' }], { annotator: 'amina' });
    const written = JSON.parse(exportInFormat(db, { format: 'isnad' }).files[0]!.content) as { documents: { spans: Record<string, unknown>[] }[] };
    delete written.documents[0]!.spans[0]!.startUtf16;
    expect(validator()(written)).toBe(false);
  });
});
