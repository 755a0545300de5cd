// Maps SQL rows to the domain types of shared/rpc/domain.ts; the only place that knows both shapes.
import type { Annotator, DocumentRecord, DocumentStatus, DocumentSummary, Entity, EntityKind, Label, Relation, Span, SpanAttributes } from '../../shared/rpc/domain';
import type { DocumentMeta } from '../../shared/export/document-meta';
import type { OffsetMap } from '../../shared/text/offset-map';
import type { EntityRow, NewRelationRow, RelationRow } from './attribution-statements';
import type { AnnotatorRow, DocumentRow, DocumentSummaryRow, FullSpanRow, LabelRow, SpanRow } from './store-statements';

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
    status: (row.status ?? 'not_started') as DocumentStatus,
  };
}

export function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return { ...toDocumentSummary(row), text: row.text, sourceName: row.source_name, meta: row.meta === null ? null : (JSON.parse(row.meta) as DocumentMeta) };
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
    attributes: parseAttributes(row.attributes),
    entityId: row.entity_id,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function parseAttributes(json: string): SpanAttributes {
  return JSON.parse(json) as SpanAttributes;
}

/** The JSON kept in span_changes.before/after: enough to restore the span exactly (v1 rows lack attributes and entityId, v1-v3 rows the note). */
export function toSpanSnapshotJson(row: SpanRow): string {
  return JSON.stringify({
    id: row.id,
    documentId: row.document_id,
    annotatorId: row.annotator_id,
    label: row.label,
    startUtf16: row.start_utf16,
    endUtf16: row.end_utf16,
    attributes: parseAttributes(row.attributes),
    entityId: row.entity_id,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** A span snapshot back to the columns to write; snapshots from schema v1 had no attributes or entity, those before v4 no note. */
export function fromSpanSnapshotJson(json: string): FullSpanRow {
  const snapshot = JSON.parse(json) as Omit<FullSpanRow, 'attributes' | 'entityId' | 'note'> & { attributes?: SpanAttributes; entityId?: string | null; note?: string | null };
  return { ...snapshot, attributes: JSON.stringify(snapshot.attributes ?? {}), entityId: snapshot.entityId ?? null, note: snapshot.note ?? null };
}

export function toRelation(row: RelationRow): Relation {
  return {
    id: row.id,
    documentId: row.document_id,
    annotatorId: row.annotator_id,
    annotatorName: row.annotator_name,
    type: row.type,
    fromSpanId: row.from_span_id,
    toSpanId: row.to_span_id,
    createdAt: row.created_at,
  };
}

/** The JSON kept in relation_changes.before/after. */
export function toRelationSnapshotJson(row: RelationRow): string {
  const snapshot: NewRelationRow = {
    id: row.id,
    documentId: row.document_id,
    annotatorId: row.annotator_id,
    type: row.type,
    fromSpanId: row.from_span_id,
    toSpanId: row.to_span_id,
    createdAt: row.created_at,
  };
  return JSON.stringify(snapshot);
}

export function toEntity(row: EntityRow): Entity {
  return {
    id: row.id,
    kind: row.kind as EntityKind,
    name: row.name,
    normalizedName: row.normalized_name,
    linkCount: row.link_count,
    createdAt: row.created_at,
  };
}
