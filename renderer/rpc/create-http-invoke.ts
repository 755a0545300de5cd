// HTTP transport for browser mode: POST /rpc with the session token. Never throws: transport
// failures become RpcResult errors like any other, so the UI has one error path.
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError, RpcResult } from '../../shared/rpc/rpc-error';

export function createHttpInvoke(token: string | null, endpoint = '/rpc'): RpcInvoke {
  return (async (method: string, payload: unknown): Promise<RpcResult<unknown>> => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify({ method, payload }),
      });
    } catch {
      return failure('INTERNAL', 'Cannot reach the Isnad server. Is `isnad serve` still running?');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure('INTERNAL', `The Isnad server sent an unreadable answer (HTTP ${response.status}).`);
    }
    if (isRpcResult(body)) return body;
    if (response.status === 401 || response.status === 403) return failure('UNAUTHORIZED', '');
    return failure('INTERNAL', `Unexpected answer from the Isnad server (HTTP ${response.status}).`);
  }) as RpcInvoke;
}

function failure(code: RpcError['code'], message: string): RpcResult<never> {
  return { ok: false, error: { code, message } };
}

function isRpcResult(body: unknown): body is RpcResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const record = body as Record<string, unknown>;
  if (record.ok === true) return 'value' in record;
  const error = record.error as Record<string, unknown> | undefined;
  return record.ok === false && typeof error === 'object' && error !== null && typeof error.code === 'string';
}
