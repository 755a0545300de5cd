// Browser mode: a node:http server on 127.0.0.1 that serves the built renderer and POST /rpc over
// the same `dispatch` as Electron's IPC. Only our own page, holding this run's token, may call it.
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXPORT_DOWNLOAD_PATH } from '../../shared/rpc/export-download';
import type { RpcDispatch } from '../../shared/rpc/rpc-client';
import { handleExportDownload, type ExportRunner } from './handle-export-download';
import { handleRpc, MAX_RPC_BODY_BYTES } from './handle-rpc';
import { handleUploadPiece, UPLOAD_PIECE_PATH } from './handle-upload-piece';
import { isAllowedHost, isAllowedOrigin } from './request-guards';
import { setSecurityHeaders } from './security-headers';
import { sendError } from './send-json';
import { serveStatic } from './serve-static';

/** Never 0.0.0.0: the token is the only lock, and it must not be offered to the network. */
export const SERVER_HOST = '127.0.0.1';

export interface StartServerOptions {
  dispatch: RpcDispatch;
  /** The built renderer (dist/renderer). A missing folder makes every static path 404. */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  maxBodyBytes?: number;
  /** Serves GET /export (streamed export downloads) when given. */
  runExport?: ExportRunner;
}

export interface RunningServer {
  /** The address to open: http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  token: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  const staticDirReal = realpathOrNull(options.staticDir);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_RPC_BODY_BYTES;
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port)) {
      sendError(res, 403, 'UNAUTHORIZED', `This server answers only requests for 127.0.0.1:${port} or localhost:${port}.`, { Connection: 'close' });
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      sendError(res, 403, 'UNAUTHORIZED', 'Requests from other sites are refused.', { Connection: 'close' });
      return;
    }
    const pathname = (req.url ?? '/').split('?', 1)[0];
    if (pathname === '/rpc') {
      await handleRpc(req, res, { dispatch: options.dispatch, token, maxBodyBytes });
    } else if (pathname === UPLOAD_PIECE_PATH) {
      await handleUploadPiece(req, res, { dispatch: options.dispatch, token });
    } else if (pathname === EXPORT_DOWNLOAD_PATH && options.runExport !== undefined) {
      await handleExportDownload(req, res, { token, runExport: options.runExport });
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      await serveStatic(req, res, staticDirReal);
    } else {
      sendError(res, 405, 'BAD_REQUEST', `${req.method ?? 'This method'} is not allowed here.`, { Allow: 'GET, HEAD', Connection: 'close' });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: SERVER_HOST, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${SERVER_HOST}:${port}/?token=${token}`,
    token,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers keep idle connections open; without this close() would wait for them.
        server.closeAllConnections();
      }),
  };
}

function realpathOrNull(dir: string): string | null {
  try {
    return realpathSync(dir);
  } catch {
    return null;
  }
}
