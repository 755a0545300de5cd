// `isnad export`: writes the export v1 JSON of all documents (or one) to stdout or to a file. The
// file is written beside its final name and renamed, so an interrupted export never leaves half a file.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildExport } from '../../db/build-export';
import type { CliIo } from '../cli-io';
import { openCliDatabase } from '../open-cli-database';
import { parseCommandArgs } from '../parse-command-args';
import { resolveDatabasePath } from '../resolve-database-path';

export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('export', args, { db: { type: 'string' }, document: { type: 'string' }, out: { type: 'string' } }, false);
  const databasePath = resolveDatabasePath(values.db, io);
  const db = openCliDatabase(databasePath, { mustExist: true });
  let json: string;
  let summary: string;
  try {
    const exported = buildExport(db, { documentId: values.document });
    json = `${JSON.stringify(exported, null, 2)}\n`;
    const spanCount = exported.documents.reduce((sum, document) => sum + document.spans.length, 0);
    summary = `${exported.documents.length} ${exported.documents.length === 1 ? 'document' : 'documents'} with ${spanCount} ${spanCount === 1 ? 'span' : 'spans'}`;
  } finally {
    db.close();
  }
  if (values.out === undefined) {
    io.stdout(json);
    return 0;
  }
  const outPath = path.resolve(io.cwd, values.out);
  const partPath = `${outPath}.${process.pid}.part`;
  try {
    writeFileSync(partPath, json, 'utf8');
    renameSync(partPath, outPath);
  } catch (error) {
    rmSync(partPath, { force: true });
    throw new Error(`cannot write «${values.out}»: ${(error as Error).message}`);
  }
  io.stdout(`Exported ${summary} to ${outPath}\n`);
  return 0;
}
