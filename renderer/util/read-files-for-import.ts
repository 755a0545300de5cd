// Reads chosen or dropped files as raw bytes for documents.import; the server decides whether
// they are valid UTF-8 text. Files over the size limit are reported here, before any upload.
// Also sorts a selection by the route it takes: plain text, Isnad export, or an annotation format.
import { MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES, MAX_ISNAD_IMPORT_BYTES } from '../../shared/rpc/contract';
import { bytesToBase64 } from './bytes-to-base64';
import { detectFileFormats } from './detect-file-formats';

export type ReadFilesResult =
  | { ok: true; files: { name: string; dataBase64: string }[] }
  | { ok: false; tooLargeName: string }
  | { ok: false; tooLargeTotalBytes: number };

export async function readFilesForImport(files: readonly File[]): Promise<ReadFilesResult> {
  const tooLarge = files.find((file) => file.size > MAX_IMPORT_BYTES);
  if (tooLarge !== undefined) return { ok: false, tooLargeName: tooLarge.name };
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  if (totalBytes > MAX_IMPORT_TOTAL_BYTES) return { ok: false, tooLargeTotalBytes: totalBytes };
  const read = await Promise.all(
    files.map(async (file) => ({ name: file.name, dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })),
  );
  return { ok: true, files: read };
}

export interface ImportRoutes {
  /** .txt files without a brat .ann beside them, and no W3C file in the selection: documents.import. */
  texts: File[];
  /** Isnad export .json files up to MAX_ISNAD_IMPORT_BYTES: documents.importIsnad (one request each). */
  isnadExports: File[];
  /**
   * Every other format, brat pairs, the texts W3C annotations name, and larger Isnad exports (the
   * server reads those document by document): the chunked imports.* upload.
   */
  formats: File[];
}

export async function routeImportFiles(files: readonly File[]): Promise<ImportRoutes> {
  const routes: ImportRoutes = { texts: [], isnadExports: [], formats: [] };
  // The same reading as the import dialog's list: a .txt beside its .ann is brat, .json by its content.
  const formats = await detectFileFormats(files);
  // W3C annotations do not carry their texts: the server finds them among the files uploaded with
  // them (doc1.txt for urn:isnad:document:doc1), so the texts must travel in the same upload.
  const withWebAnnotations = formats.includes('webanno');
  files.forEach((file, index) => {
    if (formats[index] === 'text' && !withWebAnnotations) routes.texts.push(file);
    else if (formats[index] === 'isnad' && file.size <= MAX_ISNAD_IMPORT_BYTES) routes.isnadExports.push(file);
    else routes.formats.push(file);
  });
  return routes;
}
