// Exports of every document never pass through the page as one string: in Electron the main process
// asks where to save and writes the file (formats.saveExport); in browser mode the browser downloads
// GET /export, which the server writes as it goes. brat (many files) stays on formats.export.
import type { RpcRequest, SavedExport } from '../../shared/rpc/contract';
import { EXPORT_DOWNLOAD_PATH, exportDownloadQuery } from '../../shared/rpc/export-download';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError } from '../../shared/rpc/rpc-error';
import { downloadUrl } from '../util/download-blob';
import { getIsnadBridge } from './isnad-bridge';
import { takeSessionToken } from './session-token';

export type StreamedExportOutcome =
  | { kind: 'saved'; saved: SavedExport }
  | { kind: 'cancelled' }
  | { kind: 'downloading' }
  | { kind: 'error'; error: RpcError };

export async function startStreamedExport(rpc: RpcInvoke, request: RpcRequest<'formats.saveExport'>): Promise<StreamedExportOutcome> {
  if (getIsnadBridge() !== null) {
    const result = await rpc('formats.saveExport', request);
    if (!result.ok) return { kind: 'error', error: result.error };
    return result.value.saved ? { kind: 'saved', saved: result.value } : { kind: 'cancelled' };
  }
  // A link cannot send the Authorization header, so the token rides in the query (same-origin, no referrer).
  const token = takeSessionToken() ?? '';
  // An empty download name lets the server's Content-Disposition name the file.
  downloadUrl(`${EXPORT_DOWNLOAD_PATH}?${exportDownloadQuery(request)}&token=${encodeURIComponent(token)}`, '');
  return { kind: 'downloading' };
}
