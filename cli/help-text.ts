// The text of `isnad --help`.

export const HELP_TEXT = `isnad — annotate claims and attribution in Arabic news text

Usage:
  isnad import FILE... [--format F] [--annotator NAME] [--map-label FROM=TO]... [--predictions]
               [--progress] [--db PATH]                  import texts, Isnad exports and annotation
                                                         formats; a FILE may be a folder (all or
                                                         none, in one transaction)
  isnad export [--format F] [--document ID] [--annotator NAME]... [--gold] [--label L]...
               [--out FILE|FOLDER] [--db PATH]           export (Isnad JSON on stdout by default)
  isnad serve [--db PATH] [--port N] [--no-open]         browser mode on 127.0.0.1
  isnad agreement FILE... [--format table|json|csv|html] [--label L]... [--out FILE]
                                                         agreement between annotators' export files
  isnad --help | --version

Options:
  --db PATH        the database file (default: $ISNAD_DB, else the desktop app's own file)
  --document ID    export one document instead of all
  --out FILE       write the export (or the agreement report) to FILE instead of stdout;
                   brat exports need a FOLDER (one .txt and one .ann per document); webanno
                   into a FOLDER writes annotations.jsonld and each document's text as ID.txt
                   (import the folder into another database); to FILE.jsonld, annotations only
  --annotator NAME import: the annotator whose layer receives the spans (default: the annotator
                   each span names, else the current one); export: only this annotator's layer
                   (repeat for several)
  --gold           export: only the gold layer (the annotator named "gold")
  --map-label FROM=TO
                   import: read the file's label FROM as the schema's label TO (FROM= leaves its
                   spans out; repeat for several). A label that only differs in case from one of
                   the schema's (LOC for loc) is read as it without this
  --predictions    import: Label Studio model predictions too, each in the layer named after its
                   model_version (else "prediction"); by default only the annotations are read
  --progress       import: show progress on stderr even when it is not a terminal (--no-progress: never)
  --port N         port for serve; 0 (the default) picks a free one
  --no-open        do not open a browser; just print the address
  --format F       import/export: isnad (JSON), jsonl, brat, conll, webanno (W3C), label-studio,
                   doccano, spacy; import also text, markdown. Import default: by extension
                   (.txt, .md, .json, .jsonl, .ann, .conll/.bio/.iob, .jsonld; .txt with a .ann
                   beside it is brat; .json/.jsonl are told apart by their content)
                   agreement: table (default), json (the full report), csv (one row per scope,
                   label, measure and pair; label * is all labels) or html (self-contained, with plots)
  --label L        agreement: measure only label L (repeat for several); default every label used

import reads a FILE ending in .json as an Isnad export: its documents, spans, relations, attributes
and register entries merge into the database under their annotators; importing it again changes
nothing. A FOLDER imports every file in it of a known format. Offsets are checked against the text
and against the covered text the file records: a mismatch names the file and line (or record) and
nothing is imported. JSONL files stream line by line, whatever their size.

--label L (CoNLL) writes only label L (repeat for several). BIO gives a token one tag, so
overlapping spans are resolved: the span covering more tokens wins, ties go to the earlier
start, then to the label that sorts first; every span left out is named in a warning on stderr.
Spans that start or end inside a token (Intl.Segmenter words) are widened to whole tokens.

serve prints http://127.0.0.1:PORT/?token=TOKEN and runs until Ctrl+C. The token is new on every
run; requests without it, or from another Host or Origin, are refused.

agreement matches documents across files by the SHA-256 of their text; a document that some
annotators lack is missing data (reported, not dropped); annotators of different files are never
merged, even with the same name (reported).

Exit status: 0 on success, 1 on failure, 2 for a usage error; messages go to stderr.
`;
