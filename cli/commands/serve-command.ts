// `isnad serve`: browser mode. Opens the database, serves the renderer and /rpc on 127.0.0.1 until
// SIGINT/SIGTERM, then closes the server and the database cleanly.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDispatch } from '../../db/create-dispatch';
import { streamExport } from '../../db/export-corpus';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';
import { parseCommandArgs } from '../parse-command-args';
import { resolveDatabasePath } from '../resolve-database-path';
import { startServer, type RunningServer } from '../server/start-server';
import { UsageError } from '../usage-error';

/** 0 asks the system for a free port, so serve never fails because a port is taken. */
export const DEFAULT_SERVE_PORT = 0;

export async function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'serve',
    args,
    { db: { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean', default: true } },
    false,
  );
  const port = parsePort(values.port);
  if (!existsSync(path.join(io.staticDir, 'index.html'))) {
    throw new Error(`the web interface is not built (no index.html in ${io.staticDir}); run npm run build`);
  }
  const databasePath = resolveDatabasePath(values.db, io);
  const db = openCliDatabase(databasePath, { mustExist: false });
  let server: RunningServer;
  try {
    server = await startServer({
      dispatch: createDispatch(db, { databasePath, appVersion: io.appVersion }),
      staticDir: io.staticDir,
      port,
      runExport: (request, sink) => streamExport(db, request, sink),
    });
  } catch (error) {
    db.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${port} is already in use on 127.0.0.1; choose another with --port N, or --port 0 for any free port`);
    }
    throw error;
  }
  io.stdout(`Isnad is running at ${server.url}\n`);
  io.stdout(`Database: ${databasePath}\n`);
  io.stdout('Open the address above in a browser on this machine. Press Ctrl+C to stop.\n');
  if (values.open) io.openUrl(server.url);

  await io.waitForStop();
  try {
    await server.close();
  } finally {
    db.close();
  }
  io.stdout('Isnad stopped.\n');
  return 0;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SERVE_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`serve: --port must be a number from 0 to 65535, not «${value}»`);
  return port;
}
