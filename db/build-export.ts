// Builds the Isnad export v1 (shared/export/export-v1.ts) for one document or for all of them:
// spans with attributes, entity links and notes, relations, per-annotator status, the register entries
// used, and the active schema. Listed annotators are those with spans, relations or a status.
// The result is checked against the zod schema before it leaves, so a bug cannot ship a bad file.
import type Database from 'better-sqlite3';
import { ExportFileV1, type ExportDocumentV1, type ExportEntityV1 } from '../shared/export/export-v1';
import type { DocumentRecord, Relation, Span } from '../shared/rpc/domain';
import { Store } from './store/Store';

export interface BuildExportOptions {
  /** Export this document only (NOT_FOUND if it does not exist); all documents when absent. */
  documentId?: string | undefined;
  /** Export only these annotators' layers (e.g. the gold layer); every annotator when absent. */
  annotatorIds?: readonly string[] | undefined;
}

export function buildExport(db: Database.Database | Store, options: BuildExportOptions = {}): ExportFileV1 {
  const store = db instanceof Store ? db : Store.for(db);
  // One read transaction, so the export is a consistent snapshot even if another connection writes meanwhile.
  const file = store.db.transaction(() => {
    const ids = options.documentId === undefined ? store.listDocuments().map((summary) => summary.id) : [options.documentId];
    const wanted = options.annotatorIds === undefined ? undefined : new Set(options.annotatorIds);
    const keep = (row: { annotatorId: string }) => wanted === undefined || wanted.has(row.annotatorId);
    const loaded = ids.map((id) => {
      const { document, spans, relations } = store.getDocument(id);
      return { document, spans: spans.filter(keep), relations: relations.filter(keep), statuses: store.documentStatuses(id).filter(keep) };
    });

    const annotators = new Map<string, ExportFileV1['annotators'][number]>();
    const entities = new Map<string, ExportEntityV1>();
    for (const entry of loaded) {
      for (const span of entry.spans) {
        annotators.set(span.annotatorId, { id: span.annotatorId, name: span.annotatorName });
        if (span.entityId !== null && !entities.has(span.entityId)) {
          const entity = store.register.get(span.entityId);
          entities.set(entity.id, { id: entity.id, kind: entity.kind, name: entity.name, normalizedName: entity.normalizedName });
        }
      }
      for (const relation of entry.relations) annotators.set(relation.annotatorId, { id: relation.annotatorId, name: relation.annotatorName });
      for (const status of entry.statuses) annotators.set(status.annotatorId, { id: status.annotatorId, name: status.annotatorName });
    }
    return {
      format: 'isnad' as const,
      version: 1 as const,
      exportedAt: new Date().toISOString(),
      annotators: [...annotators.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
      documents: loaded.map((entry) => toExportDocument(entry.document, entry.spans, entry.relations, entry.statuses)),
      entities: [...entities.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.normalizedName.localeCompare(b.normalizedName) || a.id.localeCompare(b.id)),
      schema: store.schemas.active(),
    };
  })();
  return ExportFileV1.parse(file);
}

/** One document of the export file: the same fields, in the same order, for every exporter. */
export function toExportDocument(
  document: DocumentRecord,
  spans: Span[],
  relations: Relation[],
  statuses: { annotatorId: string; status: string }[],
): ExportDocumentV1 {
  return {
    id: document.id,
    title: document.title,
    // Isnad imports Arabic news text; a per-document language is a later schema change.
    lang: 'ar',
    direction: 'rtl',
    sha256: document.sha256,
    ...(document.meta === null ? {} : { meta: document.meta }),
    text: document.text,
    spans: spans.map((span) => ({
      id: span.id,
      annotator: span.annotatorId,
      label: span.label,
      start: span.startCodePoints,
      end: span.endCodePoints,
      startUtf16: span.startUtf16,
      endUtf16: span.endUtf16,
      text: span.text,
      attributes: span.attributes,
      ...(span.entityId === null ? {} : { entity: span.entityId }),
      ...(span.note === null ? {} : { note: span.note }),
      createdAt: span.createdAt,
      updatedAt: span.updatedAt,
    })),
    relations: relations.map((relation) => ({
      id: relation.id,
      annotator: relation.annotatorId,
      type: relation.type,
      from: relation.fromSpanId,
      to: relation.toSpanId,
      createdAt: relation.createdAt,
    })),
    status: Object.fromEntries(statuses.map((entry) => [entry.annotatorId, entry.status])) as ExportDocumentV1['status'],
  };
}
