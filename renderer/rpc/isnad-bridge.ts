// Finds `window.isnad`, the bridge the Electron preload exposes; absent in browser mode.
import type { IsnadBridge } from '../../shared/rpc/preload-bridge';

export type { IsnadBridge, MenuCommand } from '../../shared/rpc/preload-bridge';

export function getIsnadBridge(): IsnadBridge | null {
  const candidate = (window as unknown as { isnad?: Partial<IsnadBridge> }).isnad;
  return candidate && typeof candidate.invoke === 'function' ? (candidate as IsnadBridge) : null;
}
