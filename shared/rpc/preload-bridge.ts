// The type of `window.isnad`, which the Electron preload exposes through contextBridge. Type-only,
// so the renderer can declare it without importing anything from Electron.
import type { MenuCommand } from './ipc-channel';
import type { RpcInvoke } from './rpc-client';

export type { MenuCommand };

export interface IsnadBridge {
  /** Sends one RPC call over IPC; resolves to the dispatch's result, never rejects for domain errors. */
  invoke: RpcInvoke;
  /** Called when File → Import…, Export document… or Export all… is chosen. Returns the unsubscribe. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}
