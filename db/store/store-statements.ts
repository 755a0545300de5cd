// Every SQL statement the store runs, prepared once per Store, with the row shapes they return.
import type Database from 'better-sqlite3';

export interface AnnotatorRow {
  id: string;
  name: string;
}

export interface LabelRow {
  name: string;
  color: string;
  shortcut_code: string;
  sort_order: number;
}

export interface DocumentSummaryRow {
  id: string;
  title: string;
  sha256: string;
  length_code_points: number;
  span_count: number;
  created_at: string;
  updated_at: string;
  /** The given annotator's status; NULL when never set. */
  status: string | null;
}

export interface DocumentRow extends DocumentSummaryRow {
  source_name: string;
  text: string;
  /** JSON object of the metadata the document was imported with; NULL when none (schema v5). */
  meta: string | null;
}

export interface SpanRow {
  id: string;
  document_id: string;
  annotator_id: string;
  annotator_name: string;
  label: string;
  start_utf16: number;
  end_utf16: number;
  /** JSON object of attribute values. */
  attributes: string;
  entity_id: string | null;
  /** Free text; NULL when the span has none (schema v4). */
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewDocumentRow {
  id: string;
  title: string;
  sourceName: string;
  text: string;
  sha256: string;
  lengthCodePoints: number;
  /** JSON object, or null. */
  meta: string | null;
  at: string;
}

export interface NewSpanRow {
  id: string;
  documentId: string;
  annotatorId: string;
  label: string;
  startUtf16: number;
  endUtf16: number;
  attributes: string;
  at: string;
}

/** Every stored column of a span, as undo and redo write it back. */
export interface FullSpanRow {
  id: string;
  documentId: string;
  annotatorId: string;
  label: string;
  startUtf16: number;
  endUtf16: number;
  attributes: string;
  entityId: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SpanChangeRow {
  operationSeq: number | null;
  at: string;
  annotatorId: string | null;
  documentId: string;
  spanId: string;
  action: 'create' | 'update' | 'delete';
  before: string | null;
  after: string | null;
}

// Summary columns, with updatedAt = the latest change to the document or any of its spans, and the
// status of the annotator bound as @annotatorId.
const DOCUMENT_SUMMARY_COLUMNS = `
  d.id, d.title, d.sha256, d.length_code_points, d.created_at,
  (SELECT ds.status FROM document_status ds WHERE ds.document_id = d.id AND ds.annotator_id = @annotatorId) AS status,
  (SELECT COUNT(*) FROM spans s WHERE s.document_id = d.id) AS span_count,
  MAX(d.updated_at, COALESCE((SELECT MAX(s.updated_at) FROM spans s WHERE s.document_id = d.id), d.updated_at)) AS updated_at`;

const SPAN_COLUMNS = `
  s.id, s.document_id, s.annotator_id, a.name AS annotator_name, s.label,
  s.start_utf16, s.end_utf16, s.attributes, s.entity_id, s.note, s.created_at, s.updated_at`;

/** Binds the annotator whose status the summary columns report (null: none). */
export interface SummaryParams {
  annotatorId: string | null;
}

export function prepareStoreStatements(db: Database.Database) {
  return {
    getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
    putSetting: db.prepare<[string, string], void>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),

    annotatorById: db.prepare<[string], AnnotatorRow>('SELECT id, name FROM annotators WHERE id = ?'),
    annotatorByName: db.prepare<[string], AnnotatorRow>('SELECT id, name FROM annotators WHERE name = ?'),
    insertAnnotator: db.prepare<[{ id: string; name: string; at: string }], void>(
      'INSERT INTO annotators (id, name, created_at) VALUES (@id, @name, @at)',
    ),

    listLabels: db.prepare<[], LabelRow>('SELECT name, color, shortcut_code, sort_order FROM labels ORDER BY sort_order, name'),
    labelByName: db.prepare<[string], LabelRow>('SELECT name, color, shortcut_code, sort_order FROM labels WHERE name = ?'),

    listDocumentSummaries: db.prepare<[SummaryParams], DocumentSummaryRow>(
      `SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents d ORDER BY d.created_at, d.rowid`,
    ),
    documentSummaryById: db.prepare<[SummaryParams & { id: string }], DocumentSummaryRow>(
      `SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents d WHERE d.id = @id`,
    ),
    documentById: db.prepare<[SummaryParams & { id: string }], DocumentRow>(
      `SELECT ${DOCUMENT_SUMMARY_COLUMNS}, d.source_name, d.text, d.meta FROM documents d WHERE d.id = @id`,
    ),
    documentTextById: db.prepare<[string], { text: string }>('SELECT text FROM documents WHERE id = ?'),
    documentExists: db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE id = ?'),
    documentIdBySha256: db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE sha256 = ?'),
    insertDocument: db.prepare<[NewDocumentRow], void>(
      `INSERT INTO documents (id, title, source_name, text, sha256, length_code_points, meta, created_at, updated_at)
       VALUES (@id, @title, @sourceName, @text, @sha256, @lengthCodePoints, @meta, @at, @at)`,
    ),
    touchDocument: db.prepare<[{ id: string; at: string }], void>('UPDATE documents SET updated_at = @at WHERE id = @id'),
    documentMetaById: db.prepare<[string], { meta: string | null }>('SELECT meta FROM documents WHERE id = ?'),
    // Metadata is filled in once (a text imported bare, then its corpus line) and never replaced.
    fillDocumentMeta: db.prepare<[string, string], void>('UPDATE documents SET meta = ? WHERE id = ? AND meta IS NULL'),
    deleteDocument: db.prepare<[string], void>('DELETE FROM documents WHERE id = ?'),

    spansByDocument: db.prepare<[string], SpanRow>(
      `SELECT ${SPAN_COLUMNS} FROM spans s JOIN annotators a ON a.id = s.annotator_id
       WHERE s.document_id = ? ORDER BY s.start_utf16, s.end_utf16 DESC, s.created_at, s.rowid`,
    ),
    spanById: db.prepare<[string], SpanRow>(`SELECT ${SPAN_COLUMNS} FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.id = ?`),
    insertSpan: db.prepare<[NewSpanRow], void>(
      `INSERT INTO spans (id, document_id, annotator_id, label, start_utf16, end_utf16, attributes, created_at, updated_at)
       VALUES (@id, @documentId, @annotatorId, @label, @startUtf16, @endUtf16, @attributes, @at, @at)`,
    ),
    insertFullSpan: db.prepare<[FullSpanRow], void>(
      `INSERT INTO spans (id, document_id, annotator_id, label, start_utf16, end_utf16, attributes, entity_id, note, created_at, updated_at)
       VALUES (@id, @documentId, @annotatorId, @label, @startUtf16, @endUtf16, @attributes, @entityId, @note, @createdAt, @updatedAt)`,
    ),
    /** Everything but the identity, document, owner and creation time, which never change. */
    updateSpan: db.prepare<[Omit<FullSpanRow, 'documentId' | 'annotatorId' | 'createdAt'>], void>(
      `UPDATE spans SET label = @label, start_utf16 = @startUtf16, end_utf16 = @endUtf16, attributes = @attributes,
       entity_id = @entityId, note = @note, updated_at = @updatedAt WHERE id = @id`,
    ),
    deleteSpan: db.prepare<[string], void>('DELETE FROM spans WHERE id = ?'),
    deleteSpansOfDocument: db.prepare<[string], void>('DELETE FROM spans WHERE document_id = ?'),

    insertSpanChange: db.prepare<[SpanChangeRow], void>(
      `INSERT INTO span_changes (operation_seq, at, annotator_id, document_id, span_id, action, before, after)
       VALUES (@operationSeq, @at, @annotatorId, @documentId, @spanId, @action, @before, @after)`,
    ),
  };
}

export type StoreStatements = ReturnType<typeof prepareStoreStatements>;
