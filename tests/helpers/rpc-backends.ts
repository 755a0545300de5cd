// The node side of both transports on a real temp-file database: `dispatch` called in-process (as
// Electron's ipcMain handler does, with structured cloning) and `startServer` over HTTP.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { startServer, type RunningServer } from '../../cli/server/start-server';
import { createDispatch } from '../../db/create-dispatch';
import { openDatabase } from '../../db/open-database';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcResult } from '../../shared/rpc/rpc-error';
import { createTempDir, type TempDir } from './temp-dir';

/** Any method name and payload, even ones the contract forbids: for testing refusals. */
export type RawRpcCall = (method: string, payload: unknown) => Promise<RpcResult<unknown>>;

export interface RpcBackend {
  invoke: RpcInvoke;
  call: RawRpcCall;
  databasePath: string;
  db: Database.Database;
  close(): Promise<void>;
}

export interface HttpRpcBackend extends RpcBackend {
  server: RunningServer;
  tempDir: TempDir;
}

export const TEST_APP_VERSION = '9.8.7-test';

export type BackendFactory = () => Promise<RpcBackend>;

export async function openInProcessBackend(): Promise<RpcBackend> {
  const tempDir = createTempDir('isnad-contract-ipc-');
  const databasePath = path.join(tempDir.path, 'isnad.sqlite');
  const db = openDatabase(databasePath);
  const dispatch = createDispatch(db, { databasePath, appVersion: TEST_APP_VERSION });
  // Electron IPC structured-clones both ways: anything that does not survive that must fail here too.
  const call: RawRpcCall = async (method, payload) => structuredClone(dispatch(method, structuredClone(payload)));
  return {
    invoke: call as RpcInvoke,
    call,
    databasePath,
    db,
    close: async () => {
      db.close();
      tempDir.remove();
    },
  };
}

export async function openHttpBackend(options: { staticDir?: string; maxBodyBytes?: number } = {}): Promise<HttpRpcBackend> {
  const tempDir = createTempDir('isnad-contract-http-');
  const databasePath = path.join(tempDir.path, 'isnad.sqlite');
  const db = openDatabase(databasePath);
  const dispatch = createDispatch(db, { databasePath, appVersion: TEST_APP_VERSION });
  const server = await startServer({
    dispatch,
    staticDir: options.staticDir ?? path.join(tempDir.path, 'no-renderer'),
    port: 0,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  const call = httpRpcCall(`http://127.0.0.1:${server.port}`, server.token);
  return {
    invoke: call as RpcInvoke,
    call,
    databasePath,
    db,
    server,
    tempDir,
    close: async () => {
      await server.close();
      db.close();
      tempDir.remove();
    },
  };
}

/** What the renderer's HTTP client does: POST /rpc with the bearer token, the body is the RpcResult. */
export function httpRpcCall(origin: string, token: string): RawRpcCall {
  return async (method, payload) => {
    const response = await fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ method, payload }),
    });
    if (response.status !== 200) throw new Error(`POST /rpc answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as RpcResult<unknown>;
  };
}
