// A recording stand-in for the parts of Electron that main.ts uses, so that the real main-process
// wiring can run under vitest (no Electron binary can be downloaded here). Tests read what it recorded.

type Listener = (...args: unknown[]) => unknown;

export interface FakeElectronConfig {
  appPath: string;
  userDataDir: string;
}

export interface FakeWindow {
  options: { webPreferences?: { preload?: string } } & Record<string, unknown>;
  loadedUrls: string[];
  sent: Array<[channel: string, ...args: unknown[]]>;
}

export interface FakeElectronRecord {
  appListeners: Map<string, Listener[]>;
  privilegedSchemes: unknown[];
  ipcHandlers: Map<string, Listener>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response> | Response>;
  windows: FakeWindow[];
  errorBoxes: Array<{ title: string; content: string }>;
  exitCodes: number[];
  menuTemplate: unknown[] | null;
  permissionHandler: Listener | null;
  headersListener: Listener | null;
  openedExternally: string[];
  /** Options of each save dialog shown, and the path the next one answers (null: cancelled). */
  saveDialogs: unknown[];
  saveDialogAnswer: string | null;
}

const globals = globalThis as typeof globalThis & { __isnadFakeElectron?: { config: FakeElectronConfig; record?: FakeElectronRecord } };
const slot = globals.__isnadFakeElectron;
if (!slot) throw new Error('set globalThis.__isnadFakeElectron.config before loading the bundle');
const config = slot.config;

const record: FakeElectronRecord = {
  appListeners: new Map(),
  privilegedSchemes: [],
  ipcHandlers: new Map(),
  protocolHandlers: new Map(),
  windows: [],
  errorBoxes: [],
  exitCodes: [],
  menuTemplate: null,
  permissionHandler: null,
  headersListener: null,
  openedExternally: [],
  saveDialogs: [],
  saveDialogAnswer: null,
};
slot.record = record;

let userDataDir = config.userDataDir;

export const app = {
  isPackaged: false,
  enableSandbox: () => undefined,
  requestSingleInstanceLock: () => true,
  on(event: string, listener: Listener) {
    record.appListeners.set(event, [...(record.appListeners.get(event) ?? []), listener]);
    return app;
  },
  whenReady: () => Promise.resolve(),
  getAppPath: () => config.appPath,
  getPath: (name: string) => {
    if (name !== 'userData') throw new Error(`fake app.getPath: ${name}`);
    return userDataDir;
  },
  setPath: (name: string, value: string) => {
    if (name === 'userData') userDataDir = value;
  },
  getVersion: () => '9.9.9-test',
  quit: () => undefined,
  exit: (code: number) => {
    record.exitCodes.push(code);
  },
};

export class BrowserWindow {
  static getAllWindows = () => record.windows;
  static getFocusedWindow = () => null;
  static fromWebContents = () => null;
  readonly loadedUrls: string[] = [];
  readonly sent: Array<[string, ...unknown[]]> = [];
  readonly webContents = { send: (channel: string, ...args: unknown[]) => this.sent.push([channel, ...args]) };

  constructor(readonly options: FakeWindow['options']) {
    record.windows.push(this);
  }

  on() {
    return this;
  }
  loadURL(url: string) {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  isMinimized = () => false;
  restore = () => undefined;
  focus = () => undefined;
}

export const dialog = {
  showErrorBox: (title: string, content: string) => {
    record.errorBoxes.push({ title, content });
  },
  showSaveDialog: (...args: unknown[]) => {
    record.saveDialogs.push(args.at(-1));
    const filePath = record.saveDialogAnswer;
    return Promise.resolve(filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath });
  },
};

export const ipcMain = {
  handle: (channel: string, handler: Listener) => {
    record.ipcHandlers.set(channel, handler);
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown[]) => template,
  setApplicationMenu: (menu: unknown[]) => {
    record.menuTemplate = menu;
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    record.privilegedSchemes.push(...schemes);
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    record.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener) => {
      record.permissionHandler = handler;
    },
    webRequest: {
      onHeadersReceived: (listener: Listener) => {
        record.headersListener = listener;
      },
    },
  },
};

export const shell = {
  openExternal: (url: string) => {
    record.openedExternally.push(url);
    return Promise.resolve();
  },
};
