// The annotation store over one SQLite connection: statements are prepared once, every write is
// one synchronous transaction, and every span write is logged in span_changes in that transaction.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Annotator, DocumentRecord, DocumentSummary, Label, Span } from '../../shared/rpc/domain';
import { checkSpanRangeUtf16 } from '../../shared/text/check-span-range';
import { OffsetMap } from '../../shared/text/offset-map';
import { StoreError } from '../database-errors';
import { readSchemaVersion } from '../migrate';
import { toAnnotator, toDocumentRecord, toDocumentSummary, toLabel, toSpan, toSpanSnapshotJson } from './map-rows';
import { prepareStoreStatements, type SpanRow, type StoreStatements } from './store-statements';

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

const stores = new WeakMap<Database.Database, Store>();

export class Store {
  private readonly sql: StoreStatements;
  /** Texts are immutable, so the offset map of the last document touched stays valid. */
  private lastMap: { documentId: string; map: OffsetMap } | undefined;

  constructor(readonly db: Database.Database) {
    this.sql = prepareStoreStatements(db);
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

  listLabels(): Label[] {
    return this.sql.listLabels.all().map(toLabel);
  }

  listDocuments(): DocumentSummary[] {
    return this.sql.listDocumentSummaries.all().map(toDocumentSummary);
  }

  getDocument(documentId: string): { document: DocumentRecord; spans: Span[] } {
    const row = this.sql.documentById.get(documentId);
    if (row === undefined) throw notFound('document', documentId);
    const map = this.offsetMap(documentId, row.text);
    return { document: toDocumentRecord(row), spans: this.sql.spansByDocument.all(documentId).map((span) => toSpan(span, map)) };
  }

  /** Stores all documents in one transaction; a text already present (same sha256) is returned, not duplicated. */
  insertDocuments(documents: readonly NewDocument[]): StoredDocument[] {
    return this.db.transaction(() => {
      const at = now();
      return documents.map((document) => {
        const existingId = this.sql.documentIdBySha256.get(document.sha256)?.id;
        const id = existingId ?? randomUUID();
        if (existingId === undefined) this.sql.insertDocument.run({ ...document, id, at });
        return { document: toDocumentSummary(this.sql.documentSummaryById.get(id)!), created: existingId === undefined };
      });
    })();
  }

  /** Deletes the document and its spans; each span's deletion is logged so its history stays complete. */
  deleteDocument(documentId: string): void {
    this.db.transaction(() => {
      if (this.sql.documentSummaryById.get(documentId) === undefined) throw notFound('document', documentId);
      const at = now();
      const annotatorId = this.currentAnnotator()?.id ?? null;
      for (const span of this.sql.spansByDocument.all(documentId)) {
        this.logChange({ at, annotatorId, documentId, spanId: span.id, action: 'delete', before: toSpanSnapshotJson(span), after: null });
      }
      // Explicit rather than relying on ON DELETE CASCADE, which depends on the connection's foreign_keys pragma.
      this.sql.deleteSpansOfDocument.run(documentId);
      this.sql.deleteDocument.run(documentId);
    })();
  }

  createSpan(input: NewSpan): Span {
    return this.db.transaction(() => {
      const annotator = this.requireAnnotator();
      const text = this.sql.documentTextById.get(input.documentId)?.text;
      if (text === undefined) throw notFound('document', input.documentId);
      this.requireLabel(input.label);
      const map = this.offsetMap(input.documentId, text);
      const range = checkSpanRangeUtf16(map, input.startUtf16, input.endUtf16);
      if (!range.ok) throw new StoreError('INVALID_SPAN', range.message);

      const at = now();
      const id = randomUUID();
      this.sql.insertSpan.run({ ...input, id, annotatorId: annotator.id, at });
      const row = this.sql.spanById.get(id)!;
      this.logChange({ at, annotatorId: annotator.id, documentId: input.documentId, spanId: id, action: 'create', before: null, after: toSpanSnapshotJson(row) });
      this.sql.touchDocument.run({ id: input.documentId, at });
      return toSpan(row, map);
    })();
  }

  setSpanLabel(spanId: string, label: string): Span {
    return this.db.transaction(() => {
      const annotator = this.requireAnnotator();
      const before = this.requireSpan(spanId);
      this.requireLabel(label);
      if (before.label === label) return this.spanFromRow(before);

      const at = now();
      this.sql.setSpanLabel.run({ id: spanId, label, at });
      const after = this.sql.spanById.get(spanId)!;
      this.logChange({
        at,
        annotatorId: annotator.id,
        documentId: before.document_id,
        spanId,
        action: 'update',
        before: toSpanSnapshotJson(before),
        after: toSpanSnapshotJson(after),
      });
      this.sql.touchDocument.run({ id: before.document_id, at });
      return this.spanFromRow(after);
    })();
  }

  deleteSpan(spanId: string): void {
    this.db.transaction(() => {
      const annotator = this.requireAnnotator();
      const before = this.requireSpan(spanId);
      const at = now();
      this.sql.deleteSpan.run(spanId);
      this.logChange({ at, annotatorId: annotator.id, documentId: before.document_id, spanId, action: 'delete', before: toSpanSnapshotJson(before), after: null });
      this.sql.touchDocument.run({ id: before.document_id, at });
    })();
  }

  private requireAnnotator(): Annotator {
    const annotator = this.currentAnnotator();
    if (annotator === null) throw new StoreError('NO_ANNOTATOR', 'Enter your name as annotator before changing annotations.');
    return annotator;
  }

  private requireLabel(label: string): void {
    if (this.sql.labelByName.get(label) !== undefined) return;
    const known = this.listLabels().map((known) => known.name).join(', ');
    throw new StoreError('UNKNOWN_LABEL', `Unknown label «${label}»; known labels: ${known}`);
  }

  private requireSpan(spanId: string): SpanRow {
    const row = this.sql.spanById.get(spanId);
    if (row === undefined) throw notFound('span', spanId);
    return row;
  }

  private spanFromRow(row: SpanRow): Span {
    const text = this.sql.documentTextById.get(row.document_id)!.text;
    return toSpan(row, this.offsetMap(row.document_id, text));
  }

  private offsetMap(documentId: string, text: string): OffsetMap {
    if (this.lastMap?.documentId !== documentId) this.lastMap = { documentId, map: new OffsetMap(text) };
    return this.lastMap.map;
  }

  private logChange(change: Parameters<StoreStatements['insertSpanChange']['run']>[0]): void {
    this.sql.insertSpanChange.run(change);
  }
}

function notFound(kind: 'document' | 'span', id: string): StoreError {
  return new StoreError('NOT_FOUND', `No ${kind} with id «${id}».`);
}

function now(): string {
  return new Date().toISOString();
}
