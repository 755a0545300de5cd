// Reads chosen or dropped files as raw bytes for documents.import; the server decides whether
// they are valid UTF-8 text. Files over the size limit are reported here, before any upload.
// Also sorts a selection by the route it takes: plain text, Isnad export, or an annotation format.
import { detectJsonFormat, extensionOf } from '../../shared/formats/detect-format';
import { MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES, MAX_ISNAD_IMPORT_BYTES } from '../../shared/rpc/contract';
import { bytesToBase64 } from './bytes-to-base64';

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
  const baseName = (name: string) => name.slice(0, name.length - extensionOf(name).length);
  const annotated = new Set(files.filter((file) => extensionOf(file.name) === '.ann').map((file) => baseName(file.name)));
  const jsonFormats = new Map<File, ReturnType<typeof detectJsonFormat>>();
  for (const file of files) if (extensionOf(file.name) === '.json') jsonFormats.set(file, detectJsonFormat(await file.slice(0, 4096).text()));
  // W3C annotations do not carry their texts: the server finds them among the files uploaded with
  // them (doc1.txt for urn:isnad:document:doc1), so the texts must travel in the same upload.
  const withWebAnnotations = files.some((file) => extensionOf(file.name) === '.jsonld' || jsonFormats.get(file) === 'webanno');
  for (const file of files) {
    const extension = extensionOf(file.name);
    if (extension === '.txt' && !annotated.has(baseName(file.name)) && !withWebAnnotations) routes.texts.push(file);
    else if (jsonFormats.get(file) === 'isnad' && file.size <= MAX_ISNAD_IMPORT_BYTES) routes.isnadExports.push(file);
    else routes.formats.push(file);
  }
  return routes;
}
