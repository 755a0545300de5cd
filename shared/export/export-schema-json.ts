// The published JSON Schema of export format v1, generated from the zod schema (never hand-edited).
import { z } from 'zod';
import { ExportFileV1 } from './export-v1';

export const EXPORT_SCHEMA_ID = 'https://isnad.invalid/schemas/isnad-export-v1.schema.json';

export function exportSchemaJson(): string {
  const schema = z.toJSONSchema(ExportFileV1, { target: 'draft-2020-12' });
  return `${JSON.stringify({ $id: EXPORT_SCHEMA_ID, title: 'Isnad export v1', ...schema }, null, 2)}\n`;
}
