// formats.saveExport in the desktop app: the main process validates the request, asks where to save
// (the host's save dialog) and streams the export into that file. The page never names a path, and a
// whole-database export never crosses IPC as one string. Kept free of electron so tests can run it.
import { StoreError } from '../db/database-errors';
import { EXPORT_FILE_NAMES } from '../db/export-corpus';
import { requestSchemas, type RpcParsedRequest, type SavedExport } from '../shared/rpc/contract';
import { isStreamableFormat } from '../shared/rpc/export-download';
import type { RpcResult } from '../shared/rpc/rpc-error';

export const SAVE_EXPORT_METHOD = 'formats.saveExport';

export interface SaveExportHost {
  /** The path the annotator chose, or null when the dialog was cancelled. */
  chooseSavePath(defaultFileName: string): Promise<string | null>;
  save(request: RpcParsedRequest<'formats.saveExport'>, filePath: string): SavedExport;
}

export function isSaveExportCall(request: unknown): request is { method: typeof SAVE_EXPORT_METHOD; payload?: unknown } {
  return typeof request === 'object' && request !== null && (request as { method?: unknown }).method === SAVE_EXPORT_METHOD;
}

export async function handleSaveExport(payload: unknown, host: SaveExportHost): Promise<RpcResult<SavedExport>> {
  const parsed = requestSchemas[SAVE_EXPORT_METHOD].safeParse(payload);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.map(String).join('.')}: ${issue.message}`)).join('; ');
    return { ok: false, error: { code: 'BAD_REQUEST', message: `Invalid «${SAVE_EXPORT_METHOD}» request: ${detail}` } };
  }
  const { format } = parsed.data;
  if (!isStreamableFormat(format)) return { ok: false, error: { code: 'BAD_REQUEST', message: 'brat writes a .txt and an .ann per document; export it with formats.export.' } };
  try {
    const filePath = await host.chooseSavePath(EXPORT_FILE_NAMES[format as Exclude<typeof format, 'brat'>]);
    if (filePath === null) return { ok: true, value: { saved: false, fileName: '', bytes: 0, documentCount: 0, spanCount: 0, warnings: [] } };
    return { ok: true, value: host.save(parsed.data, filePath) };
  } catch (error) {
    if (error instanceof StoreError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
}
