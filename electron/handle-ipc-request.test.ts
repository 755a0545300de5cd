// The IPC gate: only the app page in the main frame reaches dispatch, with a well-formed envelope.
import { describe, expect, it, vi } from 'vitest';
import type { RpcDispatch } from '../shared/rpc/rpc-client';
import { APP_ENTRY_URL } from './app-origin';
import { handleIpcRequest, isTrustedIpcSender, type IpcSender } from './handle-ipc-request';

const appPage: IpcSender = { frameUrl: APP_ENTRY_URL, isMainFrame: true };

function recordingDispatch(): RpcDispatch & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const dispatch = vi.fn((method: string, payload: unknown) => {
    calls.push([method, payload]);
    return { ok: true as const, value: { echoed: method } };
  });
  return Object.assign(dispatch, { calls });
}

describe('isTrustedIpcSender', () => {
  it('trusts the app page in the main frame only', () => {
    expect(isTrustedIpcSender(appPage)).toBe(true);
    expect(isTrustedIpcSender({ frameUrl: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedIpcSender({ frameUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedIpcSender({ frameUrl: 'file:///tmp/dist/renderer/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedIpcSender({ frameUrl: null, isMainFrame: true })).toBe(false);
  });
});

describe('handleIpcRequest', () => {
  it('passes a trusted call to dispatch unchanged and returns its result', () => {
    const dispatch = recordingDispatch();
    const result = handleIpcRequest(dispatch, appPage, { method: 'documents.get', payload: { documentId: 'd1' } });
    expect(result).toEqual({ ok: true, value: { echoed: 'documents.get' } });
    expect(dispatch.calls).toEqual([['documents.get', { documentId: 'd1' }]]);
  });

  it('refuses untrusted senders without reaching the database', () => {
    const dispatch = recordingDispatch();
    const result = handleIpcRequest(dispatch, { frameUrl: 'https://evil.example/', isMainFrame: true }, { method: 'documents.list', payload: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('UNAUTHORIZED');
    expect(dispatch.calls).toEqual([]);
  });

  it('answers a malformed envelope with BAD_REQUEST', () => {
    const dispatch = recordingDispatch();
    for (const request of [null, 'documents.list', 42, {}, { method: 7 }]) {
      const result = handleIpcRequest(dispatch, appPage, request);
      expect(result.ok ? 'ok' : result.error.code).toBe('BAD_REQUEST');
    }
    expect(dispatch.calls).toEqual([]);
  });
});
