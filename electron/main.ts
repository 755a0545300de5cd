// Electron main process: one instance, one database, one window serving the built renderer from
// app://isnad/, and one IPC channel into the same dispatch the browser-mode server uses.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent } from 'electron';
import type Database from 'better-sqlite3';
import { createDispatch } from '../db/create-dispatch';
import { openDatabase } from '../db/open-database';
import { saveExportToFile } from '../db/save-export-file';
import { IPC_CHANNEL, MENU_CHANNEL, type MenuCommand } from '../shared/rpc/ipc-channel';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES } from './app-origin';
import { handleIpcRequest, isTrustedIpcSender, type IpcSender } from './handle-ipc-request';
import { hardenSession } from './harden-session';
import { hardenWebContents } from './harden-web-contents';
import { buildMenuTemplate } from './menu-template';
import { registerAppProtocol } from './register-app-protocol';
import { handleSaveExport, isSaveExportCall } from './save-export';
import { createWindowOptions } from './window-options';

let mainWindow: BrowserWindow | null = null;

// A separate profile (database, Chromium storage, single-instance lock) for tests and portable use.
const userDataOverride = process.env['ISNAD_USER_DATA_DIR'];
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Both must happen before 'ready'.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one SQLite file through two UIs would confuse the annotator: focus the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failAndQuit(error));
}

function start(): void {
  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    failAndQuit(new Error(`The window's files are missing (${rendererDir}). Run "npm run build" first.`));
    return;
  }

  const databasePath = path.join(app.getPath('userData'), 'isnad.sqlite');
  let db: Database.Database;
  try {
    db = openDatabase(databasePath);
  } catch (error) {
    // DatabaseTooNewError and friends: openDatabase has left the file as it was; say why and stop.
    failAndQuit(error, `Isnad cannot open its database:\n${databasePath}`);
    return;
  }
  app.on('will-quit', () => db.close());

  const dispatch = createDispatch(db, { databasePath, appVersion: app.getVersion() });
  ipcMain.handle(IPC_CHANNEL, (event, request: unknown) => {
    const sender = describeSender(event);
    // The one call that needs a dialog (async): answered here, for the app's own window only.
    if (isTrustedIpcSender(sender) && isSaveExportCall(request)) {
      return handleSaveExport(request.payload, { chooseSavePath: (name) => chooseSavePath(event, name), save: (exportRequest, filePath) => saveExportToFile(db, exportRequest, filePath) });
    }
    return handleIpcRequest(dispatch, sender, request);
  });

  hardenSession(session.defaultSession);
  registerAppProtocol(rendererDir);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ isPackaged: app.isPackaged, isMac: process.platform === 'darwin', sendMenuCommand }),
    ),
  );

  openMainWindow(path.join(appRoot, 'dist', 'electron', 'preload.cjs'));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(path.join(appRoot, 'dist', 'electron', 'preload.cjs'));
  });
}

function openMainWindow(preloadPath: string): void {
  const window = new BrowserWindow(createWindowOptions({ preloadPath, isPackaged: app.isPackaged }));
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
}

function describeSender(event: IpcMainInvokeEvent): IpcSender {
  try {
    const frame = event.senderFrame;
    return { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
  } catch {
    // A frame disposed mid-call throws on access: treat it as unknown, hence untrusted.
    return { frameUrl: null, isMainFrame: false };
  }
}

async function chooseSavePath(event: IpcMainInvokeEvent, defaultFileName: string): Promise<string | null> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = { defaultPath: defaultFileName, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
  const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
  return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(MENU_CHANNEL, command);
}

function failAndQuit(error: unknown, context = 'Isnad could not start.'): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Isnad', `${context}\n\n${message}`);
  app.exit(1);
}
