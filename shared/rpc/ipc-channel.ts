// Electron IPC channel names, apart from the contract so the sandboxed preload can import them
// without bundling zod and every schema.

/** The single channel that carries every RPC call from the renderer to the main process. */
export const IPC_CHANNEL = 'isnad:rpc';

/** Main → renderer: an application-menu item that needs the renderer was chosen. */
export const MENU_CHANNEL = 'isnad:menu';

export const MENU_COMMANDS = ['import', 'import-dialog', 'export-document', 'export-all', 'export-dialog'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
