// Applied to every WebContents the app creates: no navigation away from the app, no new windows
// (web links go to the user's browser), no <webview>.
import { shell, type WebContents } from 'electron';
import { externalUrlToOpen, isNavigationAllowed } from './navigation-policy';

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(contents.getURL(), event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(contents.getURL(), event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const externalUrl = externalUrlToOpen(url);
    if (externalUrl !== null) void shell.openExternal(externalUrl);
    return { action: 'deny' };
  });
}
