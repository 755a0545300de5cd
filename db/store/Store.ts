// The annotation store over one SQLite connection: statements are prepared once, every write is
// one synchronous transaction, and every annotation change is logged (span_changes,
// relation_changes) under one operation in that transaction; undo and redo replay operations.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  Annotator,
  AttributeValue,
  DocumentAnnotations,
  DocumentRecord,
  DocumentStatus,
  DocumentSummary,
  HistoryResult,
  Label,
  Relation,
  Span,
} from '../../shared/rpc/domain';
import type { SchemaLabel } from '../../shared/schemas/annotation-schema';
import { checkRelationLabels } from '../../shared/schemas/check-relation';
import { applyAttributeChanges, defaultAttributes, reconcileAttributes } from '../../shared/schemas/span-attributes';
import { checkSpanRangeUtf16 } from '../../shared/text/check-span-range';
import { MAX_SPAN_NOTE_UTF16, normalizeSpanNote } from '../../shared/text/normalize-span-note';
import { OffsetMap } from '../../shared/text/offset-map';
import { StoreError } from '../database-errors';
import { readSchemaVersion } from '../migrate';
import { prepareAttributionStatements, type AttributionStatements, type RelationRow } from './attribution-statements';
import { parseAttributes, toAnnotator, toDocumentRecord, toDocumentSummary, toLabel, toRelation, toSpan } from './map-rows';
import { Operation } from './Operation';
import { Register } from './Register';
import { removeRelation, replayOperation } from './replay-operation';
import { SchemaRegistry } from './SchemaRegistry';
import { prepareStoreStatements, type FullSpanRow, type SpanRow, type StoreStatements } from './store-statements';

const CURRENT_ANNOTATOR_KEY = 'current_annotator_id';

/** A validated, canonical text ready to be stored (see db/import-text-files.ts). */
export interface NewDocument {
  sourceName: string;
  title: string;
  text: string;
  sha256: string;
  lengthCodePoints: number;
}

export interface StoredDocument {
  document: DocumentSummary;
  /** False when a document with the same text (sha256) was already in the database. */
  created: boolean;
}

export interface NewSpan {
  documentId: string;
  label: string;
  startUtf16: number;
  endUtf16: number;
}

export interface NewRelation {
  type: string;
  fromSpanId: string;
  toSpanId: string;
}

const stores = new WeakMap<Database.Database, Store>();

export class Store {
  private readonly sql: StoreStatements & AttributionStatements;
  /**
   * Texts are immutable, so the text and offset map of the last document touched stay valid.
   * Worth it: reading a 200,000-character text out of SQLite takes about 4 ms.
   */
  private lastText: { documentId: string; text: string; map: OffsetMap | undefined } | undefined;
  readonly schemas: SchemaRegistry;
  readonly register: Register;

  constructor(readonly db: Database.Database) {
    this.sql = { ...prepareStoreStatements(db), ...prepareAttributionStatements(db) };
    this.schemas = new SchemaRegistry(db, this.sql);
    this.register = new Register(this, this.sql);
  }

  /** The one Store of a connection, so that callers sharing a connection share its prepared statements. */
  static for(db: Database.Database): Store {
    let store = stores.get(db);
    if (store === undefined) {
      store = new Store(db);
      stores.set(db, store);
    }
    return store;
  }

  schemaVersion(): number {
    return readSchemaVersion(this.db);
  }

  currentAnnotator(): Annotator | null {
    const id = this.sql.getSetting.get(CURRENT_ANNOTATOR_KEY)?.value;
    const row = id === undefined ? undefined : this.sql.annotatorById.get(id);
    return row === undefined ? null : toAnnotator(row);
  }

  /** Reuses the annotator with this name, or creates one, and makes it current. */
  setCurrentAnnotator(rawName: string): Annotator {
    const name = rawName.trim().normalize('NFC');
    if (name === '') throw new StoreError('NO_ANNOTATOR', 'An annotator name cannot be blank.');
    return this.db.transaction(() => {
      let row = this.sql.annotatorByName.get(name);
      if (row === undefined) {
        row = { id: randomUUID(), name };
        this.sql.insertAnnotator.run({ ...row, at: now() });
      }
      this.sql.putSetting.run(CURRENT_ANNOTATOR_KEY, row.id);
      return toAnnotator(row);
    })();
  }

  /** The active schema's labels (the labels table is kept equal to them). */
  listLabels(): Label[] {
    return this.sql.listLabels.all().map(toLabel);
  }

  listDocuments(): DocumentSummary[] {
    return this.sql.listDocumentSummaries.all(this.summaryParams()).map(toDocumentSummary);
  }

  getDocument(documentId: string): { document: DocumentRecord } & DocumentAnnotations {
    const row = this.sql.documentById.get({ ...this.summaryParams(), id: documentId });
    if (row === undefined) throw notFound('document', documentId);
    return { document: toDocumentRecord(row), ...this.annotationsOf(documentId, row.text) };
  }

  /** Stores all documents in one transaction; a text already present (same sha256) is returned, not duplicated. */
  insertDocuments(documents: readonly NewDocument[]): StoredDocument[] {
    return this.db.transaction(() => {
      const at = now();
      return documents.map((document) => {
        const existingId = this.sql.documentIdBySha256.get(document.sha256)?.id;
        const id = existingId ?? randomUUID();
        if (existingId === undefined) this.sql.insertDocument.run({ ...document, id, meta: null, at });
        return { document: this.summary(id), created: existingId === undefined };
      });
    })();
  }

  /** Deletes the document, its spans and relations; each deletion is logged so its history stays complete. */
  deleteDocument(documentId: string): void {
    this.db.transaction(() => {
      if (this.textOf(documentId) === undefined) throw notFound('document', documentId);
      const operation = this.operation('documents.delete', this.currentAnnotator()?.id ?? null, null);
      for (const relation of this.sql.relationsByDocument.all(documentId)) removeRelation(this.sql, operation, relation);
      for (const span of this.sql.spansByDocument.all(documentId)) operation.logSpan(documentId, span.id, span, null);
      // Explicit rather than relying on ON DELETE CASCADE, which depends on the connection's foreign_keys pragma.
      this.sql.clearStacksOfDocument.run(documentId);
      this.sql.deleteSpansOfDocument.run(documentId);
      this.sql.deleteDocument.run(documentId);
    })();
  }

  setDocumentStatus(documentId: string, status: DocumentStatus): DocumentSummary {
    return this.db.transaction(() => {
      const annotator = this.requireAnnotator();
      if (this.textOf(documentId) === undefined) throw notFound('document', documentId);
      this.sql.putStatus.run({ documentId, annotatorId: annotator.id, status, at: now() });
      return this.summary(documentId);
    })();
  }

  /** Every annotator's status on the document (those who never set one are absent). */
  documentStatuses(documentId: string): { annotatorId: string; annotatorName: string; status: DocumentStatus }[] {
    return this.sql.statusesOfDocument
      .all(documentId)
      .map((row) => ({ annotatorId: row.annotator_id, annotatorName: row.annotator_name, status: row.status as DocumentStatus }));
  }

  createSpan(input: NewSpan): Span {
    return this.edit('spans.create', () => input.documentId, (operation, annotator) => {
      const text = this.textOf(input.documentId);
      if (text === undefined) throw notFound('document', input.documentId);
      const label = this.requireLabel(input.label);
      const map = this.offsetMap(input.documentId, text);
      const range = checkSpanRangeUtf16(map, input.startUtf16, input.endUtf16);
      if (!range.ok) throw new StoreError('INVALID_SPAN', range.message);

      const id = randomUUID();
      const attributes = JSON.stringify(defaultAttributes(label));
      this.sql.insertSpan.run({ ...input, id, annotatorId: annotator.id, attributes, at: operation.at });
      const row = this.sql.spanById.get(id)!;
      operation.logSpan(input.documentId, id, null, row);
      return toSpan(row, map);
    });
  }

  /**
   * Relabels a span. Attribute values the new label accepts are kept (others fall back to its
   * defaults), an entity link of another kind is dropped, and relations that no longer fit the
   * schema are deleted: all in the one operation, so one undo restores everything.
   */
  setSpanLabel(spanId: string, labelName: string): Span {
    return this.edit('spans.setLabel', () => this.requireSpan(spanId).document_id, (operation) => {
      const before = this.requireSpan(spanId);
      const label = this.requireLabel(labelName);
      if (before.label === labelName) return this.spanFromRow(before);

      const schema = this.schemas.active();
      for (const relation of this.sql.relationsOfSpan.all(spanId, spanId)) {
        const fromLabel = relation.from_span_id === spanId ? labelName : this.requireSpan(relation.from_span_id).label;
        const toLabel = relation.to_span_id === spanId ? labelName : this.requireSpan(relation.to_span_id).label;
        if (!checkRelationLabels(schema, relation.type, fromLabel, toLabel).ok) removeRelation(this.sql, operation, relation);
      }
      const entityKind = before.entity_id === null ? undefined : this.register.kindOf(before.entity_id);
      return this.spanFromRow(this.writeSpan(operation, before, {
        label: labelName,
        attributes: JSON.stringify(reconcileAttributes(label, parseAttributes(before.attributes))),
        entityId: entityKind !== undefined && entityKind === label.entityKind ? before.entity_id : null,
      }));
    });
  }

  /** Moves a span's boundaries, validated like a new span. */
  setSpanBounds(spanId: string, startUtf16: number, endUtf16: number): Span {
    return this.edit('spans.setBounds', () => this.requireSpan(spanId).document_id, (operation) => {
      const before = this.requireSpan(spanId);
      const text = this.textOf(before.document_id)!;
      const range = checkSpanRangeUtf16(this.offsetMap(before.document_id, text), startUtf16, endUtf16);
      if (!range.ok) throw new StoreError('INVALID_SPAN', range.message);
      if (before.start_utf16 === startUtf16 && before.end_utf16 === endUtf16) return this.spanFromRow(before);
      return this.spanFromRow(this.writeSpan(operation, before, { startUtf16, endUtf16 }));
    });
  }

  /** Sets attribute values (null removes one), checked against the active schema's definition for the span's label. */
  setSpanAttributes(spanId: string, changes: Readonly<Record<string, AttributeValue | null>>): Span {
    return this.edit('spans.setAttributes', () => this.requireSpan(spanId).document_id, (operation) => {
      const before = this.requireSpan(spanId);
      const label = this.requireLabel(before.label);
      const result = applyAttributeChanges(label, parseAttributes(before.attributes), changes);
      if (!result.ok) throw new StoreError('INVALID_ATTRIBUTE', result.message);
      const attributes = JSON.stringify(result.attributes);
      if (attributes === before.attributes) return this.spanFromRow(before);
      return this.spanFromRow(this.writeSpan(operation, before, { attributes }));
    });
  }

  /** Sets the span's free-text note (null or blank removes it); one operation, so one undo restores the old note. */
  setSpanNote(spanId: string, rawNote: string | null): Span {
    return this.edit('spans.setNote', () => this.requireSpan(spanId).document_id, (operation) => {
      const before = this.requireSpan(spanId);
      const note = normalizeSpanNote(rawNote);
      if (note !== null && note.length > MAX_SPAN_NOTE_UTF16) {
        throw new StoreError('INVALID_ATTRIBUTE', `A note is at most ${MAX_SPAN_NOTE_UTF16} characters; this one has ${note.length}.`);
      }
      if (before.note === note) return this.spanFromRow(before);
      return this.spanFromRow(this.writeSpan(operation, before, { note }));
    });
  }

  /** Links a speaker or source span to a register entry of the same kind (null unlinks). */
  linkSpanEntity(spanId: string, entityId: string | null): Span {
    return this.edit('spans.linkEntity', () => this.requireSpan(spanId).document_id, (operation) => {
      const before = this.requireSpan(spanId);
      if (entityId !== null) {
        const label = this.requireLabel(before.label);
        const entity = this.register.requireActive(entityId);
        if (label.entityKind === undefined) {
          throw new StoreError('CONFLICT', `A «${label.name}» span cannot be linked to the register; only labels with an entity kind can.`);
        }
        if (entity.kind !== label.entityKind) {
          throw new StoreError('CONFLICT', `A «${label.name}» span links to ${label.entityKind} entries; «${entity.name}» is a ${entity.kind}.`);
        }
      }
      if (before.entity_id === entityId) return this.spanFromRow(before);
      return this.spanFromRow(this.writeSpan(operation, before, { entityId }));
    });
  }

  /** Deletes the span and the relations touching it, in one operation. */
  deleteSpan(spanId: string): void {
    this.edit('spans.delete', () => this.requireSpan(spanId).document_id, (operation) => {
      const before = this.requireSpan(spanId);
      for (const relation of this.sql.relationsOfSpan.all(spanId, spanId)) removeRelation(this.sql, operation, relation);
      this.sql.deleteSpan.run(spanId);
      operation.logSpan(before.document_id, spanId, before, null);
    });
  }

  /** Links two spans of one annotator in one document, if the active schema has that relation between their labels. */
  createRelation(input: NewRelation): Relation {
    return this.edit('relations.create', () => this.requireSpan(input.fromSpanId).document_id, (operation, annotator) => {
      const from = this.requireSpan(input.fromSpanId);
      const to = this.requireSpan(input.toSpanId);
      if (from.id === to.id) throw new StoreError('INVALID_RELATION', 'A relation joins two different spans.');
      if (from.document_id !== to.document_id) throw new StoreError('INVALID_RELATION', 'A relation joins two spans of the same document.');
      if (from.annotator_id !== to.annotator_id) {
        throw new StoreError('INVALID_RELATION', `A relation joins spans of one annotator; these are by ${from.annotator_name} and ${to.annotator_name}.`);
      }
      const check = checkRelationLabels(this.schemas.active(), input.type, from.label, to.label);
      if (!check.ok) throw new StoreError('INVALID_RELATION', check.message);
      if (this.sql.relationByEnds.get(from.id, input.type, to.id) !== undefined) {
        throw new StoreError('INVALID_RELATION', `These spans are already joined by a «${input.type}» relation.`);
      }
      const id = randomUUID();
      this.sql.insertRelation.run({ id, documentId: from.document_id, annotatorId: annotator.id, ...input, createdAt: operation.at });
      const row = this.sql.relationById.get(id)!;
      operation.logRelation(null, row);
      return toRelation(row);
    });
  }

  deleteRelation(relationId: string): void {
    this.edit('relations.delete', () => this.requireRelation(relationId).document_id, (operation) => {
      removeRelation(this.sql, operation, this.requireRelation(relationId));
    });
  }

  /** Reverts the current annotator's last operation on the document (nothing when there is none). */
  undo(documentId: string): HistoryResult {
    return this.replay(documentId, 'undo');
  }

  /** Re-applies the operation undone last, unless a new change has been made since. */
  redo(documentId: string): HistoryResult {
    return this.replay(documentId, 'redo');
  }

  /** A span by id, as the RPC returns it (for the register's claim lists). */
  spanById(spanId: string): Span {
    return this.spanFromRow(this.requireSpan(spanId));
  }

  requireAnnotator(): Annotator {
    const annotator = this.currentAnnotator();
    if (annotator === null) throw new StoreError('NO_ANNOTATOR', 'Enter your name as annotator before changing annotations.');
    return annotator;
  }

  /** A register-wide operation (entity creation, merge): logged, on no document's undo stack. */
  registerOperation(kind: string): Operation {
    return this.operation(kind, this.requireAnnotator().id, null);
  }

  /**
   * Writes new values over a span and logs it in `operation`; used from anywhere (a merge moves
   * links across documents), so it returns the row and leaves building a Span to callers that need one.
   */
  writeSpan(operation: Operation, before: SpanRow, changes: Partial<Omit<FullSpanRow, 'id' | 'documentId' | 'annotatorId' | 'createdAt'>>): SpanRow {
    this.sql.updateSpan.run({
      id: before.id,
      label: before.label,
      startUtf16: before.start_utf16,
      endUtf16: before.end_utf16,
      attributes: before.attributes,
      entityId: before.entity_id,
      note: before.note,
      updatedAt: operation.at,
      ...changes,
    });
    const after = this.sql.spanById.get(before.id)!;
    operation.logSpan(before.document_id, before.id, before, after);
    return after;
  }

  /**
   * Runs one annotation edit by the current annotator as one transaction and one operation. When it
   * changed something, the operation goes on the document's undo stack (clearing the redo stack),
   * the document is touched and the annotator's status becomes in progress.
   */
  private edit<T>(kind: string, documentIdOf: () => string, body: (operation: Operation, annotator: Annotator) => T): T {
    return this.db.transaction(() => {
      const annotator = this.requireAnnotator();
      const documentId = documentIdOf();
      const operation = this.operation(kind, annotator.id, documentId);
      const result = body(operation, annotator);
      if (operation.seq !== undefined) {
        this.sql.clearRedo.run({ documentId, annotatorId: annotator.id });
        this.sql.pushDone.run({ seq: operation.seq, documentId, annotatorId: annotator.id });
        this.touch(documentId, annotator.id, operation.at);
      }
      return result;
    })();
  }

  private replay(documentId: string, direction: 'undo' | 'redo'): HistoryResult {
    return this.db.transaction(() => {
      const annotator = this.requireAnnotator();
      const text = this.textOf(documentId);
      if (text === undefined) throw notFound('document', documentId);
      const top = this.sql.stackTop.get({ documentId, annotatorId: annotator.id, state: direction === 'undo' ? 'done' : 'undone' });
      if (top === undefined) return { documentId, changed: false, ...this.annotationsOf(documentId, text) };

      const operation = this.operation(`history.${direction}`, annotator.id, documentId, top.operation_seq);
      replayOperation(
        {
          sql: this.sql,
          operation,
          documentId,
          resolveEntity: (entityId) => this.register.resolve(entityId),
          writeSpan: (...args) => this.writeSpan(...args),
        },
        top.operation_seq,
        direction,
      );

      // The replay's own sequence number orders the stacks, even if every row was already as wanted.
      const order = operation.ensureSeq();
      this.sql.moveOnStack.run({ seq: top.operation_seq, state: direction === 'undo' ? 'undone' : 'done', order });
      this.touch(documentId, annotator.id, operation.at);
      return { documentId, changed: true, ...this.annotationsOf(documentId, text) };
    })();
  }

  private operation(kind: string, annotatorId: string | null, documentId: string | null, reversesSeq?: number): Operation {
    return new Operation(this.sql, { kind, at: now(), annotatorId, documentId, ...(reversesSeq === undefined ? {} : { reversesSeq }) });
  }

  private touch(documentId: string, annotatorId: string, at: string): void {
    this.sql.touchDocument.run({ id: documentId, at });
    this.sql.startStatus.run({ documentId, annotatorId, at });
  }

  private annotationsOf(documentId: string, text: string): DocumentAnnotations {
    const map = this.offsetMap(documentId, text);
    const annotatorId = this.currentAnnotator()?.id;
    const top = (state: 'done' | 'undone') =>
      annotatorId !== undefined && this.sql.stackTop.get({ documentId, annotatorId, state }) !== undefined;
    return {
      spans: this.sql.spansByDocument.all(documentId).map((span) => toSpan(span, map)),
      relations: this.sql.relationsByDocument.all(documentId).map(toRelation),
      history: { canUndo: top('done'), canRedo: top('undone') },
    };
  }

  private summary(documentId: string): DocumentSummary {
    return toDocumentSummary(this.sql.documentSummaryById.get({ ...this.summaryParams(), id: documentId })!);
  }

  private summaryParams(): { annotatorId: string | null } {
    return { annotatorId: this.currentAnnotator()?.id ?? null };
  }

  private requireLabel(name: string): SchemaLabel {
    const label = this.sql.labelByName.get(name) === undefined ? undefined : this.schemas.label(name);
    if (label !== undefined) return label;
    const known = this.listLabels()
      .map((known) => known.name)
      .join(', ');
    throw new StoreError('UNKNOWN_LABEL', `Unknown label «${name}»; known labels: ${known}`);
  }

  private requireSpan(spanId: string): SpanRow {
    const row = this.sql.spanById.get(spanId);
    if (row === undefined) throw notFound('span', spanId);
    return row;
  }

  private requireRelation(relationId: string): RelationRow {
    const row = this.sql.relationById.get(relationId);
    if (row === undefined) throw notFound('relation', relationId);
    return row;
  }

  private spanFromRow(row: SpanRow): Span {
    return toSpan(row, this.offsetMap(row.document_id, this.textOf(row.document_id)!));
  }

  /** The document's text, or undefined when there is no such document (checked every time: it may have been deleted). */
  private textOf(documentId: string): string | undefined {
    if (this.sql.documentExists.get(documentId) === undefined) return undefined;
    if (this.lastText?.documentId !== documentId) {
      this.lastText = { documentId, text: this.sql.documentTextById.get(documentId)!.text, map: undefined };
    }
    return this.lastText.text;
  }

  private offsetMap(documentId: string, text: string): OffsetMap {
    if (this.lastText?.documentId !== documentId) this.lastText = { documentId, text, map: undefined };
    this.lastText.map ??= new OffsetMap(text);
    return this.lastText.map;
  }
}

function notFound(kind: 'document' | 'span' | 'relation', id: string): StoreError {
  return new StoreError('NOT_FOUND', `No ${kind} with id «${id}».`);
}

function now(): string {
  return new Date().toISOString();
}
