// Limits and response shapes of the format RPC methods (imports.*, formats.export), kept beside the
// converters so that contract.ts only names them.
import type { ExportFormat } from './detect-format';

/** Largest upload (all files of one imports.begin), in bytes: a 200 MB JSONL corpus fits with room. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** Largest piece of one imports.append, in bytes (its base64 stays far below the HTTP body limit). */
export const MAX_UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

export interface FormatImportResult {
  /** Documents the import touched: new ones and those whose text was already there. */
  documents: { id: string; title: string; created: boolean }[];
  documentsAdded: number;
  spansAdded: number;
  spansUpdated: number;
  relationsAdded: number;
  /** Warnings as one line each, naming file and line or record. */
  warnings: string[];
}

export interface FormatExportResult {
  format: ExportFormat;
  /** One file, or (brat) a .txt and an .ann per document. */
  files: { name: string; content: string }[];
  warnings: string[];
  documentCount: number;
  spanCount: number;
}
