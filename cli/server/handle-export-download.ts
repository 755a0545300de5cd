// GET /export: browser mode's streamed export download. The same token as /rpc (Authorization header,
// or ?token= since a download link cannot send headers), the query validated by formats.saveExport's
// zod schema, then the file streamed as an attachment while streamExport writes it.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ExportSink, StreamedExport } from '../../db/export-corpus';
import { StoreError } from '../../db/database-errors';
import type { RpcParsedRequest } from '../../shared/rpc/contract';
import { parseExportDownloadQuery } from '../../shared/rpc/export-download';
import { hasBearerToken, isSameToken } from './request-guards';
import { sendError } from './send-json';
import { SpillingResponseSink } from './SpillingResponseSink';

/** Runs one export into a sink (serve-command binds it to its database). */
export type ExportRunner = (request: RpcParsedRequest<'formats.saveExport'>, sink: ExportSink) => StreamedExport;

const CLOSE = { Connection: 'close' };

export async function handleExportDownload(req: IncomingMessage, res: ServerResponse, options: { token: string; runExport: ExportRunner }): Promise<void> {
  if (req.method !== 'GET') {
    sendError(res, 405, 'BAD_REQUEST', 'Use GET for /export.', { ...CLOSE, Allow: 'GET' });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (!hasBearerToken(req.headers.authorization, options.token) && !isSameToken(url.searchParams.get('token'), options.token)) {
    const message = 'Missing or wrong token: open the address that `isnad serve` printed, with its ?token=.';
    sendError(res, 401, 'UNAUTHORIZED', message, { ...CLOSE, 'WWW-Authenticate': 'Bearer' });
    return;
  }
  const parsed = parseExportDownloadQuery(url.searchParams.entries());
  if (!parsed.ok) {
    sendError(res, 400, 'BAD_REQUEST', parsed.message);
    return;
  }
  const sink = new SpillingResponseSink(res, headersFor);
  try {
    options.runExport(parsed.request, sink);
  } catch (error) {
    // After the headers, a status can no longer be sent: the cut connection marks the download failed.
    if (res.headersSent) {
      sink.abort();
      return;
    }
    if (error instanceof StoreError) sendError(res, error.code === 'NOT_FOUND' ? 404 : 400, error.code, error.message);
    else sendError(res, 500, 'INTERNAL', error instanceof Error ? error.message : String(error));
    return;
  }
  await sink.finish();
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.jsonld': 'application/ld+json',
};

function headersFor(fileName: string): OutgoingHttpHeaders {
  const extension = fileName.slice(fileName.lastIndexOf('.'));
  // The names are ASCII (db/export-corpus.ts EXPORT_FILE_NAMES); filename* covers any other.
  const ascii = fileName.replace(/[^\w.-]/gu, '_');
  return {
    'Content-Type': `${CONTENT_TYPES[extension] ?? 'text/plain'}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'Cache-Control': 'no-store',
  };
}
