// Imports files in the annotation formats (brat pairs, JSONL, doccano, spaCy, CoNLL, Label Studio,
// W3C, Markdown) through the chunked upload: imports.begin, pieces of 4 MB (imports.append, two in
// flight, raw bytes in browser mode: create-piece-sender.ts), then imports.finish, which imports
// everything in one transaction. Exposes the upload's progress.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_CHUNK_BYTES, type FormatImportResult } from '../../shared/formats/format-rpc';
import type { DocumentSummary } from '../../shared/rpc/domain';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError } from '../../shared/rpc/rpc-error';
import { createPieceSender } from '../rpc/create-piece-sender';

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
        let failure: RpcError | null = null;
        // Two pieces in flight (each placed by atByte): one travels while the server writes the other.
        const inFlight = new Set<Promise<void>>();
        const sendPiece = createPieceSender(rpc);
        for (const { fileIndex, atByte, blob } of uploadPieces(files)) {
          if (failure !== null) break;
          const bytes = blob.size;
          const sent: Promise<void> = sendPiece({ uploadId, fileIndex, atByte, blob }).then((appended) => {
            inFlight.delete(sent);
            if (!appended.ok) {
              failure ??= appended.error;
              return;
            }
            sentBytes += bytes;
            setProgress({ phase: 'upload', sentBytes, totalBytes });
          });
          inFlight.add(sent);
          if (inFlight.size >= PIECES_IN_FLIGHT) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
        if (failure !== null) {
          void rpc('imports.cancel', { uploadId });
          return showRpcError(failure);
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

const PIECES_IN_FLIGHT = 2;

/** The files' pieces as slices (read by the browser only when sent). */
function* uploadPieces(files: readonly File[]): Generator<{ fileIndex: number; atByte: number; blob: Blob }> {
  for (const [fileIndex, file] of files.entries()) {
    for (let at = 0; at < file.size; at += MAX_UPLOAD_CHUNK_BYTES) yield { fileIndex, atByte: at, blob: file.slice(at, at + MAX_UPLOAD_CHUNK_BYTES) };
  }
}

function summaryLine(result: FormatImportResult, t: (key: string, options?: Record<string, unknown>) => string): string {
  const summary = t('formatImport.summary', { ...result, documents: result.documents.length });
  return result.warnings.length === 0 ? summary : `${summary} · ${t('formatImport.warnings', { count: result.warnings.length })}: ${result.warnings.slice(0, 5).join(' · ')}`;
}
