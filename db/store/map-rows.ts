// Maps SQL rows to the domain types of shared/rpc/domain.ts; the only place that knows both shapes.
import type { Annotator, DocumentRecord, DocumentSummary, Label, Span } from '../../shared/rpc/domain';
import type { OffsetMap } from '../../shared/text/offset-map';
import type { AnnotatorRow, DocumentRow, DocumentSummaryRow, LabelRow, SpanRow } from './store-statements';

export function toAnnotator(row: AnnotatorRow): Annotator {
  return { id: row.id, name: row.name };
}

export function toLabel(row: LabelRow): Label {
  return { name: row.name, color: row.color, shortcutCode: row.shortcut_code, sortOrder: row.sort_order };
}

export function toDocumentSummary(row: DocumentSummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    sha256: row.sha256,
    lengthCodePoints: row.length_code_points,
    spanCount: row.span_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return { ...toDocumentSummary(row), text: row.text, sourceName: row.source_name };
}

/** `map` must be built on the span's document text: it supplies code-point offsets and the covered text. */
export function toSpan(row: SpanRow, map: OffsetMap): Span {
  return {
    id: row.id,
    documentId: row.document_id,
    annotatorId: row.annotator_id,
    annotatorName: row.annotator_name,
    label: row.label,
    startUtf16: row.start_utf16,
    endUtf16: row.end_utf16,
    startCodePoints: map.toCodePoint(row.start_utf16),
    endCodePoints: map.toCodePoint(row.end_utf16),
    text: map.sliceUtf16(row.start_utf16, row.end_utf16),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The JSON kept in span_changes.before/after: enough to restore the span exactly. */
export function toSpanSnapshotJson(row: SpanRow): string {
  return JSON.stringify({
    id: row.id,
    documentId: row.document_id,
    annotatorId: row.annotator_id,
    label: row.label,
    startUtf16: row.start_utf16,
    endUtf16: row.end_utf16,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
