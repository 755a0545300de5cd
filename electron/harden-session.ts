// Session-wide rules: every permission (camera, notifications, clipboard API, …) is refused, and
// any HTTP response carries the app's CSP (the app's own files get it from the protocol handler).
// Blob downloads are deliberately left alone: Electron's default save dialog is how exports are saved.
import type { Session } from 'electron';
import { withContentSecurityPolicy } from './app-file-response';

export function hardenSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
