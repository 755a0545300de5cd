// Reads chosen or dropped files as raw bytes for documents.import; the server decides whether
// they are valid UTF-8 text. Files over the size limit are reported here, before any upload.
// Also sorts a selection by the route it takes: plain text, Isnad export, or an annotation format.
import { detectJsonFormat, extensionOf } from '../../shared/formats/detect-format';
import { MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES } from '../../shared/rpc/contract';
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
  /** .txt files without a brat .ann beside them: documents.import. */
  texts: File[];
  /** Isnad export .json files: documents.importIsnad. */
  isnadExports: File[];
  /** Every other format (and brat pairs): the chunked imports.* upload. */
  formats: File[];
}

export async function routeImportFiles(files: readonly File[]): Promise<ImportRoutes> {
  const routes: ImportRoutes = { texts: [], isnadExports: [], formats: [] };
  const baseName = (name: string) => name.slice(0, name.length - extensionOf(name).length);
  const annotated = new Set(files.filter((file) => extensionOf(file.name) === '.ann').map((file) => baseName(file.name)));
  for (const file of files) {
    const extension = extensionOf(file.name);
    if (extension === '.txt' && !annotated.has(baseName(file.name))) routes.texts.push(file);
    else if (extension === '.json' && detectJsonFormat(await file.slice(0, 4096).text()) === 'isnad') routes.isnadExports.push(file);
    else routes.formats.push(file);
  }
  return routes;
}
