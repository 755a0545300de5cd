// Serves the built renderer on app://isnad/ with the app's CSP header. webRequest's header hooks
// do not run for custom protocols (electron/electron#6021), so the header is set here.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { appResponseHeaders, resolveAppFilePath } from './app-file-response';

export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const filePath = resolveAppFilePath(rendererDir, request.url);
    if (filePath === null || request.method !== 'GET') {
      return new Response('Not found', { status: 404 });
    }
    try {
      const body = await readFile(filePath);
      return new Response(new Uint8Array(body), { headers: appResponseHeaders(filePath) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
