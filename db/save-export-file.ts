// formats.saveExport's node side: streams an export (streamExport, batch by batch) into the file the
// annotator chose, written beside it and renamed when complete, so a failed export never leaves half
// a file nor replaces a good one. Memory stays bounded whatever the size of the database.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { RpcParsedRequest, SavedExport } from '../shared/rpc/contract';
import { isStreamableFormat } from '../shared/rpc/export-download';
import { StoreError } from './database-errors';
import { streamExport, type ExportSink } from './export-corpus';
import { describeIssue } from './read-corpus-file';
import type { Store } from './store/Store';

export function saveExportToFile(db: Database.Database | Store, request: RpcParsedRequest<'formats.saveExport'>, filePath: string): SavedExport {
  if (!isStreamableFormat(request.format)) throw new StoreError('CONFLICT', 'brat writes a .txt and an .ann per document; it is exported as separate files, not into one file.');
  const partPath = `${filePath}.${process.pid}.part`;
  let fd: number | undefined;
  let bytes = 0;
  const sink: ExportSink = {
    open: () => {
      fd = openSync(partPath, 'w');
    },
    write: (chunk) => {
      bytes += writeSync(fd!, chunk);
    },
    close: () => {
      closeSync(fd!);
      fd = undefined;
      renameSync(partPath, filePath);
    },
  };
  try {
    const exported = streamExport(db, request, sink);
    return { saved: true, fileName: path.basename(filePath), bytes, documentCount: exported.documentCount, spanCount: exported.spanCount, warnings: exported.warnings.slice(0, 50).map(describeIssue) };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(partPath, { force: true });
    throw error;
  }
}
