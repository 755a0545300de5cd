// Entry point of the bundled command line (dist/cli/isnad.cjs, loaded by bin/isnad.js): wires the
// real process (streams, signals, paths beside the bundle) into runCli.
import path from 'node:path';
import type { CliIo } from './cli-io';
import { openInBrowser } from './open-in-browser';
import { runCli } from './run-cli';

// Replaced with package.json's version by build/bundle-node.mjs (esbuild `define`).
declare const ISNAD_APP_VERSION: string | undefined;

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    appVersion: typeof ISNAD_APP_VERSION === 'string' ? ISNAD_APP_VERSION : '0.0.0-dev',
    // The bundle sits in dist/cli/, the built renderer in dist/renderer/.
    staticDir: path.resolve(__dirname, '..', 'renderer'),
    waitForStop: waitForStopSignal,
    openUrl: openInBrowser,
  };
  // exitCode rather than exit(): a large export piped to another program must be flushed first.
  process.exitCode = await runCli(argv, io);
}

/** The first SIGINT/SIGTERM asks for a clean stop; a second one then kills as usual. */
function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
