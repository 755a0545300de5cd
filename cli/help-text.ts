// The text of `isnad --help`.

export const HELP_TEXT = `isnad — annotate claims and attribution in Arabic news text

Usage:
  isnad import FILE... [--db PATH]                       import UTF-8 .txt files and Isnad .json exports
                                                         (all or none)
  isnad export [--db PATH] [--document ID] [--out FILE]  write the export JSON (stdout by default)
  isnad serve [--db PATH] [--port N] [--no-open]         browser mode on 127.0.0.1
  isnad agreement FILE... [--format table|json|csv|html] [--label L]... [--out FILE]
                                                         agreement between annotators' export files
  isnad --help | --version

Options:
  --db PATH        the database file (default: $ISNAD_DB, else the desktop app's own file)
  --document ID    export one document instead of all
  --out FILE       write the export (or the agreement report) to FILE instead of stdout
  --port N         port for serve; 0 (the default) picks a free one
  --no-open        do not open a browser; just print the address
  --format F       agreement: table (default), json (the full report), csv (one row per scope,
                   label, measure and pair; label * is all labels) or html (self-contained, with plots)
  --label L        agreement: measure only label L (repeat for several); default every label used

import reads a FILE ending in .json as an Isnad export: its documents, spans, relations, attributes
and register entries merge into the database under their annotators; importing it again changes
nothing. Every other FILE is UTF-8 text.

serve prints http://127.0.0.1:PORT/?token=TOKEN and runs until Ctrl+C. The token is new on every
run; requests without it, or from another Host or Origin, are refused.

agreement matches documents across files by the SHA-256 of their text; a document that some
annotators lack is missing data (reported, not dropped); annotators of different files are never
merged, even with the same name (reported).

Exit status: 0 on success, 1 on failure, 2 for a usage error; messages go to stderr.
`;
