// The one place where RPC method names and payload shapes are written. Both transports
// (Electron IPC and the browser-mode HTTP server) carry exactly these methods.
import { z } from 'zod';
import type { GoldLayer } from '../adjudication/gold-layer';
import { ExportFileV1 } from '../export/export-v1';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../formats/detect-format';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_CHUNK_BYTES, type FormatExportResult, type FormatImportResult } from '../formats/format-rpc';
import { AttributeValue, ENTITY_KINDS, type AnnotationSchema } from '../schemas/annotation-schema';
import { MAX_SPAN_NOTE_UTF16 } from '../text/normalize-span-note';
import {
  DOCUMENT_STATUSES,
  type Annotator,
  type AppInfo,
  type DocumentAnnotations,
  type DocumentRecord,
  type DocumentSummary,
  type Entity,
  type EntityClaim,
  type HistoryResult,
  type IsnadImportSummary,
  type Label,
  type Relation,
  type SchemaSummary,
  type Span,
} from './domain';

/** Largest file accepted by an import, in bytes. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/**
 * Largest Isnad export file (JSON) accepted by documents.importIsnad, in bytes of UTF-8; the JSON
 * text travels as one string, so this stays well inside the HTTP transport's body limit.
 */
export const MAX_ISNAD_IMPORT_BYTES = 20 * 1024 * 1024;
/** Largest number of files in one import call. */
export const MAX_IMPORT_FILES = 2000;
/** Largest annotation schema file accepted by schemas.import, in UTF-16 code units. */
export const MAX_SCHEMA_JSON_UTF16 = 1024 * 1024;
/** Largest total size of the files in one import call, in bytes: one call is one transaction. */
export const MAX_IMPORT_TOTAL_BYTES = 40 * 1024 * 1024;
/** Largest number of gold spans added (or removed) by one gold.apply. */
export const MAX_GOLD_CHANGES = 10_000;
/** Base64 characters needed for a number of bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

const id = z.string().min(1).max(100);
const offsetUtf16 = z.int().nonnegative();

export const ImportFile = z.strictObject({
  name: z.string().min(1).max(500),
  // Bytes, not text: the node side must see the raw file to reject non-UTF-8 and binary input.
  // Base64 so the same payload works over IPC and JSON/HTTP. Up to twice the byte limit gets
  // through here, so that the store can name the oversized file and its size in its message.
  dataBase64: z.string().max(base64Length(2 * MAX_IMPORT_BYTES)),
});

const GoldSpanRef = z.strictObject({ label: z.string().min(1).max(100), startUtf16: offsetUtf16, endUtf16: offsetUtf16 });

/** What formats.export, formats.saveExport and the browser-mode GET /export take. */
export const FormatExportRequest = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  documentId: id.optional(),
  annotatorNames: z.array(z.string().trim().min(1).max(200)).min(1).max(100).optional(),
  conllLabels: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
});

/** formats.saveExport's answer; saved is false when the annotator cancelled the save dialog. */
export interface SavedExport {
  saved: boolean;
  fileName: string;
  bytes: number;
  documentCount: number;
  spanCount: number;
  warnings: string[];
}

/** Request schemas by method. A method with no payload takes an empty object. */
export const requestSchemas = {
  'app.info': z.strictObject({}),
  'annotators.current': z.strictObject({}),
  'annotators.setCurrent': z.strictObject({ name: z.string().trim().min(1).max(200) }),
  'labels.list': z.strictObject({}),
  'documents.list': z.strictObject({}),
  'documents.get': z.strictObject({ documentId: id }),
  'documents.import': z.strictObject({
    files: z
      .array(ImportFile)
      .min(1)
      .max(MAX_IMPORT_FILES)
      .refine((files) => files.reduce((sum, file) => sum + file.dataBase64.length, 0) <= base64Length(MAX_IMPORT_TOTAL_BYTES), {
        message: `the files of one import may total at most ${MAX_IMPORT_TOTAL_BYTES / (1024 * 1024)} MB; import them in smaller groups`,
      }),
  }),
  // An Isnad export file (.json) read back: its documents, spans, relations, entities and statuses.
  'documents.importIsnad': z.strictObject({ json: z.string().min(1).max(MAX_ISNAD_IMPORT_BYTES), fileName: z.string().min(1).max(500).optional() }),
  'documents.delete': z.strictObject({ documentId: id }),
  'spans.create': z.strictObject({ documentId: id, label: z.string().min(1).max(100), startUtf16: offsetUtf16, endUtf16: offsetUtf16 }),
  'spans.setLabel': z.strictObject({ spanId: id, label: z.string().min(1).max(100) }),
  'spans.delete': z.strictObject({ spanId: id }),
  'spans.setBounds': z.strictObject({ spanId: id, startUtf16: offsetUtf16, endUtf16: offsetUtf16 }),
  // null removes a value; names and values are checked against the active schema.
  'spans.setAttributes': z.strictObject({ spanId: id, attributes: z.record(z.string().min(1).max(64), AttributeValue.nullable()) }),
  'spans.linkEntity': z.strictObject({ spanId: id, entityId: id.nullable() }),
  // A free-text note on the span; blank or null removes it.
  'spans.setNote': z.strictObject({ spanId: id, note: z.string().trim().max(MAX_SPAN_NOTE_UTF16).nullable().transform((note) => (note === '' ? null : note)) }),
  'relations.create': z.strictObject({ type: z.string().min(1).max(64), fromSpanId: id, toSpanId: id }),
  'relations.delete': z.strictObject({ relationId: id }),
  'entities.search': z.strictObject({ kind: z.enum(ENTITY_KINDS), query: z.string().max(500), limit: z.int().min(1).max(100).optional() }),
  'entities.create': z.strictObject({ kind: z.enum(ENTITY_KINDS), name: z.string().trim().min(1).max(500) }),
  'entities.list': z.strictObject({ kind: z.enum(ENTITY_KINDS).optional() }),
  'entities.claims': z.strictObject({ entityId: id }),
  'entities.merge': z.strictObject({ keepId: id, mergeIds: z.array(id).min(1).max(100) }),
  'schemas.list': z.strictObject({}),
  'schemas.get': z.strictObject({ schemaId: id.optional() }),
  'schemas.setActive': z.strictObject({ schemaId: id }),
  'schemas.import': z.strictObject({ json: z.string().min(1).max(MAX_SCHEMA_JSON_UTF16) }),
  'documents.setStatus': z.strictObject({ documentId: id, status: z.enum(DOCUMENT_STATUSES) }),
  'history.undo': z.strictObject({ documentId: id }),
  'history.redo': z.strictObject({ documentId: id }),
  // annotatorIds: only these layers (e.g. the gold layer); every annotator when absent.
  'export.build': z.strictObject({ documentId: id.optional(), annotatorIds: z.array(id).min(1).max(100).optional() }),
  // Gold layer (adjudication): the spans of the annotator "gold"; see shared/adjudication/gold-layer.ts.
  'gold.get': z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256') }),
  'gold.ensureDocument': z.strictObject({ title: z.string().max(500), text: z.string().min(1).max(MAX_IMPORT_BYTES) }),
  'gold.apply': z.strictObject({
    documentId: id,
    add: z.array(z.strictObject({ label: z.string().min(1).max(100), startUtf16: offsetUtf16, endUtf16: offsetUtf16, attributes: z.record(z.string().min(1).max(64), AttributeValue).optional() })).max(MAX_GOLD_CHANGES),
    removeSpanIds: z.array(id).max(MAX_GOLD_CHANGES),
    // Links whose two ends are gold spans after the change are created (others wait for their ends).
    links: z.array(z.strictObject({ type: z.string().min(1).max(64), from: GoldSpanRef, to: GoldSpanRef })).max(MAX_GOLD_CHANGES).optional(),
    removeRelationIds: z.array(id).max(MAX_GOLD_CHANGES).optional(),
  }),
  'gold.undo': z.strictObject({ documentId: id }),
  'gold.redo': z.strictObject({ documentId: id }),
  // Interchange formats (shared/formats): a chunked upload that Node spools to a temporary folder and
  // imports in one transaction on imports.finish; formats.export writes any export format.
  'imports.begin': z.strictObject({
    files: z.array(z.strictObject({ name: z.string().min(1).max(500), bytes: z.int().nonnegative().max(MAX_UPLOAD_BYTES) })).min(1).max(MAX_IMPORT_FILES),
    // The layer that receives the spans (default: the annotator each span names, else the current one).
    annotator: z.string().trim().min(1).max(200).optional(),
    // Read every file in this format (like `isnad import --format`); by extension and content when absent.
    format: z.enum(IMPORT_FORMATS).optional(),
    // [file label, schema label or '' to leave its spans out] (like `isnad import --map-label FROM=TO`).
    labelMapping: z.array(z.tuple([z.string().trim().min(1).max(100), z.string().trim().max(100)])).max(200).optional(),
    // Label Studio: model predictions too, a layer per model_version (like `isnad import --predictions`).
    predictions: z.boolean().optional(),
  }),
  // atByte places the piece in its file, so the page may keep two pieces in flight; without it, the piece follows the last one.
  'imports.append': z.strictObject({ uploadId: id, fileIndex: z.int().nonnegative().max(MAX_IMPORT_FILES), dataBase64: z.string().min(1).max(base64Length(MAX_UPLOAD_CHUNK_BYTES)), atByte: z.int().nonnegative().max(MAX_UPLOAD_BYTES).optional() }),
  'imports.finish': z.strictObject({ uploadId: id }),
  'imports.cancel': z.strictObject({ uploadId: id }),
  'formats.export': FormatExportRequest,
  // The same export written by the node side into a file the annotator chooses (Electron's save
  // dialog), never held whole in memory; browser mode downloads GET /export instead (export-download.ts).
  'formats.saveExport': FormatExportRequest,
  'annotators.list': z.strictObject({}),
} as const;

export type RpcMethod = keyof typeof requestSchemas;
export const RPC_METHODS = Object.keys(requestSchemas) as RpcMethod[];

export type RpcRequest<M extends RpcMethod> = z.input<(typeof requestSchemas)[M]>;
export type RpcParsedRequest<M extends RpcMethod> = z.output<(typeof requestSchemas)[M]>;

/** Response types by method. */
export interface RpcResponses {
  'app.info': AppInfo;
  'annotators.current': Annotator | null;
  'annotators.setCurrent': Annotator;
  'labels.list': Label[];
  'documents.list': DocumentSummary[];
  'documents.get': { document: DocumentRecord } & DocumentAnnotations;
  'documents.import': { documents: DocumentSummary[] };
  'documents.importIsnad': IsnadImportSummary;
  'documents.delete': { documentId: string };
  'spans.create': Span;
  'spans.setLabel': Span;
  'spans.delete': { spanId: string };
  'spans.setBounds': Span;
  'spans.setAttributes': Span;
  'spans.linkEntity': Span;
  'spans.setNote': Span;
  'relations.create': Relation;
  'relations.delete': { relationId: string };
  'entities.search': Entity[];
  'entities.create': Entity;
  'entities.list': Entity[];
  'entities.claims': EntityClaim[];
  'entities.merge': { entity: Entity; movedLinks: number };
  'schemas.list': SchemaSummary[];
  'schemas.get': AnnotationSchema;
  'schemas.setActive': SchemaSummary;
  'schemas.import': SchemaSummary;
  'documents.setStatus': DocumentSummary;
  'history.undo': HistoryResult;
  'history.redo': HistoryResult;
  'export.build': ExportFileV1;
  'gold.get': GoldLayer | null;
  'gold.ensureDocument': GoldLayer;
  'gold.apply': GoldLayer;
  'gold.undo': GoldLayer & { changed: boolean };
  'gold.redo': GoldLayer & { changed: boolean };
  'imports.begin': { uploadId: string };
  'imports.append': { receivedBytes: number };
  'imports.finish': FormatImportResult;
  'imports.cancel': { uploadId: string };
  'formats.export': FormatExportResult;
  'formats.saveExport': SavedExport;
  'annotators.list': Annotator[];
}

export type RpcResponse<M extends RpcMethod> = RpcResponses[M];

export function isRpcMethod(name: unknown): name is RpcMethod {
  return typeof name === 'string' && Object.hasOwn(requestSchemas, name);
}

/** The name of the single Electron IPC channel that carries every call (defined apart for the preload). */
export { IPC_CHANNEL } from './ipc-channel';
