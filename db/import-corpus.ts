// Writes converted documents (shared/formats/corpus-model.ts) into the database in ONE transaction:
// each document's labels are read as the schema's (label-mapper), then it is checked (canonical text,
// offsets, labels and attributes against the active schema, relation types) and written; the first problem throws and rolls everything back, naming file + line.
// Documents match by the SHA-256 of their text and spans by (document, annotator, label, offsets), so
// importing the same file twice changes nothing. Takes an iterable, so a huge JSONL file streams.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { documentMetaJson } from '../shared/export/document-meta';
import type { CorpusDocument, CorpusNote, CorpusSpan } from '../shared/formats/corpus-model';
import { describeUnknownLabels, LabelMapper, type LabelMapping } from '../shared/formats/label-mapper';
import type { FormatIssue } from '../shared/formats/parse-result';
import { attributeValueProblem, type AnnotationSchema, type AttributeValue } from '../shared/schemas/annotation-schema';
import { checkRelationLabels } from '../shared/schemas/check-relation';
import { canonicalizeText, titleFromText } from '../shared/text/canonical-text';
import { checkSpanRangeUtf16 } from '../shared/text/check-span-range';
import { MAX_SPAN_NOTE_UTF16, normalizeSpanNote } from '../shared/text/normalize-span-note';
import { OffsetMap } from '../shared/text/offset-map';
import { BatchedImportRows } from './batched-import-rows';
import { StoreError } from './database-errors';
import { mergeDocumentMeta } from './merge-document-meta';
import { prepareAttributionStatements } from './store/attribution-statements';
import { Operation } from './store/Operation';
import { Store } from './store/Store';
import { prepareStoreStatements, type SpanRow } from './store/store-statements';

/** The operation kind written to the change log for everything a format import changes. */
export const CORPUS_IMPORT_OPERATION = 'documents.importCorpus';
const MAX_LISTED_PROBLEMS = 12;

/** A converted document and where it came from, for messages. */
export interface LocatedDocument {
  document: CorpusDocument;
  file: string;
  line?: number;
  record?: number;
}

export interface CorpusImportOptions {
  /** The layer the spans go to. When absent: the span's own annotator (Isnad JSONL, Label Studio, W3C creator), else `defaultAnnotator`. */
  annotator?: string | undefined;
  /** Used for spans that name no annotator when `annotator` is absent; default: the current annotator, else "imported". */
  defaultAnnotator?: string | undefined;
  /** Stored as the source name of created documents; default: the document's file. */
  sourceName?: string | undefined;
  /** The file's labels read as the schema's (LabelMapper: explicit first, then ignoring case). */
  labelMapping?: LabelMapping | undefined;
}

export interface CorpusImportSummary {
  documents: { id: string; title: string; created: boolean }[];
  documentsAdded: number;
  spansAdded: number;
  spansUpdated: number;
  relationsAdded: number;
  /** What could not be stored as it was (discontinuous spans split, notes on relations or too long). */
  warnings: FormatIssue[];
}

/** Runs `documents` through validation and writing inside one transaction; throws StoreError INVALID_FILE on the first bad document. */
export function importCorpus(db: Database.Database | Store, documents: Iterable<LocatedDocument>, options: CorpusImportOptions = {}): CorpusImportSummary {
  const store = db instanceof Store ? db : Store.for(db);
  return withImportCache(store.db, () =>
    store.db.transaction(() => {
      const writer = new CorpusWriter(store, options);
      for (const located of documents) writer.add(located);
      return writer.finish();
    })(),
  );
}

/**
 * Runs a bulk import with a bigger page cache (this connection only, restored after): random span
 * ids land all over the primary-key index, and the default 2 MB cache made 500,000 spans thrash.
 */
export function withImportCache<T>(db: Database.Database, action: () => T): T {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const grow = cacheSize > -IMPORT_CACHE_KIB && !db.inTransaction;
  if (grow) db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return action();
  } finally {
    if (grow) db.pragma(`cache_size = ${cacheSize}`);
  }
}

const IMPORT_CACHE_KIB = 256 * 1024;

export function describeLocation(located: { file: string; line?: number | undefined; record?: number | undefined }): string {
  if (located.line !== undefined) return `${located.file}, line ${located.line}`;
  if (located.record !== undefined) return `${located.file}, record ${located.record}`;
  return located.file;
}

function listProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  return problems.length > MAX_LISTED_PROBLEMS ? `${shown}; and ${problems.length - MAX_LISTED_PROBLEMS} more` : shown;
}

/** Every reason the document cannot be stored under `schema`. */
export function corpusDocumentProblems(document: CorpusDocument, schema: AnnotationSchema): string[] {
  const problems: string[] = [];
  if (canonicalizeText(document.text) !== document.text) problems.push('the text is not in canonical form (BOM, \\r or not NFC)');
  if (document.text.trim() === '') problems.push('the text is empty');
  const map = new OffsetMap(document.text);
  const labels = new Map(schema.labels.map((label) => [label.name, label]));
  const known = schema.labels.map((label) => label.name).join(', ');
  const spans = new Map<string, CorpusSpan>();
  /** Spans by unknown label: one problem per label (a CoNLL file has hundreds of spans of each). */
  const unknown = new Map<string, string[]>();
  for (const span of document.spans) {
    const at = `span «${span.id}»`;
    if (spans.has(span.id)) problems.push(`${at}: the id is used by another span`);
    spans.set(span.id, span);
    for (const piece of span.fragments ?? [span]) {
      const range = checkSpanRangeUtf16(map, piece.startUtf16, piece.endUtf16);
      if (!range.ok) problems.push(`${at}: ${range.message}`);
    }
    const label = labels.get(span.label);
    if (label === undefined) {
      const ids = unknown.get(span.label);
      if (ids === undefined) unknown.set(span.label, [span.id]);
      else ids.push(span.id);
      continue;
    }
    for (const [name, value] of Object.entries(span.attributes ?? {})) {
      const definition = (label.attributes ?? []).find((candidate) => candidate.name === name);
      if (definition === undefined) problems.push(`${at}: label «${label.name}» has no attribute "${name}"`);
      else {
        const problem = attributeValueProblem(definition, value as AttributeValue);
        if (problem !== null) problems.push(`${at}: ${problem}`);
      }
    }
  }
  if (unknown.size > 0) problems.push(describeUnknownLabels(unknown, known));
  for (const relation of document.relations) {
    const at = `relation «${relation.id}»`;
    const from = spans.get(relation.fromSpanId);
    const to = spans.get(relation.toSpanId);
    if (from === undefined || to === undefined) {
      problems.push(`${at}: span «${from === undefined ? relation.fromSpanId : relation.toSpanId}» is not a span of this document`);
      continue;
    }
    if (from === to) problems.push(`${at}: a relation joins two different spans`);
    // A span of an unknown label is reported once above, not again for each of its relations.
    if (!labels.has(from.label) || !labels.has(to.label)) continue;
    const check = checkRelationLabels(schema, relation.type, from.label, to.label);
    if (!check.ok) problems.push(`${at}: ${check.message}`);
  }
  return problems;
}

/** The writing half: runs inside the import's transaction. */
class CorpusWriter {
  readonly summary: CorpusImportSummary = { documents: [], documentsAdded: 0, spansAdded: 0, spansUpdated: 0, relationsAdded: 0, warnings: [] };
  private readonly sql;
  private readonly at = new Date().toISOString();
  private readonly schema: AnnotationSchema;
  private readonly annotatorIds = new Map<string, string>();
  private readonly annotatorNames = new Map<string, string>();
  private readonly fallbackAnnotator: string;
  /** Span and relation ids in insertion order: appends to the primary-key index instead of random page splits. */
  private readonly nextId = sequentialIds();
  private readonly newRows: BatchedImportRows;
  /** Spans of the current document created, or updated, by this import: a note then needs no log row, or no second count. */
  private readonly createdSpanIds = new Set<string>();
  private readonly updatedSpanIds = new Set<string>();
  /** A LabelMapper per file, so that the warning names the file whose labels were read otherwise. */
  private readonly labelMappers = new Map<string, LabelMapper>();

  constructor(
    private readonly store: Store,
    private readonly options: CorpusImportOptions,
  ) {
    const db = store.db;
    this.newRows = new BatchedImportRows(db);
    this.schema = store.schemas.active();
    this.fallbackAnnotator = options.defaultAnnotator ?? store.currentAnnotator()?.name ?? 'imported';
    const unknownTargets = new LabelMapper(this.schema.labels.map((label) => label.name), options.labelMapping).unknownTargets();
    if (unknownTargets.length > 0) {
      const known = this.schema.labels.map((label) => label.name).join(', ');
      throw new StoreError('UNKNOWN_LABEL', `The label mapping reads labels as ${unknownTargets.map((label) => `«${label}»`).join(', ')}, which the active schema does not have; its labels are ${known}.`);
    }
    this.sql = {
      ...prepareStoreStatements(db),
      ...prepareAttributionStatements(db),
      // Every span of a document once, matched in memory: one query per document instead of one per span.
      spansOfDocument: db.prepare<[string], { id: string; annotator_id: string; label: string; start_utf16: number; end_utf16: number; attributes: string }>(
        'SELECT id, annotator_id, label, start_utf16, end_utf16, attributes FROM spans WHERE document_id = ? ORDER BY created_at, id',
      ),
      setSpanAttributes: db.prepare<[{ id: string; attributes: string; at: string }], void>('UPDATE spans SET attributes = @attributes, updated_at = @at WHERE id = @id'),
      // A new span's note is set after its row is flushed (batched-import-rows lists no note column); not logged:
      // until its first later change a span imported in bulk is its own record (schema v3).
      setNewSpanNote: db.prepare<[string, string], void>('UPDATE spans SET note = ? WHERE id = ?'),
      setSpanNote: db.prepare<[{ id: string; note: string; at: string }], void>('UPDATE spans SET note = @note, updated_at = @at WHERE id = @id'),
    };
  }

  add(located: LocatedDocument): void {
    const document = this.labelMapper(located.file).apply(located.document);
    const where = describeLocation(located);
    const problems = corpusDocumentProblems(document, this.schema);
    const annotatorOf = (span: CorpusSpan) => this.annotatorName(this.options.annotator ?? span.annotator ?? this.fallbackAnnotator);
    const byId = new Map(document.spans.map((span) => [span.id, span]));
    for (const relation of document.relations) {
      const from = byId.get(relation.fromSpanId);
      const to = byId.get(relation.toSpanId);
      if (from && to && annotatorOf(from) !== annotatorOf(to)) problems.push(`relation «${relation.id}»: its spans belong to different annotators`);
    }
    for (const span of document.spans) if (annotatorOf(span) === '') problems.push(`span «${span.id}»: the annotator name is empty`);
    if (problems.length > 0) {
      const name = document.id === undefined ? '' : ` (document ${document.id})`;
      throw new StoreError('INVALID_FILE', `${where}${name}: ${listProblems(problems)}`);
    }
    const warn = (message: string) => this.summary.warnings.push({ file: located.file, ...(located.line === undefined ? {} : { line: located.line }), ...(located.record === undefined ? {} : { record: located.record }), message });

    const sha256 = createHash('sha256').update(document.text, 'utf8').digest('hex');
    let documentId = this.sql.documentIdBySha256.get(sha256)?.id;
    const created = documentId === undefined;
    const title = document.title ?? titleFromText(document.text, document.id ?? located.file);
    const meta = documentMetaJson(document.meta);
    const metaJson = 'json' in meta ? meta.json : null;
    const documentName = document.id === undefined ? 'the document' : `document ${document.id}`;
    if ('problem' in meta) warn(`${documentName}: ${meta.problem}, so it was not stored`);
    if (documentId === undefined) {
      documentId = document.id !== undefined && document.id.length <= 200 && this.sql.documentExists.get(document.id) === undefined ? document.id : randomUUID();
      this.sql.insertDocument.run({ id: documentId, title, sourceName: this.options.sourceName ?? located.file, text: document.text, sha256, lengthCodePoints: new OffsetMap(document.text).lengthCodePoints, meta: metaJson, at: this.at });
      this.summary.documentsAdded++;
    } else if (metaJson !== null && mergeDocumentMeta(this.sql, documentId, metaJson) === 'differs') {
      warn(`${documentName}: its text is already stored with other metadata, which was kept`);
    }
    this.summary.documents.push({ id: documentId, title, created });
    const docId = documentId;

    const operations = new Map<string, Operation>();
    const operationFor = (annotatorId: string) => {
      let operation = operations.get(annotatorId);
      if (operation === undefined) {
        operation = new Operation(this.sql, { kind: CORPUS_IMPORT_OPERATION, at: this.at, annotatorId, documentId: docId });
        operations.set(annotatorId, operation);
      }
      return operation;
    };

    // A discontinuous span becomes one stored span per fragment (Isnad spans are contiguous); relations use the first.
    const existing = new Map<string, { id: string; attributes: string }>();
    if (!created) {
      for (const row of this.sql.spansOfDocument.all(docId)) {
        const key = spanKey(row.annotator_id, row.label, row.start_utf16, row.end_utf16);
        if (!existing.has(key)) existing.set(key, { id: row.id, attributes: row.attributes });
      }
    }
    const storedIds = new Map<string, { id: string; annotatorId: string }>();
    this.createdSpanIds.clear();
    this.updatedSpanIds.clear();
    let split = 0;
    for (const span of document.spans) {
      const annotatorName = annotatorOf(span);
      const annotatorId = this.annotatorId(annotatorName);
      const attributes = span.attributes === undefined ? '{}' : JSON.stringify(span.attributes);
      const pieces = span.fragments ?? [span];
      if (span.fragments !== undefined) split++;
      pieces.forEach((piece, index) => {
        const key = spanKey(annotatorId, span.label, piece.startUtf16, piece.endUtf16);
        const id = this.span(existing, key, { documentId: docId, annotatorId, annotatorName, label: span.label, startUtf16: piece.startUtf16, endUtf16: piece.endUtf16, attributes }, () => operationFor(annotatorId));
        if (index === 0) storedIds.set(span.id, { id, annotatorId });
      });
    }
    this.newRows.flush();
    this.notes(docId, document, storedIds, operationFor, warn);
    if (split > 0) warn(`${split} discontinuous span(s) stored as one span per fragment: Isnad spans are contiguous`);
    // Two relations of the file between the same stored spans (e.g. a repeated span): the first one stands.
    const ends = new Set<string>();
    for (const relation of document.relations) {
      const from = storedIds.get(relation.fromSpanId)!;
      const to = storedIds.get(relation.toSpanId)!;
      if (from.id === to.id) continue;
      const key = `${from.id}\u0000${relation.type}\u0000${to.id}`;
      if (ends.has(key) || (!created && this.sql.relationByEnds.get(from.id, relation.type, to.id) !== undefined)) continue;
      ends.add(key);
      const row = { id: this.nextId(), document_id: docId, annotator_id: from.annotatorId, annotator_name: '', type: relation.type, from_span_id: from.id, to_span_id: to.id, created_at: this.at };
      this.newRows.addRelation(row, operationFor(from.annotatorId));
      this.summary.relationsAdded++;
    }
    this.newRows.endDocument();
    // Imports are logged but not undoable: they go on no undo stack. A redo made stale by them is dropped.
    for (const [annotatorId, operation] of operations) {
      if (operation.seq === undefined) continue;
      this.sql.clearRedo.run({ documentId: docId, annotatorId });
      this.sql.touchDocument.run({ id: docId, at: this.at });
    }
  }

  /**
   * Attaches the file's notes to the stored spans they target: several on one span are joined with a
   * blank line, in file order, and replace the stored note when they differ (logged, like attributes).
   * Notes on relations, or longer together than a note may be, are listed in one warning.
   */
  private notes(documentId: string, document: CorpusDocument, storedIds: ReadonlyMap<string, { id: string; annotatorId: string }>, operationFor: (annotatorId: string) => Operation, warn: (message: string) => void): void {
    const notes = document.notes ?? [];
    if (notes.length === 0) return;
    const relationIds = new Set(document.relations.map((relation) => relation.id));
    const bySpan = new Map<string, { annotatorId: string; fileSpanId: string; notes: CorpusNote[] }>();
    const skipped: string[] = [];
    for (const note of notes) {
      const target = storedIds.get(note.targetId);
      if (target === undefined) {
        skipped.push(`${note.id} on ${relationIds.has(note.targetId) ? `relation ${note.targetId} (Isnad keeps notes on spans only)` : `${note.targetId}, which is not a span of this document`}`);
        continue;
      }
      if (normalizeSpanNote(note.text) === null) continue;
      const entry = bySpan.get(target.id) ?? { annotatorId: target.annotatorId, fileSpanId: note.targetId, notes: [] };
      entry.notes.push(note);
      bySpan.set(target.id, entry);
    }
    for (const [spanId, entry] of bySpan) {
      const note = normalizeSpanNote(entry.notes.map((each) => normalizeSpanNote(each.text)).join('\n\n'))!;
      if (note.length > MAX_SPAN_NOTE_UTF16) {
        skipped.push(`${entry.notes.map((each) => each.id).join(', ')} on ${entry.fileSpanId} (${note.length} characters; a note has at most ${MAX_SPAN_NOTE_UTF16})`);
        continue;
      }
      if (this.createdSpanIds.has(spanId)) {
        this.sql.setNewSpanNote.run(note, spanId);
        continue;
      }
      const before = this.sql.spanById.get(spanId)!;
      if (before.note === note) continue;
      this.sql.setSpanNote.run({ id: spanId, note, at: this.at });
      operationFor(entry.annotatorId).logSpan(documentId, spanId, before, { ...before, note, updated_at: this.at });
      if (!this.updatedSpanIds.has(spanId)) this.summary.spansUpdated++;
    }
    if (skipped.length > 0) warn(`${skipped.length} note(s) not imported: ${listProblems(skipped)}`);
  }

  /**
   * The summary, led by one warning per file whose labels were read as other labels of the schema or
   * left out: it changes every span of those labels, so it comes before the warnings on single lines.
   */
  finish(): CorpusImportSummary {
    const labelWarnings: FormatIssue[] = [];
    for (const [file, mapper] of this.labelMappers) {
      const warning = mapper.warning();
      if (warning !== undefined) labelWarnings.push({ file, message: warning });
    }
    this.summary.warnings.unshift(...labelWarnings);
    return this.summary;
  }

  private labelMapper(file: string): LabelMapper {
    let mapper = this.labelMappers.get(file);
    if (mapper === undefined) {
      mapper = new LabelMapper(this.schema.labels.map((label) => label.name), this.options.labelMapping);
      this.labelMappers.set(file, mapper);
    }
    return mapper;
  }

  /** Names as given, trimmed and in NFC; cached because every span names one. */
  private annotatorName(given: string): string {
    let name = this.annotatorNames.get(given);
    if (name === undefined) {
      name = given.trim().normalize('NFC');
      this.annotatorNames.set(given, name);
    }
    return name;
  }

  private annotatorId(name: string): string {
    let id = this.annotatorIds.get(name);
    if (id === undefined) {
      id = this.sql.annotatorByName.get(name)?.id;
      if (id === undefined) {
        id = randomUUID();
        this.sql.insertAnnotator.run({ id, name, at: this.at });
      }
      this.annotatorIds.set(name, id);
    }
    return id;
  }

  private span(existing: Map<string, { id: string; attributes: string }>, key: string, wanted: NewSpan, operation: () => Operation): string {
    const found = existing.get(key);
    if (found !== undefined) {
      if (wanted.attributes === '{}' || sameAttributes(found.attributes, wanted.attributes)) return found.id;
      // Change rows keep the order of the changes: the new spans before this one go first.
      this.newRows.flush();
      const before = this.sql.spanById.get(found.id)!;
      this.sql.setSpanAttributes.run({ id: found.id, attributes: wanted.attributes, at: this.at });
      operation().logSpan(wanted.documentId, found.id, before, { ...before, attributes: wanted.attributes, updated_at: this.at });
      found.attributes = wanted.attributes;
      this.updatedSpanIds.add(found.id);
      this.summary.spansUpdated++;
      return found.id;
    }
    const id = this.nextId();
    const row: SpanRow = {
      id,
      document_id: wanted.documentId,
      annotator_id: wanted.annotatorId,
      annotator_name: wanted.annotatorName,
      label: wanted.label,
      start_utf16: wanted.startUtf16,
      end_utf16: wanted.endUtf16,
      attributes: wanted.attributes,
      entity_id: null,
      note: null,
      created_at: this.at,
      updated_at: this.at,
    };
    this.newRows.add(row, operation());
    this.createdSpanIds.add(id);
    existing.set(key, { id, attributes: wanted.attributes });
    this.summary.spansAdded++;
    return id;
  }
}

interface NewSpan {
  documentId: string;
  annotatorId: string;
  annotatorName: string;
  label: string;
  startUtf16: number;
  endUtf16: number;
  attributes: string;
}

function spanKey(annotatorId: string, label: string, startUtf16: number, endUtf16: number): string {
  return `${annotatorId}\u0000${label}\u0000${startUtf16}\u0000${endUtf16}`;
}

/**
 * UUIDv7-shaped ids (RFC 9562: 48-bit millisecond time, version 7, variant 10) whose random part is
 * a counter from a random start, so that the ids of one import increase: 500,000 random UUIDs made
 * every insert split a different page of the primary-key index.
 */
export function sequentialIds(): () => string {
  const time = Date.now().toString(16).padStart(12, '0').slice(-12);
  const head = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  const tail = randomBytes(4).toString('hex').slice(0, 7);
  let counter = randomBytes(4).readUInt32BE(0) * 256;
  return () => {
    // 11 hex digits of counter: 3 after the version nibble, 3 after the variant nibble, 5 before the tail.
    const count = (counter++).toString(16).padStart(11, '0').slice(-11);
    return `${head}${count.slice(0, 3)}-8${count.slice(3, 6)}-${count.slice(6)}${tail}`;
  };
}

function sameAttributes(storedJson: string, wantedJson: string): boolean {
  const stable = (json: string) => JSON.stringify(Object.entries(JSON.parse(json) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
  return stable(storedJson) === stable(wantedJson);
}
