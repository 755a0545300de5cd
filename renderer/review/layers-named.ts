// One export file cut down to the layers of the annotators with a given name (e.g. the gold layer
// of this database), for a review of files that did not take the whole database.
import type { ExportFileV1 } from '../../shared/export/export-v1';

export function layersNamed(file: ExportFileV1, name: string): ExportFileV1 {
  const ids = new Set(file.annotators.filter((a) => a.name === name).map((a) => a.id));
  return {
    ...file,
    annotators: file.annotators.filter((a) => ids.has(a.id)),
    documents: file.documents
      .filter((doc) => doc.spans.some((s) => ids.has(s.annotator)) || Object.entries(doc.status ?? {}).some(([id, status]) => ids.has(id) && status !== 'not_started'))
      .map((doc) => ({
        ...doc,
        spans: doc.spans.filter((s) => ids.has(s.annotator)),
        ...(doc.relations === undefined ? {} : { relations: doc.relations.filter((r) => ids.has(r.annotator)) }),
        ...(doc.status === undefined ? {} : { status: Object.fromEntries(Object.entries(doc.status).filter(([id]) => ids.has(id))) }),
      })),
  };
}
