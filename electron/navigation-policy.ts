// Where the window may go: nowhere. The app is one page; links to the web open in the user's browser.
import { isAppUrl } from './app-origin';

/** will-navigate / will-redirect: only a reload of the current app page itself. */
export function isNavigationAllowed(currentUrl: string, targetUrl: string): boolean {
  if (!isAppUrl(currentUrl) || !isAppUrl(targetUrl)) return false;
  return new URL(currentUrl).href === new URL(targetUrl).href;
}

/**
 * The URL to hand to shell.openExternal for a window.open / target=_blank request, or null.
 * Only http(s) without credentials: file:, smb:, custom and javascript: URLs reach OS handlers that can run code.
 */
export function externalUrlToOpen(url: string): string | null {
  const parsed = URL.parse(url);
  if (parsed === null) return null;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}
