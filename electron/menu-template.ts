// The application menu. Items that need the renderer (import, export) only send a command; the
// renderer does the work exactly as when its own buttons are clicked.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/rpc/ipc-channel';

export interface MenuTemplateOptions {
  isPackaged: boolean;
  isMac: boolean;
  sendMenuCommand: (command: MenuCommand) => void;
}

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const commandItem = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => options.sendMenuCommand(command),
  });

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      commandItem('Import…', 'CmdOrCtrl+O', 'import'),
      commandItem('Import as…', 'CmdOrCtrl+Shift+O', 'import-dialog'),
      { type: 'separator' },
      commandItem('Export document…', 'CmdOrCtrl+E', 'export-document'),
      commandItem('Export all…', 'CmdOrCtrl+Shift+E', 'export-all'),
      commandItem('Export as…', 'CmdOrCtrl+Alt+E', 'export-dialog'),
      { type: 'separator' },
      options.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      // Developer tools expose the page's internals; packaged builds leave them out.
      ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [...(options.isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view];
}
