// Builds the Isnad export v1 (shared/export/export-v1.ts) for one document or for all of them.
// Only annotators with spans in the exported documents are listed.
import type Database from 'better-sqlite3';
import type { ExportDocumentV1, ExportFileV1 } from '../shared/export/export-v1';
import type { DocumentRecord, Span } from '../shared/rpc/domain';
import { Store } from './store/Store';

export interface BuildExportOptions {
  /** Export this document only (NOT_FOUND if it does not exist); all documents when absent. */
  documentId?: string | undefined;
}

export function buildExport(db: Database.Database | Store, options: BuildExportOptions = {}): ExportFileV1 {
  const store = db instanceof Store ? db : Store.for(db);
  // One read transaction, so the export is a consistent snapshot even if another connection writes meanwhile.
  return store.db.transaction(() => {
    const ids = options.documentId === undefined ? store.listDocuments().map((summary) => summary.id) : [options.documentId];
    const loaded = ids.map((id) => store.getDocument(id));

    const annotators = new Map<string, ExportFileV1['annotators'][number]>();
    for (const span of loaded.flatMap((entry) => entry.spans)) {
      annotators.set(span.annotatorId, { id: span.annotatorId, name: span.annotatorName });
    }
    return {
      format: 'isnad' as const,
      version: 1 as const,
      exportedAt: new Date().toISOString(),
      annotators: [...annotators.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
      documents: loaded.map(({ document, spans }) => toExportDocument(document, spans)),
    };
  })();
}

function toExportDocument(document: DocumentRecord, spans: Span[]): ExportDocumentV1 {
  return {
    id: document.id,
    title: document.title,
    // Isnad imports Arabic news text; a per-document language is a later schema change.
    lang: 'ar',
    direction: 'rtl',
    sha256: document.sha256,
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
      createdAt: span.createdAt,
      updatedAt: span.updatedAt,
    })),
  };
}
