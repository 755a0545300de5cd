// Imports files in the annotation formats (brat pairs, JSONL, doccano, spaCy, CoNLL, Label Studio,
// W3C, Markdown; any file with the import dialog's forced format) through the chunked upload:
// imports.begin, pieces of 4 MB (imports.append, two in flight, raw bytes in browser mode:
// create-piece-sender.ts), then imports.finish, which imports everything in one transaction.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFormat } from '../../shared/formats/detect-format';
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

/** What the import dialog chooses; the file picker's fast path leaves all of it out. */
export interface FormatImportOptions {
  /** Read every file in this format (`isnad import --format`). */
  format?: ImportFormat | undefined;
  /** The layer that receives the spans (`isnad import --annotator`). */
  annotator?: string | undefined;
  /** [file label, schema label or '' to leave its spans out] (`isnad import --map-label FROM=TO`). */
  labelMapping?: [string, string][] | undefined;
  /** Label Studio model predictions too (`isnad import --predictions`). */
  predictions?: boolean | undefined;
  /** Where a refusal goes instead of the banner (the dialog shows it beside the files, to fix and retry). */
  onError?: ((error: RpcError) => void) | undefined;
}

export function useFormatImport(rpc: RpcInvoke, host: Host) {
  const { t } = useTranslation();
  const { show, showRpcError, setDocuments, openDocumentById } = host;
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  /** Resolves to whether the files were imported. */
  const importFormats = useCallback(
    async (files: readonly File[], options: FormatImportOptions = {}): Promise<boolean> => {
      const fail = (error: RpcError) => {
        (options.onError ?? showRpcError)(error);
        return false;
      };
      const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
      setProgress({ phase: 'upload', sentBytes: 0, totalBytes });
      try {
        const begun = await rpc('imports.begin', {
          files: files.map((file) => ({ name: file.name, bytes: file.size })),
          ...(options.format === undefined ? {} : { format: options.format }),
          ...(options.annotator === undefined ? {} : { annotator: options.annotator }),
          ...(options.labelMapping === undefined || options.labelMapping.length === 0 ? {} : { labelMapping: options.labelMapping }),
          ...(options.predictions === true ? { predictions: true } : {}),
        });
        if (!begun.ok) return fail(begun.error);
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
          return fail(failure);
        }
        setProgress({ phase: 'import', sentBytes, totalBytes });
        const finished = await rpc('imports.finish', { uploadId });
        setProgress(null);
        if (!finished.ok) return fail(finished.error);
        const listed = await rpc('documents.list', {});
        if (listed.ok) setDocuments(listed.value);
        show('info', t('formatImport.done', { count: files.length }), summaryLine(finished.value, t));
        const first = finished.value.documents[0];
        if (first !== undefined) await openDocumentById(first.id);
        return true;
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
