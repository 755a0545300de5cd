// Imports an Isnad export file (shared/export/export-v1.ts) into a database: everything is checked
// first (offsets in both units against the text, labels, attributes, relations and entity links
// against the active schema), then written in one transaction, keeping ids where they are free.
// Importing the same file again changes nothing: spans match by id or by (document, annotator,
// label, start, end), relations by id or by their ends, entities by id or by normalized name.
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { documentMetaJson } from '../shared/export/document-meta';
import { ExportFileV1, type ExportDocumentV1 } from '../shared/export/export-v1';
import { wholeJsonText, type JsonText } from '../shared/formats/split-json-array';
import { streamExportFile } from '../shared/review/parse-export-file';
import type { DocumentSummary, IsnadImportSummary } from '../shared/rpc/domain';
import { attributeValueProblem, type AnnotationSchema, type SchemaLabel } from '../shared/schemas/annotation-schema';
import { checkRelationLabels } from '../shared/schemas/check-relation';
import { formatPath } from '../shared/schemas/parse-annotation-schema';
import { canonicalizeText } from '../shared/text/canonical-text';
import { checkSpanRangeUtf16 } from '../shared/text/check-span-range';
import { normalizeSpanNote } from '../shared/text/normalize-span-note';
import { OffsetMap } from '../shared/text/offset-map';
import { BatchedImportRows } from './batched-import-rows';
import { StoreError } from './database-errors';
import { mergeDocumentMeta } from './merge-document-meta';
import { prepareAttributionStatements, type RelationRow } from './store/attribution-statements';
import { normalizeEntityName } from './store/entity-name';
import { Operation } from './store/Operation';
import { Store } from './store/Store';
import { prepareStoreStatements, type SpanRow } from './store/store-statements';

export type { IsnadImportSummary } from '../shared/rpc/domain';

/** The operation kind written to the change log for everything an import changes. */
export const ISNAD_IMPORT_OPERATION = 'documents.importIsnad';
const MAX_LISTED_PROBLEMS = 12;

export interface ImportIsnadOptions {
  /** Stored as the source name of documents the import creates (e.g. the JSON file's name). */
  sourceName?: string;
}

/** Reads the text of an export file, or throws INVALID_FILE saying what is wrong with it. */
export function parseIsnadExportJson(json: string, fileName = 'The file'): ExportFileV1 {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new StoreError('INVALID_FILE', `${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const head = (typeof value === 'object' && value !== null ? value : {}) as { format?: unknown; version?: unknown };
  if (head.format !== 'isnad') throw new StoreError('INVALID_FILE', `${fileName} is not an Isnad export (its "format" is not "isnad").`);
  if (head.version !== 1) {
    throw new StoreError('INVALID_FILE', `${fileName} is an Isnad export of version ${JSON.stringify(head.version)}; this Isnad reads version 1.`);
  }
  const parsed = ExportFileV1.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(file)'}: ${issue.message}`);
    throw new StoreError('INVALID_FILE', `${fileName} does not match the Isnad export format: ${listProblems(problems)}`);
  }
  return parsed.data;
}

/** Validates the whole file, then writes it in one transaction. Throws INVALID_FILE listing the problems, naming documents and spans. */
export function importIsnadExport(db: Database.Database | Store, file: ExportFileV1, options: ImportIsnadOptions = {}): IsnadImportSummary {
  const store = db instanceof Store ? db : Store.for(db);
  const parsed = ExportFileV1.safeParse(file);
  if (!parsed.success) throw new StoreError('INVALID_FILE', `The file does not match the Isnad export format: ${listProblems(parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`))}`);
  return store.db.transaction(() => {
    const schema = store.schemas.active();
    const problems = findProblems(parsed.data, schema);
    if (problems.length > 0) throw new StoreError('INVALID_FILE', `The file cannot be imported: ${listProblems(problems)}`);
    return new ImportWriter(store, options).write(parsed.data);
  })();
}

/** Thrown inside the streamed import's transaction to roll it back and take the whole-file path for the message. */
class StreamRefused extends Error {}

/**
 * `importIsnadExport(db, parseIsnadExportJson(json, fileName), options)` without the whole file as
 * one tree of objects: each document is parsed from its own slice (shared/review/parse-export-file),
 * checked and written, then dropped. A refused file rolls back and is read again the whole-file way,
 * so its messages are exactly those of the two-step call. `json` may be a file read through a
 * window (db/json-file-bytes.ts), so that not even the file's text is held whole.
 */
export function importIsnadExportJson(db: Database.Database | Store, json: JsonText, fileName = 'The file', options: ImportIsnadOptions = {}): IsnadImportSummary {
  const store = db instanceof Store ? db : Store.for(db);
  try {
    return store.db.transaction(() => {
      const schema = store.schemas.active();
      let checker: ProblemFinder | undefined;
      let writer: ImportWriter | undefined;
      const documentIds: string[] = [];
      const start = (header: Omit<ExportFileV1, 'documents'>) => {
        checker = new ProblemFinder(header, schema, true);
        if (checker.problems.length > 0) throw new StreamRefused();
        writer = new ImportWriter(store, options);
        writer.start(header);
      };
      const read = streamExportFile(fileName, json, sha256Hex, (document, header) => {
        if (checker === undefined) start(header);
        checker!.document(document);
        if (checker!.problems.length > 0) throw new StreamRefused();
        documentIds.push(writer!.document(document));
      });
      if (!read.ok) throw new StreamRefused();
      if (checker === undefined) start(read.header);
      return writer!.finish(documentIds);
    })();
  } catch (error) {
    if (!(error instanceof StreamRefused)) throw error;
  }
  return importIsnadExport(store, parseIsnadExportJson(wholeJsonText(json), fileName), options);
}

function listProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  return problems.length > MAX_LISTED_PROBLEMS ? `${shown}; and ${problems.length - MAX_LISTED_PROBLEMS} more` : shown;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Every reason the file cannot be imported into a project using `schema`. */
function findProblems(file: ExportFileV1, schema: AnnotationSchema): string[] {
  const finder = new ProblemFinder(file, schema);
  for (const document of file.documents) finder.document(document);
  return finder.problems;
}

/** Checks the header, then one document at a time; `problems` grows as it goes. */
class ProblemFinder {
  readonly problems: string[] = [];
  private readonly annotatorIds = new Set<string>();
  private readonly entityKinds = new Map<string, string>();
  private readonly labels: Map<string, SchemaLabel>;
  private readonly knownLabels: string;
  private readonly schemaNote: string;
  private readonly spanIds = new Set<string>();
  private readonly relationIds = new Set<string>();
  private readonly documentIds = new Set<string>();
  private readonly hashes = new Set<string>();

  /** textsChecked: canonical text, SHA-256 and span offsets and texts were checked already (streamExportFile does). */
  constructor(
    file: Omit<ExportFileV1, 'documents'>,
    private readonly schema: AnnotationSchema,
    private readonly textsChecked = false,
  ) {
    const problems = this.problems;
    for (const annotator of file.annotators) {
      if (this.annotatorIds.has(annotator.id)) problems.push(`annotator «${annotator.id}» is listed twice`);
      this.annotatorIds.add(annotator.id);
    }
    for (const entity of file.entities ?? []) {
      if (this.entityKinds.has(entity.id)) problems.push(`register entry «${entity.id}» is listed twice`);
      if (normalizeEntityName(entity.name) === '') problems.push(`register entry «${entity.id}» has no letters or digits in its name`);
      this.entityKinds.set(entity.id, entity.kind);
    }
    this.labels = new Map(schema.labels.map((label) => [label.name, label]));
    this.knownLabels = schema.labels.map((label) => label.name).join(', ');
    this.schemaNote = file.schema !== undefined && file.schema.id !== schema.id ? ` (the file was made with schema «${file.schema.id}», this project uses «${schema.id}»: switch schemas first)` : '';
  }

  document(document: ExportDocumentV1): void {
    const { problems, annotatorIds, entityKinds, labels, spanIds, relationIds, schema } = this;
    const where = `document «${document.title}» (${document.id})`;
    if (this.documentIds.has(document.id)) problems.push(`${where} is listed twice`);
    this.documentIds.add(document.id);
    if (this.hashes.has(document.sha256)) problems.push(`${where} repeats the text of another document`);
    this.hashes.add(document.sha256);
    const checkTexts = !this.textsChecked;
    if (checkTexts && canonicalizeText(document.text) !== document.text) problems.push(`${where}: the text is not in canonical form (BOM, \\r or not NFC)`);
    if (checkTexts && sha256Hex(document.text) !== document.sha256) problems.push(`${where}: sha256 does not match the text`);
    const map = checkTexts ? new OffsetMap(document.text) : undefined;

    const spanById = new Map<string, { label: string; annotator: string }>();
    for (const span of document.spans) {
      const at = `${where}, span «${span.id}»`;
      if (spanIds.has(span.id)) problems.push(`${at}: the id is used by another span`);
      spanIds.add(span.id);
      spanById.set(span.id, { label: span.label, annotator: span.annotator });
      if (!annotatorIds.has(span.annotator)) problems.push(`${at}: annotator «${span.annotator}» is not in "annotators"`);
      if (map !== undefined) problems.push(...offsetProblems(at, span, map, document.text));
      const label = labels.get(span.label);
      if (label === undefined) {
        problems.push(`${at}: unknown label «${span.label}»; the labels are ${this.knownLabels}${this.schemaNote}`);
        continue;
      }
      problems.push(...attributeProblems(at, label, span.attributes ?? {}));
      if (span.entity !== undefined) {
        const kind = entityKinds.get(span.entity);
        if (kind === undefined) problems.push(`${at}: register entry «${span.entity}» is not in "entities"`);
        else if (label.entityKind !== kind) problems.push(`${at}: a «${label.name}» span cannot link to the ${kind} «${span.entity}»`);
      }
    }

    const ends = new Set<string>();
    for (const relation of document.relations ?? []) {
      const at = `${where}, relation «${relation.id}»`;
      if (relationIds.has(relation.id)) problems.push(`${at}: the id is used by another relation`);
      relationIds.add(relation.id);
      const from = spanById.get(relation.from);
      const to = spanById.get(relation.to);
      if (from === undefined || to === undefined) {
        problems.push(`${at}: span «${from === undefined ? relation.from : relation.to}» is not a span of this document`);
        continue;
      }
      if (relation.from === relation.to) problems.push(`${at}: a relation joins two different spans`);
      if (from.annotator !== relation.annotator || to.annotator !== relation.annotator) problems.push(`${at}: both spans must be by the relation's annotator`);
      const check = checkRelationLabels(schema, relation.type, from.label, to.label);
      if (!check.ok) problems.push(`${at}: ${check.message}`);
      const key = `${relation.from}\u0000${relation.type}\u0000${relation.to}`;
      if (ends.has(key)) problems.push(`${at}: the same relation is listed twice`);
      ends.add(key);
    }
    for (const annotatorId of Object.keys(document.status ?? {})) {
      if (!annotatorIds.has(annotatorId)) problems.push(`${where}: status of annotator «${annotatorId}», who is not in "annotators"`);
    }
  }
}

function offsetProblems(at: string, span: ExportFileV1['documents'][number]['spans'][number], map: OffsetMap, text: string): string[] {
  const range = checkSpanRangeUtf16(map, span.startUtf16, span.endUtf16);
  if (!range.ok) return [`${at}: ${range.message}`];
  const problems: string[] = [];
  if (map.toCodePoint(span.startUtf16) !== span.start || map.toCodePoint(span.endUtf16) !== span.end) {
    problems.push(`${at}: start/end (${span.start}–${span.end} code points) and startUtf16/endUtf16 (${span.startUtf16}–${span.endUtf16}) disagree`);
  }
  if (text.slice(span.startUtf16, span.endUtf16) !== span.text) {
    problems.push(`${at}: "text" is «${span.text}» but the document has «${text.slice(span.startUtf16, span.endUtf16)}» there`);
  }
  return problems;
}

function attributeProblems(at: string, label: SchemaLabel, attributes: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const definition = (label.attributes ?? []).find((candidate) => candidate.name === name);
    if (definition === undefined) {
      problems.push(`${at}: label «${label.name}» has no attribute "${name}"`);
      continue;
    }
    const problem = attributeValueProblem(definition, value as never);
    if (problem !== null) problems.push(`${at}: ${problem}`);
  }
  return problems;
}

/** The writing half: runs inside the import's transaction, after validation passed. */
class ImportWriter {
  private readonly sql;
  private readonly at = new Date().toISOString();
  private readonly annotatorIds = new Map<string, string>();
  private readonly entityIds = new Map<string, string>();
  private readonly newRows: BatchedImportRows;
  private readonly spansWereEmpty: boolean;
  private readonly relationsWereEmpty: boolean;
  /** Notes of the current document's new spans, by span id, until their rows are flushed. */
  private readonly newNotes = new Map<string, string>();
  private readonly summary: Omit<IsnadImportSummary, 'documents'> = { documentsAdded: 0, spansAdded: 0, spansUpdated: 0, relationsAdded: 0, entitiesAdded: 0 };

  constructor(
    private readonly store: Store,
    private readonly options: ImportIsnadOptions,
  ) {
    const db = store.db;
    this.newRows = new BatchedImportRows(db);
    // Into tables that were empty, no id of the file can be taken (the file's ids are unique, checked
    // first): the two id queries per document, a fifth of a big import's time, are skipped.
    this.spansWereEmpty = db.prepare('SELECT 1 FROM spans LIMIT 1').get() === undefined;
    this.relationsWereEmpty = db.prepare('SELECT 1 FROM relations LIMIT 1').get() === undefined;
    this.sql = {
      ...prepareStoreStatements(db),
      ...prepareAttributionStatements(db),
      // Every span of a document once, in stored order, matched in memory: one query per document instead of several per span.
      spansOfDocument: db.prepare<[string], SpanRow>(
        `SELECT s.id, s.document_id, s.annotator_id, '' AS annotator_name, s.label, s.start_utf16, s.end_utf16, s.attributes, s.entity_id, s.note, s.created_at, s.updated_at
         FROM spans s WHERE s.document_id = ? ORDER BY s.created_at, s.id`,
      ),
      // New spans are written without their note (batched-import-rows lists no note column): set after the flush.
      setNewSpanNote: db.prepare<[string, string], void>('UPDATE spans SET note = ? WHERE id = ?'),
      // Which of a document's span and relation ids are taken already: one query each per document.
      takenSpanIds: db.prepare<[string], { id: string }>('SELECT id FROM spans WHERE id IN (SELECT value FROM json_each(?))'),
      takenRelationIds: db.prepare<[string], { id: string }>('SELECT id FROM relations WHERE id IN (SELECT value FROM json_each(?))'),
      statusOf: db.prepare<[string, string], { status: string }>('SELECT status FROM document_status WHERE document_id = ? AND annotator_id = ?'),
      insertEntityAt: db.prepare<[{ id: string; kind: string; name: string; normalizedName: string; at: string }], void>(
        'INSERT INTO entities (id, kind, name, normalized_name, created_at, updated_at) VALUES (@id, @kind, @name, @normalizedName, @at, @at)',
      ),
    };
  }

  write(file: ExportFileV1): IsnadImportSummary {
    this.start(file);
    return this.finish(file.documents.map((document) => this.document(document)));
  }

  /** Annotators and register entries first: documents refer to them. */
  start(header: Omit<ExportFileV1, 'documents'>): void {
    for (const annotator of header.annotators) this.annotatorIds.set(annotator.id, this.annotator(annotator.id, annotator.name));
    this.entities(header.entities ?? []);
  }

  finish(documentIds: readonly string[]): IsnadImportSummary {
    const byId = new Map<string, DocumentSummary>(this.store.listDocuments().map((summary) => [summary.id, summary]));
    return { documents: documentIds.map((id) => byId.get(id)!), ...this.summary };
  }

  private annotator(fileId: string, rawName: string): string {
    const name = rawName.trim().normalize('NFC');
    const existing = this.sql.annotatorByName.get(name);
    if (existing !== undefined) return existing.id;
    const id = this.sql.annotatorById.get(fileId) === undefined ? fileId : randomUUID();
    this.sql.insertAnnotator.run({ id, name, at: this.at });
    return id;
  }

  /** Reuses entries by id (following merges) or by kind and normalized name; creates the rest, logged as one register operation. */
  private entities(entities: NonNullable<ExportFileV1['entities']>): void {
    let operation: Operation | undefined;
    for (const entity of entities) {
      const normalizedName = normalizeEntityName(entity.name);
      const byId = this.sql.entityById.get(entity.id);
      if (byId !== undefined && byId.kind === entity.kind) {
        this.entityIds.set(entity.id, this.store.register.resolve(entity.id));
        continue;
      }
      const byName = this.sql.entityByNormalizedName.get(entity.kind, normalizedName);
      if (byName !== undefined) {
        this.entityIds.set(entity.id, byName.id);
        continue;
      }
      const id = byId === undefined ? entity.id : randomUUID();
      const name = entity.name.trim().normalize('NFC');
      operation ??= new Operation(this.sql, { kind: ISNAD_IMPORT_OPERATION, at: this.at, annotatorId: this.store.currentAnnotator()?.id ?? null, documentId: null });
      this.sql.insertEntityAt.run({ id, kind: entity.kind, name, normalizedName, at: this.at });
      operation.logEntity(id, 'create', null, { kind: entity.kind, name, normalizedName });
      this.entityIds.set(entity.id, id);
      this.summary.entitiesAdded++;
    }
  }

  document(document: ExportDocumentV1): string {
    let documentId = this.sql.documentIdBySha256.get(document.sha256)?.id;
    const created = documentId === undefined;
    // Within its bound: the file's schema checked that.
    const meta = documentMetaJson(document.meta);
    const metaJson = 'json' in meta ? meta.json : null;
    if (documentId === undefined) {
      documentId = this.sql.documentExists.get(document.id) === undefined ? document.id : randomUUID();
      this.sql.insertDocument.run({
        id: documentId,
        title: document.title,
        sourceName: this.options.sourceName ?? document.title,
        text: document.text,
        sha256: document.sha256,
        lengthCodePoints: new OffsetMap(document.text).lengthCodePoints,
        meta: metaJson,
        at: this.at,
      });
      this.summary.documentsAdded++;
    } else if (metaJson !== null) {
      // The export format has no warnings: other stored metadata is kept silently, as the title is.
      mergeDocumentMeta(this.sql, documentId, metaJson);
    }
    const docId = documentId;
    // One logged operation per annotator of the document, created with its first change.
    const operations = new Map<string, Operation>();
    const operationFor = (annotatorId: string) => {
      let operation = operations.get(annotatorId);
      if (operation === undefined) {
        operation = new Operation(this.sql, { kind: ISNAD_IMPORT_OPERATION, at: this.at, annotatorId, documentId: docId });
        operations.set(annotatorId, operation);
      }
      return operation;
    };

    // The document's stored spans, read once and matched in memory (a new document has none).
    const stored = new StoredSpans();
    if (!created) for (const row of this.sql.spansOfDocument.all(docId)) stored.remember(row);
    const takenIds = this.spansWereEmpty ? new Set<string>() : new Set(this.sql.takenSpanIds.all(JSON.stringify(document.spans.map((span) => span.id))).map((row) => row.id));
    const spanIds = new Map<string, string>();
    for (const span of document.spans) {
      const annotatorId = this.annotatorIds.get(span.annotator)!;
      spanIds.set(span.id, this.span(docId, annotatorId, span, stored, takenIds, () => operationFor(annotatorId)));
    }
    this.newRows.flush();
    for (const [spanId, note] of this.newNotes) this.sql.setNewSpanNote.run(note, spanId);
    this.newNotes.clear();
    const takenRelationIds = this.relationsWereEmpty ? new Set<string>() : new Set(this.sql.takenRelationIds.all(JSON.stringify((document.relations ?? []).map((relation) => relation.id))).map((row) => row.id));
    const ends = new Set<string>();
    for (const relation of document.relations ?? []) {
      const annotatorId = this.annotatorIds.get(relation.annotator)!;
      const fromSpanId = spanIds.get(relation.from)!;
      const toSpanId = spanIds.get(relation.to)!;
      const key = `${fromSpanId}\u0000${relation.type}\u0000${toSpanId}`;
      if (ends.has(key) || (!created && this.sql.relationByEnds.get(fromSpanId, relation.type, toSpanId) !== undefined)) continue;
      ends.add(key);
      const id = takenRelationIds.has(relation.id) ? randomUUID() : relation.id;
      const row: RelationRow = { id, document_id: docId, annotator_id: annotatorId, annotator_name: '', type: relation.type, from_span_id: fromSpanId, to_span_id: toSpanId, created_at: relation.createdAt };
      this.newRows.addRelation(row, operationFor(annotatorId));
      this.summary.relationsAdded++;
    }
    this.newRows.endDocument();
    for (const [fileAnnotatorId, status] of Object.entries(document.status ?? {})) {
      const annotatorId = this.annotatorIds.get(fileAnnotatorId)!;
      if (this.sql.statusOf.get(docId, annotatorId)?.status === status) continue;
      this.sql.putStatus.run({ documentId: docId, annotatorId, status, at: this.at });
    }
    // Imports are logged but not undoable: they go on no undo stack. A redo made stale by them is dropped.
    for (const [annotatorId, operation] of operations) {
      if (operation.seq === undefined) continue;
      this.sql.clearRedo.run({ documentId: docId, annotatorId });
      this.sql.touchDocument.run({ id: docId, at: this.at });
    }
    return docId;
  }

  /** The id of the stored span matching `span`, inserting or updating it as needed. */
  private span(documentId: string, annotatorId: string, span: ExportDocumentV1['spans'][number], stored: StoredSpans, takenIds: ReadonlySet<string>, operation: () => Operation): string {
    const wanted = {
      label: span.label,
      startUtf16: span.startUtf16,
      endUtf16: span.endUtf16,
      attributes: JSON.stringify(span.attributes ?? {}),
      entityId: span.entity === undefined ? null : this.entityIds.get(span.entity)!,
      note: normalizeSpanNote(span.note),
    };
    const sameId = stored.byId.get(span.id);
    const ownsId = sameId !== undefined && sameId.annotator_id === annotatorId;
    const matched = ownsId ? sameId : stored.byKey.get(spanKey(annotatorId, wanted.label, wanted.startUtf16, wanted.endUtf16));
    if (matched !== undefined) {
      if (!differs(matched, wanted)) return matched.id;
      // Change rows keep the order of the changes: the new spans before this one go first.
      this.newRows.flush();
      this.sql.updateSpan.run({ id: matched.id, ...wanted, updatedAt: span.updatedAt });
      const after = this.sql.spanById.get(matched.id)!;
      operation().logSpan(documentId, matched.id, matched, after);
      stored.forget(matched);
      stored.remember(after);
      this.summary.spansUpdated++;
      return matched.id;
    }
    // The file's id unless a span of this or another document has it.
    const id = takenIds.has(span.id) ? randomUUID() : span.id;
    const row: SpanRow = {
      id,
      document_id: documentId,
      annotator_id: annotatorId,
      annotator_name: '',
      label: wanted.label,
      start_utf16: wanted.startUtf16,
      end_utf16: wanted.endUtf16,
      attributes: wanted.attributes,
      entity_id: wanted.entityId,
      note: wanted.note,
      created_at: span.createdAt,
      updated_at: span.updatedAt,
    };
    this.newRows.add(row, operation());
    if (wanted.note !== null) this.newNotes.set(id, wanted.note);
    stored.remember(row);
    this.summary.spansAdded++;
    return id;
  }
}

/** The spans of one document by id and by (annotator, label, offsets); the first span of a key wins, as in the stored order. */
class StoredSpans {
  readonly byId = new Map<string, SpanRow>();
  readonly byKey = new Map<string, SpanRow>();

  remember(row: SpanRow): void {
    this.byId.set(row.id, row);
    const key = spanKey(row.annotator_id, row.label, row.start_utf16, row.end_utf16);
    if (!this.byKey.has(key)) this.byKey.set(key, row);
  }

  forget(row: SpanRow): void {
    this.byId.delete(row.id);
    const key = spanKey(row.annotator_id, row.label, row.start_utf16, row.end_utf16);
    if (this.byKey.get(key) === row) this.byKey.delete(key);
  }
}

function spanKey(annotatorId: string, label: string, startUtf16: number, endUtf16: number): string {
  return `${annotatorId}\u0000${label}\u0000${startUtf16}\u0000${endUtf16}`;
}

function differs(row: SpanRow, wanted: { label: string; startUtf16: number; endUtf16: number; attributes: string; entityId: string | null; note: string | null }): boolean {
  return (
    row.label !== wanted.label ||
    row.start_utf16 !== wanted.startUtf16 ||
    row.end_utf16 !== wanted.endUtf16 ||
    stableJson(JSON.parse(row.attributes)) !== stableJson(JSON.parse(wanted.attributes)) ||
    row.entity_id !== wanted.entityId ||
    row.note !== wanted.note
  );
}

/** JSON with object keys sorted, so attribute sets compare equal whatever order they were written in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
