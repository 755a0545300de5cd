// The text of `isnad --help`.

export const HELP_TEXT = `isnad — annotate claims and attribution in Arabic news text

Usage:
  isnad import FILE... [--db PATH]                       import UTF-8 text files (all or none)
  isnad export [--db PATH] [--document ID] [--out FILE]  write the export JSON (stdout by default)
  isnad serve [--db PATH] [--port N] [--no-open]         browser mode on 127.0.0.1
  isnad --help | --version

Options:
  --db PATH        the database file (default: $ISNAD_DB, else the desktop app's own file)
  --document ID    export one document instead of all
  --out FILE       write the export to FILE instead of stdout
  --port N         port for serve; 0 (the default) picks a free one
  --no-open        do not open a browser; just print the address

serve prints http://127.0.0.1:PORT/?token=TOKEN and runs until Ctrl+C. The token is new on every
run; requests without it, or from another Host or Origin, are refused.

Exit status: 0 on success, 1 on failure, 2 for a usage error; messages go to stderr.
`;
