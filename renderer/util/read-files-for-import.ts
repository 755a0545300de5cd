// Reads chosen or dropped files as raw bytes for documents.import; the server decides whether
// they are valid UTF-8 text. Files over the size limit are reported here, before any upload.
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
