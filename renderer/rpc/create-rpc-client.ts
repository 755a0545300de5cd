// Picks the transport: the Electron preload bridge when present, HTTP to the browser-mode server otherwise.
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcResult } from '../../shared/rpc/rpc-error';
import { createHttpInvoke } from './create-http-invoke';
import { getIsnadBridge } from './isnad-bridge';
import { takeSessionToken } from './session-token';

export function createRpcClient(): RpcInvoke {
  const bridge = getIsnadBridge();
  if (bridge === null) return createHttpInvoke(takeSessionToken());
  return (async (method, payload) => {
    try {
      return await bridge.invoke(method, payload);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'INTERNAL', message } } satisfies RpcResult<never>;
    }
  }) as RpcInvoke;
}
