// POST /rpc: token, content type and size are checked before the body is read; the answer is the
// RpcResult of `dispatch`, with status 200 even when it carries an error (the transport worked).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { base64Length, MAX_IMPORT_TOTAL_BYTES } from '../../shared/rpc/contract';
import type { RpcDispatch } from '../../shared/rpc/rpc-client';
import type { RpcResult } from '../../shared/rpc/rpc-error';
import { hasBearerToken } from './request-guards';
import { sendError, sendJson } from './send-json';

/** Room for the largest import call (its files in base64) plus the JSON around it. */
export const MAX_RPC_BODY_BYTES = base64Length(MAX_IMPORT_TOTAL_BYTES) + 1024 * 1024;

// Refusals answered before the body was read close the connection, so unread bytes never reach the
// next request on a kept-alive socket.
const CLOSE = { Connection: 'close' };

export async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  options: { dispatch: RpcDispatch; token: string; maxBodyBytes: number },
): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'BAD_REQUEST', 'Use POST for /rpc.', { ...CLOSE, Allow: 'POST' });
    return;
  }
  if (!hasBearerToken(req.headers.authorization, options.token)) {
    const message = 'Missing or wrong token: open the address that `isnad serve` printed, with its ?token=.';
    sendError(res, 401, 'UNAUTHORIZED', message, { ...CLOSE, 'WWW-Authenticate': 'Bearer' });
    return;
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    sendError(res, 415, 'BAD_REQUEST', 'The request body must be JSON (Content-Type: application/json).', CLOSE);
    return;
  }
  const tooLarge = `The request is larger than the ${formatMegabytes(options.maxBodyBytes)} limit; import fewer files at a time.`;
  const declaredLength = Number(req.headers['content-length'] ?? 0);
  if (declaredLength > options.maxBodyBytes) {
    sendError(res, 413, 'BAD_REQUEST', tooLarge, CLOSE);
    return;
  }
  const body = await readBody(req, options.maxBodyBytes);
  if (body === null) {
    sendError(res, 413, 'BAD_REQUEST', tooLarge, CLOSE);
    return;
  }
  let call: unknown;
  try {
    call = JSON.parse(body.toString('utf8'));
  } catch {
    sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    return;
  }
  if (typeof call !== 'object' || call === null || Array.isArray(call) || typeof (call as { method?: unknown }).method !== 'string') {
    sendError(res, 400, 'BAD_REQUEST', 'The request body must be a JSON object {"method": string, "payload": ...}.');
    return;
  }
  const { method, payload } = call as { method: string; payload?: unknown };
  let result: RpcResult<unknown>;
  try {
    result = options.dispatch(method, payload);
  } catch (error) {
    // dispatch promises never to throw; if it does anyway, the client still gets an RpcResult.
    result = { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
  sendJson(res, 200, result);
}

/** The whole body, or null as soon as it grows past the limit. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > maxBytes) {
        req.off('data', onData);
        // Keep draining (and discarding) so the client can read our 413 instead of a reset socket.
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(total > maxBytes ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
