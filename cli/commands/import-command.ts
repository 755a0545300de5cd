// `isnad import FILE|FOLDER... [--format F] [--annotator NAME] [--map-label FROM=TO]... [--predictions]`:
// text and Markdown files are stored as they are, Isnad .json exports merge with their annotations,
// and every other format is converted (shared/formats) — all through db/import-files.ts in ONE
// transaction: one bad file and nothing is imported. A progress line goes to stderr when it is a
// terminal (or with --progress).
import { collectImportInputs } from '../../db/collect-import-inputs';
import type { CorpusImportSummary } from '../../db/import-corpus';
import { importFiles, readImportInputs } from '../../db/import-files';
import type { IsnadImportSummary } from '../../db/import-isnad-export';
import { describeIssue, type ReadProgress } from '../../db/read-corpus-file';
import { Store } from '../../db/store/Store';
import { parseFormatName, type ImportFormat } from '../../shared/formats/detect-format';
import { parseLabelMapping } from '../../shared/formats/label-mapper';
import type { FormatIssue } from '../../shared/formats/parse-result';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';
import { parseCommandArgs } from '../parse-command-args';
import { resolveDatabasePath } from '../resolve-database-path';
import { UsageError } from '../usage-error';

const MAX_SHOWN_WARNINGS = 20;

export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'import',
    args,
    { db: { type: 'string' }, format: { type: 'string' }, annotator: { type: 'string' }, progress: { type: 'boolean' }, predictions: { type: 'boolean' }, 'map-label': { type: 'string', multiple: true } },
    true,
  );
  if (positionals.length === 0) throw new UsageError('import: name at least one file or folder to import');
  let format: ImportFormat | undefined;
  if (values.format !== undefined) {
    format = parseFormatName(values.format);
    if (format === undefined) throw new UsageError(`import: unknown format «${values.format}»; see isnad --help`);
  }
  if (values.annotator !== undefined && values.annotator.trim() === '') throw new UsageError('import: --annotator needs a name');
  const labelMapping = parseLabelMapping(values['map-label'] ?? []);
  if (!labelMapping.ok) throw new UsageError(`import: --map-label: ${labelMapping.message}`);
  // Every file is found and the small ones read before the database opens: a missing file changes nothing.
  const inputs = collectImportInputs(positionals, io.cwd, format);
  const read = readImportInputs(inputs);

  const databasePath = resolveDatabasePath(values.db, io);
  const db = openCliDatabase(databasePath, { mustExist: false });
  const showProgress = values.progress === true || (values.progress !== false && io.stderrIsTty === true);
  const progress = showProgress ? progressLine(io) : undefined;
  try {
    const result = importFiles(Store.for(db), inputs, read, { annotator: values.annotator, onProgress: progress?.update, predictions: values.predictions === true, labelMapping: labelMapping.mapping });
    progress?.done();
    for (const { name, summary } of result.exports) io.stdout(describeExportImport(name, summary));
    if (result.corpus !== undefined) io.stdout(describeCorpusImport(result.corpusFileCount, result.corpus));
    reportWarnings(io, result.warnings, result.skipped);
    if (result.texts.length === 0) return 0;
    for (const document of result.texts) {
      // The title goes last: Arabic text mid-line would reorder the columns after it in a terminal.
      const status = document.created ? '' : '(already imported) ';
      io.stdout(`${document.document.id}  ${String(document.document.lengthCodePoints).padStart(7)} characters  ${status}${document.document.title}\n`);
    }
    const created = result.texts.filter((document) => document.created).length;
    const plural = result.texts.length === 1 ? 'document' : 'documents';
    io.stdout(`Imported ${result.texts.length} ${plural} (${created} new, ${result.texts.length - created} already there) into ${databasePath}\n`);
    return 0;
  } catch (error) {
    progress?.done();
    throw error;
  } finally {
    db.close();
  }
}

/** A progress line on stderr, redrawn in place with \r. */
function progressLine(io: CliIo) {
  let shown = false;
  return {
    update(progress: ReadProgress) {
      const percent = progress.totalBytes === 0 ? 100 : Math.floor((progress.bytesRead / progress.totalBytes) * 100);
      const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
      io.stderr(`\rimporting ${progress.file}: ${String(percent).padStart(3)}% (${megabytes(progress.bytesRead)} of ${megabytes(progress.totalBytes)} MB)`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\n');
      shown = false;
    },
  };
}

function reportWarnings(io: CliIo, warnings: readonly FormatIssue[], skipped: readonly string[]): void {
  if (skipped.length > 0) io.stderr(`isnad: warning: skipped ${skipped.length} file(s) of no known format: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}\n`);
  for (const warning of warnings.slice(0, MAX_SHOWN_WARNINGS)) io.stderr(`isnad: warning: ${describeIssue(warning)}\n`);
  if (warnings.length > MAX_SHOWN_WARNINGS) io.stderr(`isnad: warning: and ${warnings.length - MAX_SHOWN_WARNINGS} more warnings\n`);
}

function describeCorpusImport(fileCount: number, summary: CorpusImportSummary): string {
  const { documents, documentsAdded, spansAdded, spansUpdated, relationsAdded } = summary;
  return (
    `Imported ${fileCount} ${fileCount === 1 ? 'file' : 'files'}: ${documents.length} ${documents.length === 1 ? 'document' : 'documents'} (${documentsAdded} new), ` +
    `${spansAdded} spans added, ${spansUpdated} updated, ${relationsAdded} relations added\n`
  );
}

function describeExportImport(name: string, summary: IsnadImportSummary): string {
  const { documents, documentsAdded, spansAdded, spansUpdated, relationsAdded, entitiesAdded } = summary;
  return (
    `Imported ${name}: ${documents.length} ${documents.length === 1 ? 'document' : 'documents'} (${documentsAdded} new), ` +
    `${spansAdded} spans added, ${spansUpdated} updated, ${relationsAdded} relations and ${entitiesAdded} register entries added\n`
  );
}
