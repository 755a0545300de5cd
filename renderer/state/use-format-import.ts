// Imports files in the annotation formats (brat pairs, JSONL, doccano, spaCy, CoNLL, Label Studio,
// W3C, Markdown) through the chunked upload: imports.begin, pieces of 4 MB (imports.append), then
// imports.finish, which imports everything in one transaction. Exposes the upload's progress.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_CHUNK_BYTES, type FormatImportResult } from '../../shared/formats/format-rpc';
import type { DocumentSummary } from '../../shared/rpc/domain';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError } from '../../shared/rpc/rpc-error';
import { bytesToBase64 } from '../util/bytes-to-base64';

interface Host {
  show: (kind: 'error' | 'info', title: string, detail?: string) => void;
  showRpcError: (error: RpcError, context?: string) => void;
  setDocuments: (documents: DocumentSummary[]) => void;
  openDocumentById: (documentId: string) => Promise<void>;
}

export interface ImportProgress {
  /** 'upload' while bytes travel; 'import' while the node side converts and writes. */
  phase: 'upload' | 'import';
  sentBytes: number;
  totalBytes: number;
}

export function useFormatImport(rpc: RpcInvoke, host: Host) {
  const { t } = useTranslation();
  const { show, showRpcError, setDocuments, openDocumentById } = host;
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  const importFormats = useCallback(
    async (files: readonly File[]) => {
      const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
      setProgress({ phase: 'upload', sentBytes: 0, totalBytes });
      try {
        const begun = await rpc('imports.begin', { files: files.map((file) => ({ name: file.name, bytes: file.size })) });
        if (!begun.ok) return showRpcError(begun.error);
        const { uploadId } = begun.value;
        let sentBytes = 0;
        for (const [fileIndex, file] of files.entries()) {
          for (let at = 0; at < file.size; at += MAX_UPLOAD_CHUNK_BYTES) {
            const piece = new Uint8Array(await file.slice(at, at + MAX_UPLOAD_CHUNK_BYTES).arrayBuffer());
            const appended = await rpc('imports.append', { uploadId, fileIndex, dataBase64: bytesToBase64(piece) });
            if (!appended.ok) {
              void rpc('imports.cancel', { uploadId });
              return showRpcError(appended.error);
            }
            sentBytes += piece.length;
            setProgress({ phase: 'upload', sentBytes, totalBytes });
          }
        }
        setProgress({ phase: 'import', sentBytes, totalBytes });
        const finished = await rpc('imports.finish', { uploadId });
        setProgress(null);
        if (!finished.ok) return showRpcError(finished.error);
        const listed = await rpc('documents.list', {});
        if (listed.ok) setDocuments(listed.value);
        show('info', t('formatImport.done', { count: files.length }), summaryLine(finished.value, t));
        const first = finished.value.documents[0];
        if (first !== undefined) await openDocumentById(first.id);
      } finally {
        setProgress(null);
      }
    },
    [rpc, show, showRpcError, setDocuments, openDocumentById, t],
  );
  return { importFormats, progress };
}

function summaryLine(result: FormatImportResult, t: (key: string, options?: Record<string, unknown>) => string): string {
  const summary = t('formatImport.summary', { ...result, documents: result.documents.length });
  return result.warnings.length === 0 ? summary : `${summary} · ${t('formatImport.warnings', { count: result.warnings.length })}: ${result.warnings.slice(0, 5).join(' · ')}`;
}
