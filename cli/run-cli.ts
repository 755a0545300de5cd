// Runs one `isnad` command line and returns its exit status. Every failure ends here as exactly
// one line on stderr: `isnad: <message>` (status 2 for usage errors, 1 otherwise).
import type { CliIo } from './cli-io';
import { agreementCommand } from './commands/agreement-command';
import { exportCommand } from './commands/export-command';
import { importCommand } from './commands/import-command';
import { serveCommand } from './commands/serve-command';
import { HELP_TEXT } from './help-text';
import { UsageError } from './usage-error';

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = {
  import: importCommand,
  export: exportCommand,
  serve: serveCommand,
  agreement: agreementCommand,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) throw new UsageError('no command given; see isnad --help');
    if (first === '--help' || first === '-h' || first === 'help' || rest.includes('--help') || rest.includes('-h')) {
      io.stdout(HELP_TEXT);
      return 0;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${io.appVersion}\n`);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (command === undefined) throw new UsageError(`unknown command «${first}»; see isnad --help`);
    return await command(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`isnad: ${message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
