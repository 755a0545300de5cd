// Isnad export format v1: the contract data users rely on. The committed JSON Schema
// (isnad-export-v1.schema.json) is generated from these zod schemas by `npm run schema`.
import { z } from 'zod';

const isoTimestamp = z.iso.datetime({ offset: true });
const offset = z.int().nonnegative();

export const ExportSpanV1 = z
  .object({
    id: z.string().min(1),
    annotator: z.string().min(1).describe('Id of an entry in `annotators`.'),
    label: z.string().min(1),
    start: offset.describe('Start, in Unicode code points, inclusive.'),
    end: offset.describe('End, in Unicode code points, exclusive.'),
    startUtf16: offset.describe('Start, in UTF-16 code units, inclusive.'),
    endUtf16: offset.describe('End, in UTF-16 code units, exclusive.'),
    text: z.string().describe('The covered text: the slice [start, end) of the document text.'),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .strict();

export const ExportDocumentV1 = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    lang: z.string().min(2).describe('BCP 47 language tag of the text.'),
    direction: z.enum(['rtl', 'ltr']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the UTF-8 bytes of `text`, lowercase hex.'),
    text: z.string().describe('Canonical text: no BOM, \\n line endings, Unicode NFC.'),
    spans: z.array(ExportSpanV1),
  })
  .strict();

export const ExportAnnotatorV1 = z.object({ id: z.string().min(1), name: z.string().min(1) }).strict();

export const ExportFileV1 = z
  .object({
    format: z.literal('isnad'),
    version: z.literal(1),
    exportedAt: isoTimestamp,
    annotators: z.array(ExportAnnotatorV1),
    documents: z.array(ExportDocumentV1),
  })
  .strict()
  .describe('Isnad annotation export, format version 1.');

export type ExportSpanV1 = z.infer<typeof ExportSpanV1>;
export type ExportDocumentV1 = z.infer<typeof ExportDocumentV1>;
export type ExportFileV1 = z.infer<typeof ExportFileV1>;
