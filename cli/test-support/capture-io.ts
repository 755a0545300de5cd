// A CliIo for tests: captures stdout/stderr, resolves relative paths in a temp folder, and lets
// the test decide when a running `serve` should stop.
import path from 'node:path';
import type { CliIo } from '../cli-io';

export interface CapturedIo extends CliIo {
  out: string[];
  err: string[];
  /** What `serve` would have opened in a browser. */
  opened: string[];
  /** Plays the part of Ctrl+C. */
  stop(): void;
}

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const fixturesDir = path.resolve(repoRoot, '..', 'shared', 'fixtures');

export function captureIo(options: { cwd: string; staticDir?: string; env?: Record<string, string | undefined> }): CapturedIo {
  let stop = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const io: CapturedIo = {
    out: [],
    err: [],
    opened: [],
    stdout: (text) => io.out.push(text),
    stderr: (text) => io.err.push(text),
    env: options.env ?? {},
    cwd: options.cwd,
    appVersion: '1.2.3-test',
    staticDir: options.staticDir ?? path.join(options.cwd, 'no-renderer'),
    waitForStop: () => stopped,
    openUrl: (url) => io.opened.push(url),
    stop: () => stop(),
  };
  return io;
}
