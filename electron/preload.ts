// Sandboxed preload: exposes `window.isnad` (IsnadBridge) and nothing else. Neither ipcRenderer
// nor the IPC event object ever reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNEL, MENU_CHANNEL, isMenuCommand } from '../shared/rpc/ipc-channel';
import type { IsnadBridge } from '../shared/rpc/preload-bridge';

const bridge: IsnadBridge = {
  invoke: (method, payload) => ipcRenderer.invoke(IPC_CHANNEL, { method, payload }),
  onMenuCommand(callback) {
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('isnad', bridge);
