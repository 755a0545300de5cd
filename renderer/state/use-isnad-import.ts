// Imports Isnad export files (.json) chosen or dropped in the window: each is sent whole to
// documents.importIsnad, which checks everything before writing; the document list is refreshed and
// the first imported document opened (reloaded, if it was already open).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ISNAD_IMPORT_BYTES } from '../../shared/rpc/contract';
import type { DocumentSummary } from '../../shared/rpc/domain';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError } from '../../shared/rpc/rpc-error';

interface Host {
  show: (kind: 'error' | 'info', title: string, detail?: string) => void;
  showRpcError: (error: RpcError, context?: string) => void;
  setDocuments: (documents: DocumentSummary[]) => void;
  openDocumentById: (documentId: string) => Promise<void>;
}

export function isIsnadExportFile(file: File): boolean {
  return file.name.toLowerCase().endsWith('.json');
}

export function useIsnadImport(rpc: RpcInvoke, host: Host) {
  const { t } = useTranslation();
  const { show, showRpcError, setDocuments, openDocumentById } = host;

  return useCallback(
    async (files: readonly File[]) => {
      let firstDocumentId: string | undefined;
      const lines: string[] = [];
      for (const file of files) {
        if (file.size > MAX_ISNAD_IMPORT_BYTES) {
          show('error', t('errors.INVALID_FILE'), t('import.tooLarge', { name: file.name, max: MAX_ISNAD_IMPORT_BYTES / (1024 * 1024) }));
          return;
        }
        const result = await rpc('documents.importIsnad', { json: await file.text(), fileName: file.name });
        if (!result.ok) {
          showRpcError(result.error);
          return;
        }
        firstDocumentId ??= result.value.documents[0]?.id;
        lines.push(t('isnadImport.summary', { name: file.name, ...result.value, documents: result.value.documents.length }));
      }
      const listed = await rpc('documents.list', {});
      if (listed.ok) setDocuments(listed.value);
      show('info', t('isnadImport.done', { count: files.length }), lines.join(' · '));
      if (firstDocumentId !== undefined) await openDocumentById(firstDocumentId);
    },
    [rpc, show, showRpcError, setDocuments, openDocumentById, t],
  );
}
