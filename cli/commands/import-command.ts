// `isnad import FILE...`: reads each file as bytes and stores them through the same validation as
// the app's import (db/import-text-files.ts): one bad file and nothing is imported. A `.json` file
// is an Isnad export and is read back with its annotations (db/import-isnad-export.ts).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TextFile } from '../../db/decode-text-file';
import { importIsnadExport, parseIsnadExportJson, type IsnadImportSummary } from '../../db/import-isnad-export';
import { importTextFiles } from '../../db/import-text-files';
import { MAX_ISNAD_IMPORT_BYTES } from '../../shared/rpc/contract';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';
import { parseCommandArgs } from '../parse-command-args';
import { resolveDatabasePath } from '../resolve-database-path';
import { UsageError } from '../usage-error';

export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, { db: { type: 'string' } }, true);
  if (positionals.length === 0) throw new UsageError('import: name at least one text file to import');
  // Read every file before opening the database: an unreadable file fails the command with nothing written.
  const all = positionals.map((given) => readTextFile(given, io.cwd));
  const isJson = (file: TextFile) => file.name.toLowerCase().endsWith('.json');
  const files = all.filter((file) => !isJson(file));
  const exports = all.filter(isJson).map((file) => {
    if (file.bytes.length > MAX_ISNAD_IMPORT_BYTES) throw new Error(`«${file.name}» is larger than the ${MAX_ISNAD_IMPORT_BYTES / (1024 * 1024)} MB limit for Isnad exports`);
    return { name: file.name, json: new TextDecoder('utf-8', { fatal: false }).decode(file.bytes) };
  });
  const databasePath = resolveDatabasePath(values.db, io);
  const db = openCliDatabase(databasePath, { mustExist: false });
  try {
    // One transaction for every file, so a bad export leaves the text files unimported too.
    const { imported, summaries } = db.transaction(() => ({
      imported: files.length === 0 ? [] : importTextFiles(db, files),
      summaries: exports.map((file) => ({ name: file.name, summary: importIsnadExport(db, parseIsnadExportJson(file.json, `«${file.name}»`), { sourceName: file.name }) })),
    }))();
    for (const { name, summary } of summaries) io.stdout(describeExportImport(name, summary));
    if (files.length === 0) return 0;
    for (const document of imported) {
      // The title goes last: Arabic text mid-line would reorder the columns after it in a terminal.
      const status = document.created ? '' : '(already imported) ';
      io.stdout(`${document.document.id}  ${String(document.document.lengthCodePoints).padStart(7)} characters  ${status}${document.document.title}\n`);
    }
    const created = imported.filter((document) => document.created).length;
    const plural = imported.length === 1 ? 'document' : 'documents';
    io.stdout(`Imported ${imported.length} ${plural} (${created} new, ${imported.length - created} already there) into ${databasePath}\n`);
    return 0;
  } finally {
    db.close();
  }
}

function describeExportImport(name: string, summary: IsnadImportSummary): string {
  const { documents, documentsAdded, spansAdded, spansUpdated, relationsAdded, entitiesAdded } = summary;
  return (
    `Imported ${name}: ${documents.length} ${documents.length === 1 ? 'document' : 'documents'} (${documentsAdded} new), ` +
    `${spansAdded} spans added, ${spansUpdated} updated, ${relationsAdded} relations and ${entitiesAdded} register entries added\n`
  );
}

/** The stored name is the file's own name, as when a file is dropped into the app. */
function readTextFile(given: string, cwd: string): TextFile {
  const fullPath = path.resolve(cwd, given);
  try {
    if (statSync(fullPath).isDirectory()) throw new Error(`«${given}» is a folder, not a text file`);
    return { name: path.basename(fullPath), bytes: readFileSync(fullPath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`cannot read «${given}»: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`cannot read «${given}»: permission denied`);
    if (code === 'ERR_FS_FILE_TOO_LARGE') throw new Error(`«${given}» is far larger than the import limit`);
    throw error;
  }
}
