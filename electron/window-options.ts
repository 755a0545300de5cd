// The main window's options. Every security-relevant webPreference is written out, even where it
// is Electron's default, so that a change of default or a careless edit shows up in review and tests.
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Isnad — إسناد';

export function createWindowOptions(input: { preloadPath: string; isPackaged: boolean }): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside the renderer's drop zone must not replace the app with file://.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !input.isPackaged,
    },
  };
}
