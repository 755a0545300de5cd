// The shape of `window.isnad`, exposed by the Electron preload. Declared here structurally (the
// preload's own type lives with the Electron code); absent in browser mode.
import type { RpcMethod } from '../../shared/rpc/contract';
import type { RpcResult } from '../../shared/rpc/rpc-error';

export type MenuCommand = 'import' | 'export-document' | 'export-all';

export interface IsnadBridge {
  invoke(method: RpcMethod, payload: unknown): Promise<RpcResult<unknown>>;
  onMenuCommand?(callback: (command: MenuCommand) => void): () => void;
}

export function getIsnadBridge(): IsnadBridge | null {
  const candidate = (window as unknown as { isnad?: Partial<IsnadBridge> }).isnad;
  return candidate && typeof candidate.invoke === 'function' ? (candidate as IsnadBridge) : null;
}
