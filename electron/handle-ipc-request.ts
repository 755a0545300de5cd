// The logic behind the one ipcMain.handle: trust only the app's own top-level page, check the
// envelope's shape, then let dispatch validate the payload against the contract.
import type { RpcDispatch } from '../shared/rpc/rpc-client';
import type { RpcResult } from '../shared/rpc/rpc-error';
import { isAppUrl } from './app-origin';

/** What the main process knows about the frame that sent an IPC message. */
export interface IpcSender {
  /** The sending frame's URL; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  isMainFrame: boolean;
}

export function isTrustedIpcSender(sender: IpcSender): boolean {
  return sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}

export function handleIpcRequest(dispatch: RpcDispatch, sender: IpcSender, request: unknown): RpcResult<unknown> {
  if (!isTrustedIpcSender(sender)) {
    return { ok: false, error: { code: 'UNAUTHORIZED', message: 'IPC call refused: it did not come from the Isnad window.' } };
  }
  if (typeof request !== 'object' || request === null || typeof (request as { method?: unknown }).method !== 'string') {
    return { ok: false, error: { code: 'BAD_REQUEST', message: 'An IPC call must be an object { method, payload }.' } };
  }
  const { method, payload } = request as { method: string; payload?: unknown };
  return dispatch(method, payload);
}
