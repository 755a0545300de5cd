// What a command may touch outside itself. The real process provides it in isnad.ts; tests pass
// their own, so every command runs in-process with captured output.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal: progress indicators are drawn only then (or on request). */
  stderrIsTty?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths on the command line are resolved against this folder. */
  cwd: string;
  appVersion: string;
  /** The built renderer that `serve` hands out (dist/renderer beside the bundle). */
  staticDir: string;
  /** Resolves when the user asks a long-running command to stop (SIGINT/SIGTERM). */
  waitForStop(): Promise<void>;
  openUrl(url: string): void;
}
