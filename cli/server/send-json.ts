// Writes a JSON response body; every /rpc answer and every refusal goes through here.
import type { ServerResponse } from 'node:http';
import type { RpcErrorCode, RpcResult } from '../../shared/rpc/rpc-error';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
  });
  res.end(bytes);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: RpcErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body: RpcResult<never> = { ok: false, error: { code, message } };
  sendJson(res, status, body, headers);
}
