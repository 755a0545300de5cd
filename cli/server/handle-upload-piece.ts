// PUT /upload?uploadId=…&fileIndex=…&atByte=…: one imports.append piece as raw bytes. The page sends a
// slice of the chosen file as it is (no base64, no JSON string built on the page, which was most of an
// upload's time there); the piece then goes through the same dispatch and contract as over /rpc.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_UPLOAD_CHUNK_BYTES } from '../../shared/formats/format-rpc';
import type { RpcDispatch } from '../../shared/rpc/rpc-client';
import { UPLOAD_PIECE_PATH } from '../../shared/rpc/upload-piece';
import { hasBearerToken } from './request-guards';
import { sendError, sendJson } from './send-json';

export { UPLOAD_PIECE_PATH };

const CLOSE = { Connection: 'close' };

export async function handleUploadPiece(req: IncomingMessage, res: ServerResponse, options: { dispatch: RpcDispatch; token: string }): Promise<void> {
  if (req.method !== 'PUT') {
    sendError(res, 405, 'BAD_REQUEST', 'Use PUT for /upload.', { ...CLOSE, Allow: 'PUT' });
    return;
  }
  if (!hasBearerToken(req.headers.authorization, options.token)) {
    sendError(res, 401, 'UNAUTHORIZED', 'Missing or wrong token: open the address that `isnad serve` printed, with its ?token=.', { ...CLOSE, 'WWW-Authenticate': 'Bearer' });
    return;
  }
  if ((req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() !== 'application/octet-stream') {
    sendError(res, 415, 'BAD_REQUEST', 'A piece is sent as application/octet-stream.', CLOSE);
    return;
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_CHUNK_BYTES) {
    sendError(res, 413, 'BAD_REQUEST', `A piece may hold at most ${MAX_UPLOAD_CHUNK_BYTES} bytes.`, CLOSE);
    return;
  }
  const body = await readPiece(req);
  if (body === null) {
    sendError(res, 413, 'BAD_REQUEST', `A piece may hold at most ${MAX_UPLOAD_CHUNK_BYTES} bytes.`, CLOSE);
    return;
  }
  const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
  const number = (name: string) => (query.has(name) && /^\d+$/u.test(query.get(name)!) ? Number(query.get(name)) : query.get(name));
  // The contract's schema checks every field (a missing or non-numeric one is a BAD_REQUEST result).
  sendJson(res, 200, options.dispatch('imports.append', { uploadId: query.get('uploadId'), fileIndex: number('fileIndex'), atByte: number('atByte') ?? undefined, dataBase64: body.toString('base64') }));
}

function readPiece(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > MAX_UPLOAD_CHUNK_BYTES) {
        req.off('data', onData);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(total > MAX_UPLOAD_CHUNK_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
