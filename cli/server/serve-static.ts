// Serves the built renderer (GET/HEAD) from one folder. Every path is decoded, resolved and checked
// to stay inside that folder (symlinks included), so `/../` in any spelling finds nothing.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor } from './content-types';
import { sendError } from './send-json';

export async function serveStatic(req: IncomingMessage, res: ServerResponse, staticDirReal: string | null): Promise<void> {
  const filePath = staticDirReal === null ? null : await resolveStaticFile(req.url ?? '/', staticDirReal);
  if (filePath === null) {
    sendError(res, 404, 'NOT_FOUND', 'Not found');
    return;
  }
  const stats = await stat(filePath);
  const isIndex = path.basename(filePath) === 'index.html';
  res.writeHead(200, {
    'Content-Type': contentTypeFor(filePath),
    'Content-Length': String(stats.size),
    // index.html carries no secrets but must never be stale after a rebuild; hashed assets may be revalidated.
    'Cache-Control': isIndex ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(filePath);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** The real path of the file a URL names inside the folder, or null when there is none. */
export async function resolveStaticFile(requestUrl: string, staticDirReal: string): Promise<string | null> {
  const rawPath = requestUrl.split('?', 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  // Dotfiles and dot-folders are never part of a build: refuse them outright.
  if (relative.split(/[\\/]/).some((segment) => segment.startsWith('.'))) return null;
  const candidate = path.resolve(staticDirReal, relative);
  if (!isInside(staticDirReal, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(staticDirReal, real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function isInside(dir: string, candidate: string): boolean {
  const relative = path.relative(dir, candidate);
  return relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}
