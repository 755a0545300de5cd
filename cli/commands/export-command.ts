// `isnad export [--format F]`: Isnad JSON (default) or JSONL, brat, CoNLL BIO, W3C Web Annotation,
// Label Studio, doccano or spaCy JSONL (db/export-corpus.ts), to stdout, a file, or a folder (brat;
// W3C with its texts as ID.txt beside annotations.jsonld, unless --out names a .jsonld/.json file).
// Files are written beside their final name and renamed, so an interrupted export never leaves half a file.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { GOLD_ANNOTATOR, streamExport, type ExportSink } from '../../db/export-corpus';
import { describeIssue } from '../../db/read-corpus-file';
import { EXPORT_FORMATS, parseFormatName, type ExportFormat } from '../../shared/formats/detect-format';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';
import { parseCommandArgs } from '../parse-command-args';
import { resolveDatabasePath } from '../resolve-database-path';
import { UsageError } from '../usage-error';

const MAX_SHOWN_WARNINGS = 20;

export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'export',
    args,
    {
      db: { type: 'string' },
      document: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      annotator: { type: 'string', multiple: true },
      gold: { type: 'boolean' },
      label: { type: 'string', multiple: true },
    },
    false,
  );
  const format = exportFormat(values.format);
  if (values.label !== undefined && format !== 'conll') throw new UsageError('export: --label chooses the label layer of --format conll');
  if (format === 'brat' && values.out === undefined) throw new UsageError('export: brat writes a .txt and an .ann per document: pass --out FOLDER');
  const annotatorNames = [...(values.annotator ?? []), ...(values.gold === true ? [GOLD_ANNOTATOR] : [])];
  const databasePath = resolveDatabasePath(values.db, io);
  const outPath = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
  // W3C annotations do not hold their texts: a folder gets them too, a file or stdout cannot.
  const webAnnotationTexts = format === 'webanno' && outPath !== undefined && !/\.(jsonld|json)$/iu.test(outPath);
  if (format === 'webanno' && !webAnnotationTexts) io.stderr(`isnad: note: only the annotations are written ${outPath === undefined ? 'to stdout' : 'to a file'}; --out FOLDER also writes each document's text as ID.txt, which an import into another database needs\n`);
  const db = openCliDatabase(databasePath, { mustExist: true });
  const sink = outPath === undefined ? stdoutSink(io) : new FileSink(outPath, values.out!, format === 'brat' || webAnnotationTexts);
  let exported;
  try {
    exported = streamExport(db, { format, documentId: values.document, annotatorNames: annotatorNames.length === 0 ? undefined : annotatorNames, conllLabels: values.label, webAnnotationTexts }, sink);
  } catch (error) {
    if (sink instanceof FileSink) sink.abandon();
    throw error;
  } finally {
    db.close();
  }
  for (const warning of exported.warnings.slice(0, MAX_SHOWN_WARNINGS)) io.stderr(`isnad: warning: ${describeIssue(warning)}\n`);
  if (exported.warnings.length > MAX_SHOWN_WARNINGS) io.stderr(`isnad: warning: and ${exported.warnings.length - MAX_SHOWN_WARNINGS} more warnings\n`);
  const summary = `${exported.documentCount} ${exported.documentCount === 1 ? 'document' : 'documents'} with ${exported.spanCount} ${exported.spanCount === 1 ? 'span' : 'spans'}`;
  if (outPath === undefined) return 0;
  const texts = exported.fileNames.length - 1;
  io.stdout(
    format === 'brat'
      ? `Exported ${summary} as ${exported.fileNames.length} brat files to ${outPath}\n`
      : webAnnotationTexts
        ? `Exported ${summary} to ${outPath}: ${exported.fileNames[0]} and ${texts} ${texts === 1 ? 'text' : 'texts'} (ID.txt)\n`
        : `Exported ${summary} to ${outPath}\n`,
  );
  return 0;
}

function exportFormat(given: string | undefined): ExportFormat {
  if (given === undefined) return 'isnad';
  const format = parseFormatName(given);
  if (format === undefined || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`export: unknown format «${given}»; the formats are ${EXPORT_FORMATS.join(', ')}`);
  }
  return format as ExportFormat;
}

function stdoutSink(io: CliIo): ExportSink {
  return { open: () => {}, write: (chunk) => io.stdout(chunk), close: () => {} };
}

/**
 * Writes each file beside its final name (NAME.PID.part) and renames it when complete, so an
 * interrupted export never leaves half a file; brat files go into a folder created on demand.
 */
class FileSink implements ExportSink {
  private fd: number | undefined;
  private partPath = '';
  private finalPath = '';
  private readonly written: string[] = [];

  constructor(
    private readonly target: string,
    private readonly given: string,
    private readonly isFolder: boolean,
  ) {
    if (isFolder) {
      try {
        mkdirSync(target, { recursive: true });
      } catch (error) {
        throw new Error(`cannot create the folder «${given}»: ${(error as Error).message}`);
      }
    }
  }

  open(name: string): void {
    this.finalPath = this.isFolder ? path.join(this.target, name) : this.target;
    this.partPath = `${this.finalPath}.${process.pid}.part`;
    this.fd = this.attempt(() => openSync(this.partPath, 'w'));
  }

  write(chunk: string): void {
    const fd = this.fd!;
    this.attempt(() => writeSync(fd, chunk));
  }

  close(): void {
    const fd = this.fd!;
    this.fd = undefined;
    this.attempt(() => {
      closeSync(fd);
      renameSync(this.partPath, this.finalPath);
    });
    this.written.push(this.finalPath);
  }

  /** Removes the file being written (the export failed); completed files stay. */
  abandon(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.partPath !== '') rmSync(this.partPath, { force: true });
  }

  private attempt<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      this.abandon();
      throw new Error(`cannot write «${this.isFolder ? path.join(this.given, path.basename(this.finalPath)) : this.given}»: ${(error as Error).message}`);
    }
  }
}
