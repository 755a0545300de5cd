// Isnad export format v1: the contract data users rely on. The committed JSON Schema
// (isnad-export-v1.schema.json) is generated from these zod schemas by `npm run schema`.
//
// Growth within v1 (issue 3), all optional so that files written before still parse:
// - span `attributes` (name → value, as the schema defines them) and `entity` (id in `entities`);
// - document `relations` (typed links between two spans of the same annotator, e.g. claim said_by
//   speaker) and `status` (annotator id → not_started | in_progress | done);
// - file `entities` (the register entries the exported spans link to) and `schema` (the active
//   annotation schema: labels, relation types, attributes).
// - span `note` (issue 5): the annotator's free-text comment, absent when there is none.
// - document `meta` (issue 5): the metadata the document was imported with, absent when none.
import { z } from 'zod';
import { AnnotationSchema, AttributeValue, ENTITY_KINDS } from '../schemas/annotation-schema';
import { MAX_SPAN_NOTE_UTF16 } from '../text/normalize-span-note';
import { DocumentMeta } from './document-meta';

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
    attributes: z.record(z.string(), AttributeValue).optional().describe('Attribute values by name, as the schema defines them for the label.'),
    entity: z.string().min(1).optional().describe('Id of an entry in `entities`: the speaker or source this span names.'),
    note: z.string().min(1).max(MAX_SPAN_NOTE_UTF16).optional().describe("The annotator's free-text note on the span (brat AnnotatorNotes); absent when there is none."),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .strict();

export const ExportRelationV1 = z
  .object({
    id: z.string().min(1),
    annotator: z.string().min(1).describe('Id of an entry in `annotators`.'),
    type: z.string().min(1).describe('A relation type of the schema, e.g. "said_by".'),
    from: z.string().min(1).describe('Id of the span the relation starts at (e.g. the claim).'),
    to: z.string().min(1).describe('Id of the span it points to (e.g. the speaker).'),
    createdAt: isoTimestamp,
  })
  .strict();

export const ExportEntityV1 = z
  .object({
    id: z.string().min(1),
    kind: z.enum(ENTITY_KINDS),
    name: z.string().min(1),
    normalizedName: z.string().describe('The name as Isnad matches it: Arabic letter variants unified, diacritics and punctuation removed.'),
  })
  .strict();

export const DocumentStatusV1 = z.enum(['not_started', 'in_progress', 'done']);

export const ExportDocumentV1 = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    lang: z.string().min(2).describe('BCP 47 language tag of the text.'),
    direction: z.enum(['rtl', 'ltr']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the UTF-8 bytes of `text`, lowercase hex.'),
    meta: DocumentMeta.optional(),
    text: z.string().describe('Canonical text: no BOM, \\n line endings, Unicode NFC.'),
    spans: z.array(ExportSpanV1),
    relations: z.array(ExportRelationV1).optional(),
    status: z.record(z.string(), DocumentStatusV1).optional().describe('Progress by annotator id.'),
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
    entities: z.array(ExportEntityV1).optional().describe('Register entries linked from the exported spans.'),
    schema: AnnotationSchema.optional().describe('The annotation schema the spans were made with.'),
  })
  .strict()
  .describe('Isnad annotation export, format version 1.');

export type ExportSpanV1 = z.infer<typeof ExportSpanV1>;
export type ExportDocumentV1 = z.infer<typeof ExportDocumentV1>;
export type ExportRelationV1 = z.infer<typeof ExportRelationV1>;
export type ExportEntityV1 = z.infer<typeof ExportEntityV1>;
export type ExportFileV1 = z.infer<typeof ExportFileV1>;
