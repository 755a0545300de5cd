// Imports an Isnad export file (shared/export/export-v1.ts) into a database: everything is checked
// first (offsets in both units against the text, labels, attributes, relations and entity links
// against the active schema), then written in one transaction, keeping ids where they are free.
// Importing the same file again changes nothing: spans match by id or by (document, annotator,
// label, start, end), relations by id or by their ends, entities by id or by normalized name.
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ExportFileV1 } from '../shared/export/export-v1';
import type { DocumentSummary, IsnadImportSummary } from '../shared/rpc/domain';
import { attributeValueProblem, type AnnotationSchema, type SchemaLabel } from '../shared/schemas/annotation-schema';
import { checkRelationLabels } from '../shared/schemas/check-relation';
import { formatPath } from '../shared/schemas/parse-annotation-schema';
import { canonicalizeText } from '../shared/text/canonical-text';
import { checkSpanRangeUtf16 } from '../shared/text/check-span-range';
import { OffsetMap } from '../shared/text/offset-map';
import { StoreError } from './database-errors';
import { prepareAttributionStatements } from './store/attribution-statements';
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

function listProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  return problems.length > MAX_LISTED_PROBLEMS ? `${shown}; and ${problems.length - MAX_LISTED_PROBLEMS} more` : shown;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Every reason the file cannot be imported into a project using `schema`. */
function findProblems(file: ExportFileV1, schema: AnnotationSchema): string[] {
  const problems: string[] = [];
  const annotatorIds = new Set<string>();
  for (const annotator of file.annotators) {
    if (annotatorIds.has(annotator.id)) problems.push(`annotator «${annotator.id}» is listed twice`);
    annotatorIds.add(annotator.id);
  }
  const entityKinds = new Map<string, string>();
  for (const entity of file.entities ?? []) {
    if (entityKinds.has(entity.id)) problems.push(`register entry «${entity.id}» is listed twice`);
    if (normalizeEntityName(entity.name) === '') problems.push(`register entry «${entity.id}» has no letters or digits in its name`);
    entityKinds.set(entity.id, entity.kind);
  }
  const labels = new Map(schema.labels.map((label) => [label.name, label]));
  const knownLabels = schema.labels.map((label) => label.name).join(', ');
  const schemaNote = file.schema !== undefined && file.schema.id !== schema.id ? ` (the file was made with schema «${file.schema.id}», this project uses «${schema.id}»: switch schemas first)` : '';
  const spanIds = new Set<string>();
  const relationIds = new Set<string>();
  const documentIds = new Set<string>();
  const hashes = new Set<string>();

  for (const document of file.documents) {
    const where = `document «${document.title}» (${document.id})`;
    if (documentIds.has(document.id)) problems.push(`${where} is listed twice`);
    documentIds.add(document.id);
    if (hashes.has(document.sha256)) problems.push(`${where} repeats the text of another document`);
    hashes.add(document.sha256);
    if (canonicalizeText(document.text) !== document.text) problems.push(`${where}: the text is not in canonical form (BOM, \\r or not NFC)`);
    if (sha256Hex(document.text) !== document.sha256) problems.push(`${where}: sha256 does not match the text`);
    const map = new OffsetMap(document.text);

    const spanById = new Map<string, { label: string; annotator: string }>();
    for (const span of document.spans) {
      const at = `${where}, span «${span.id}»`;
      if (spanIds.has(span.id)) problems.push(`${at}: the id is used by another span`);
      spanIds.add(span.id);
      spanById.set(span.id, { label: span.label, annotator: span.annotator });
      if (!annotatorIds.has(span.annotator)) problems.push(`${at}: annotator «${span.annotator}» is not in "annotators"`);
      problems.push(...offsetProblems(at, span, map, document.text));
      const label = labels.get(span.label);
      if (label === undefined) {
        problems.push(`${at}: unknown label «${span.label}»; the labels are ${knownLabels}${schemaNote}`);
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
  return problems;
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
  private readonly summary: Omit<IsnadImportSummary, 'documents'> = { documentsAdded: 0, spansAdded: 0, spansUpdated: 0, relationsAdded: 0, entitiesAdded: 0 };

  constructor(
    private readonly store: Store,
    private readonly options: ImportIsnadOptions,
  ) {
    const db = store.db;
    this.sql = {
      ...prepareStoreStatements(db),
      ...prepareAttributionStatements(db),
      spanByNaturalKey: db.prepare<[{ documentId: string; annotatorId: string; label: string; startUtf16: number; endUtf16: number }], { id: string }>(
        // INDEXED BY: without statistics SQLite picks spans_by_annotator and scans every span of the annotator.
        `SELECT id FROM spans INDEXED BY spans_by_document WHERE document_id = @documentId AND annotator_id = @annotatorId AND label = @label
         AND start_utf16 = @startUtf16 AND end_utf16 = @endUtf16 ORDER BY created_at, id LIMIT 1`,
      ),
      statusOf: db.prepare<[string, string], { status: string }>('SELECT status FROM document_status WHERE document_id = ? AND annotator_id = ?'),
      insertEntityAt: db.prepare<[{ id: string; kind: string; name: string; normalizedName: string; at: string }], void>(
        'INSERT INTO entities (id, kind, name, normalized_name, created_at, updated_at) VALUES (@id, @kind, @name, @normalizedName, @at, @at)',
      ),
    };
  }

  write(file: ExportFileV1): IsnadImportSummary {
    for (const annotator of file.annotators) this.annotatorIds.set(annotator.id, this.annotator(annotator.id, annotator.name));
    this.entities(file.entities ?? []);
    const documentIds = file.documents.map((document) => this.document(document));
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

  private document(document: ExportFileV1['documents'][number]): string {
    let documentId = this.sql.documentIdBySha256.get(document.sha256)?.id;
    if (documentId === undefined) {
      documentId = this.sql.documentExists.get(document.id) === undefined ? document.id : randomUUID();
      this.sql.insertDocument.run({
        id: documentId,
        title: document.title,
        sourceName: this.options.sourceName ?? document.title,
        text: document.text,
        sha256: document.sha256,
        lengthCodePoints: new OffsetMap(document.text).lengthCodePoints,
        at: this.at,
      });
      this.summary.documentsAdded++;
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

    const spanIds = new Map<string, string>();
    for (const span of document.spans) {
      const annotatorId = this.annotatorIds.get(span.annotator)!;
      spanIds.set(span.id, this.span(docId, annotatorId, span, () => operationFor(annotatorId)));
    }
    for (const relation of document.relations ?? []) {
      const annotatorId = this.annotatorIds.get(relation.annotator)!;
      const fromSpanId = spanIds.get(relation.from)!;
      const toSpanId = spanIds.get(relation.to)!;
      if (this.sql.relationByEnds.get(fromSpanId, relation.type, toSpanId) !== undefined) continue;
      const id = this.sql.relationById.get(relation.id) === undefined ? relation.id : randomUUID();
      this.sql.insertRelation.run({ id, documentId: docId, annotatorId, type: relation.type, fromSpanId, toSpanId, createdAt: relation.createdAt });
      operationFor(annotatorId).logRelation(null, this.sql.relationById.get(id)!);
      this.summary.relationsAdded++;
    }
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
  private span(documentId: string, annotatorId: string, span: ExportFileV1['documents'][number]['spans'][number], operation: () => Operation): string {
    const wanted = {
      label: span.label,
      startUtf16: span.startUtf16,
      endUtf16: span.endUtf16,
      attributes: JSON.stringify(span.attributes ?? {}),
      entityId: span.entity === undefined ? null : this.entityIds.get(span.entity)!,
    };
    const sameId = this.sql.spanById.get(span.id);
    const ownsId = sameId !== undefined && sameId.document_id === documentId && sameId.annotator_id === annotatorId;
    const matchedId = ownsId ? span.id : this.sql.spanByNaturalKey.get({ documentId, annotatorId, ...wanted })?.id;
    if (matchedId !== undefined) {
      const before = this.sql.spanById.get(matchedId)!;
      if (!differs(before, wanted)) return matchedId;
      this.sql.updateSpan.run({ id: matchedId, ...wanted, updatedAt: span.updatedAt });
      operation().logSpan(documentId, matchedId, before, this.sql.spanById.get(matchedId)!);
      this.summary.spansUpdated++;
      return matchedId;
    }
    const id = sameId === undefined ? span.id : randomUUID();
    this.sql.insertFullSpan.run({ id, documentId, annotatorId, ...wanted, createdAt: span.createdAt, updatedAt: span.updatedAt });
    operation().logSpan(documentId, id, null, this.sql.spanById.get(id)!);
    this.summary.spansAdded++;
    return id;
  }
}

function differs(row: SpanRow, wanted: { label: string; startUtf16: number; endUtf16: number; attributes: string; entityId: string | null }): boolean {
  return (
    row.label !== wanted.label ||
    row.start_utf16 !== wanted.startUtf16 ||
    row.end_utf16 !== wanted.endUtf16 ||
    stableJson(JSON.parse(row.attributes)) !== stableJson(JSON.parse(wanted.attributes)) ||
    row.entity_id !== wanted.entityId
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
