// Domain types that cross the RPC boundary. Offsets name their unit: *Utf16 or *CodePoints.
import type { DocumentMeta } from '../export/document-meta';
import type { EntityKind, LocalizedName, SpanAttributes } from '../schemas/annotation-schema';

export type { AnnotationSchema, AttributeValue, EntityKind, SpanAttributes } from '../schemas/annotation-schema';

export interface Annotator {
  id: string;
  name: string;
}

export interface Label {
  /** Stable name stored with spans and written to exports, e.g. "claim". */
  name: string;
  /** CSS colour for highlights and chips. */
  color: string;
  /** KeyboardEvent.code of the physical key that applies it, so it works on any keyboard layout. */
  shortcutCode: string;
  sortOrder: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  sha256: string;
  lengthCodePoints: number;
  spanCount: number;
  createdAt: string;
  /** Last change to the document or any of its spans. */
  updatedAt: string;
  /** The current annotator's progress on this document ('not_started' when none is current). */
  status: DocumentStatus;
}

export const DOCUMENT_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface DocumentRecord extends DocumentSummary {
  text: string;
  sourceName: string;
  /** The metadata the document was imported with (a JSONL corpus's `meta`, …); null when none. */
  meta: DocumentMeta | null;
}

export interface Span {
  id: string;
  documentId: string;
  annotatorId: string;
  annotatorName: string;
  label: string;
  startUtf16: number;
  endUtf16: number;
  startCodePoints: number;
  endCodePoints: number;
  text: string;
  /** Values of the attributes the active schema defines for the span's label. */
  attributes: SpanAttributes;
  /** The register entry (speaker or source) this span names, if linked. */
  entityId: string | null;
  /** The annotator's free-text comment (brat's AnnotatorNotes); null when there is none. */
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A typed link between two spans of one annotator in one document, e.g. claim said_by speaker. */
export interface Relation {
  id: string;
  documentId: string;
  annotatorId: string;
  annotatorName: string;
  /** A relation type of the active schema, e.g. "said_by". */
  type: string;
  fromSpanId: string;
  toSpanId: string;
  createdAt: string;
}

/** What the UI needs to redraw a document after any change, including undo and redo. */
export interface DocumentAnnotations {
  spans: Span[];
  relations: Relation[];
  /** For the current annotator on this document. */
  history: { canUndo: boolean; canRedo: boolean };
}

/** A register entry: one speaker or source, shared across documents. */
export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  /** `name` normalized for matching (see entities.search). */
  normalizedName: string;
  /** Spans linked to this entity, across documents and annotators. */
  linkCount: number;
  createdAt: string;
}

/** One claim attributed to a register entry through a relation to a span linked to it. */
export interface EntityClaim {
  documentId: string;
  documentTitle: string;
  relationType: string;
  claim: Span;
  /** The speaker or source span linked to the entity. */
  via: Span;
}

export interface SchemaSummary {
  id: string;
  version: number;
  displayName: LocalizedName;
  builtIn: boolean;
  active: boolean;
}

export interface HistoryResult extends DocumentAnnotations {
  documentId: string;
  /** False when there was nothing to undo (or redo): then nothing changed. */
  changed: boolean;
}

/** What documents.importIsnad did: the documents of the file (new or already there) and what it added. */
export interface IsnadImportSummary {
  documents: DocumentSummary[];
  documentsAdded: number;
  spansAdded: number;
  /** Spans already there (same id, or same document, annotator, label and offsets) whose label, attributes or link differed. */
  spansUpdated: number;
  relationsAdded: number;
  entitiesAdded: number;
}

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
  maxImportBytes: number;
}
