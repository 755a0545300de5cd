// What an import does with the metadata of a document that is already stored (same text): fills it
// in when the stored document has none, and otherwise keeps what is stored, so that importing the
// same file twice, or another file of the same text, never rewrites it.
import { sameDocumentMeta } from '../shared/export/document-meta';
import type { prepareStoreStatements } from './store/store-statements';

type Statements = Pick<ReturnType<typeof prepareStoreStatements>, 'documentMetaById' | 'fillDocumentMeta'>;

/** 'filled' or 'same', or 'differs' when other metadata is stored (it is kept). */
export function mergeDocumentMeta(sql: Statements, documentId: string, metaJson: string): 'filled' | 'same' | 'differs' {
  const stored = sql.documentMetaById.get(documentId)?.meta ?? null;
  if (stored === null) {
    sql.fillDocumentMeta.run(metaJson, documentId);
    return 'filled';
  }
  return sameDocumentMeta(JSON.parse(stored), JSON.parse(metaJson)) ? 'same' : 'differs';
}
