// The committed JSON Schema must be exactly what the zod schema generates: data users validate
// against the file, the code validates against zod, and the two must never drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSchemaJson } from '../../shared/export/export-schema-json';

describe('published export schema', () => {
  it('docs/isnad-export-v1.schema.json matches the zod schema (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../../docs/isnad-export-v1.schema.json'), 'utf8');
    expect(committed).toBe(exportSchemaJson());
  });

  it('requires both offset units and the covered text on every span', () => {
    const schema = JSON.parse(exportSchemaJson());
    const spanSchema = schema.properties.documents.items.properties.spans.items;
    expect(spanSchema.required).toEqual(expect.arrayContaining(['start', 'end', 'startUtf16', 'endUtf16', 'text']));
    expect(spanSchema.additionalProperties).toBe(false);
  });
});
