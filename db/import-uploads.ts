// The app's chunked import: imports.begin (with `isnad import`'s --format, --annotator, --map-label and
// --predictions) creates a temporary folder, imports.append writes each piece of each file there, imports.finish imports the
// folder's files through the same code as `isnad import` (one transaction) and removes the folder, whatever happens.
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImportFormat } from '../shared/formats/detect-format';
import { labelMappingFromPairs, type LabelMapping } from '../shared/formats/label-mapper';
import { MAX_UPLOAD_BYTES, type FormatImportResult } from '../shared/formats/format-rpc';
import { collectImportInputs } from './collect-import-inputs';
import { StoreError } from './database-errors';
import { importFiles, readImportInputs } from './import-files';
import { describeIssue } from './read-corpus-file';
import type { Store } from './store/Store';

/** Uploads in progress at once; an abandoned one is dropped when a new one would exceed this. */
const MAX_OPEN_UPLOADS = 4;

interface Upload {
  folder: string;
  files: { name: string; path: string; bytes: number; received: number; pieces: { start: number; end: number }[] }[];
  annotator: string | undefined;
  /** Forced format of every file (`isnad import --format`); undefined: by extension and content. */
  format: ImportFormat | undefined;
  labelMapping: LabelMapping | undefined;
  predictions: boolean;
  startedAt: number;
}

export interface UploadOptions {
  /** The layer that receives the spans (see ImportFilesOptions.annotator). */
  annotator?: string | undefined;
  format?: ImportFormat | undefined;
  /** [file label, schema label or '' to leave its spans out], as `isnad import --map-label` takes them. */
  labelMapping?: readonly (readonly [string, string])[] | undefined;
  /** Label Studio model predictions too. */
  predictions?: boolean | undefined;
}

export class ImportUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly store: Store) {}

  begin(files: readonly { name: string; bytes: number }[], options: UploadOptions = {}): { uploadId: string } {
    const total = files.reduce((sum, file) => sum + file.bytes, 0);
    if (total > MAX_UPLOAD_BYTES) throw new StoreError('INVALID_FILE', `These files total ${Math.ceil(total / 1048576)} MB; one import may total at most ${MAX_UPLOAD_BYTES / 1048576} MB.`);
    const names = new Set<string>();
    for (const file of files) {
      // Only the file's own name: the folder it came from stays on the user's machine.
      const name = path.basename(file.name.replaceAll('\\', '/'));
      if (name === '' || name === '.' || name === '..') throw new StoreError('INVALID_FILE', `«${file.name}» is not a file name`);
      if (names.has(name)) throw new StoreError('INVALID_FILE', `«${name}» is chosen twice`);
      names.add(name);
    }
    while (this.uploads.size >= MAX_OPEN_UPLOADS) this.cancel([...this.uploads.keys()][0]!);
    const folder = mkdtempSync(path.join(tmpdir(), 'isnad-upload-'));
    const upload: Upload = {
      folder,
      files: files.map((file) => {
        const name = path.basename(file.name.replaceAll('\\', '/'));
        const filePath = path.join(folder, name);
        closeSync(openSync(filePath, 'w'));
        return { name, path: filePath, bytes: file.bytes, received: 0, pieces: [] };
      }),
      annotator: options.annotator,
      format: options.format,
      labelMapping: labelMappingOf(options.labelMapping),
      predictions: options.predictions === true,
      startedAt: Date.now(),
    };
    const uploadId = randomUUID();
    this.uploads.set(uploadId, upload);
    return { uploadId };
  }

  /** Writes a piece at atByte (default: after the bytes received so far); pieces may arrive in any order but never overlap. */
  append(uploadId: string, fileIndex: number, dataBase64: string, atByte?: number): { receivedBytes: number } {
    const upload = this.require(uploadId);
    const file = upload.files[fileIndex];
    if (file === undefined) throw new StoreError('NOT_FOUND', `The upload has no file number ${fileIndex + 1}.`);
    const bytes = Buffer.from(dataBase64, 'base64');
    const start = atByte ?? file.received;
    const end = start + bytes.length;
    if (end > file.bytes) throw new StoreError('INVALID_FILE', `«${file.name}» is longer than announced (${file.bytes} bytes).`);
    // No overlap, so once `received` equals the size every byte has arrived exactly once.
    if (file.pieces.some((piece) => piece.start < end && start < piece.end)) throw new StoreError('INVALID_FILE', `«${file.name}»: bytes ${start}–${end} arrived twice.`);
    const fd = openSync(file.path, 'r+');
    try {
      writeSync(fd, bytes, 0, bytes.length, start);
    } finally {
      closeSync(fd);
    }
    file.pieces.push({ start, end });
    file.received += bytes.length;
    return { receivedBytes: upload.files.reduce((sum, entry) => sum + entry.received, 0) };
  }

  finish(uploadId: string): FormatImportResult {
    const upload = this.require(uploadId);
    try {
      const missing = upload.files.find((file) => file.received !== file.bytes);
      if (missing !== undefined) throw new StoreError('INVALID_FILE', `«${missing.name}» arrived incomplete (${missing.received} of ${missing.bytes} bytes).`);
      const inputs = collectImportInputs(upload.files.map((file) => file.name), upload.folder, upload.format);
      const result = importFiles(this.store, inputs, readImportInputs(inputs), { annotator: upload.annotator, labelMapping: upload.labelMapping, predictions: upload.predictions });
      const documents = [
        ...result.texts.map((text) => ({ id: text.document.id, title: text.document.title, created: text.created })),
        ...result.exports.flatMap((entry) => entry.summary.documents.map((document) => ({ id: document.id, title: document.title, created: false }))),
        ...(result.corpus?.documents ?? []),
      ];
      const sum = (pick: (summary: { spansAdded: number; spansUpdated: number; relationsAdded: number; documentsAdded: number }) => number) =>
        result.exports.reduce((total, entry) => total + pick(entry.summary), 0) + (result.corpus === undefined ? 0 : pick(result.corpus));
      return {
        documents,
        documentsAdded: result.texts.filter((text) => text.created).length + sum((summary) => summary.documentsAdded),
        spansAdded: sum((summary) => summary.spansAdded),
        spansUpdated: sum((summary) => summary.spansUpdated),
        relationsAdded: sum((summary) => summary.relationsAdded),
        warnings: [
          ...(result.skipped.length > 0 ? [`skipped ${result.skipped.length} file(s) of no known format: ${result.skipped.join(', ')}`] : []),
          ...result.warnings.slice(0, 50).map(describeIssue),
        ],
      };
    } finally {
      this.cancel(uploadId);
    }
  }

  cancel(uploadId: string): { uploadId: string } {
    const upload = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    if (upload !== undefined) rmSync(upload.folder, { recursive: true, force: true });
    return { uploadId };
  }

  /** Removes every temporary folder (the app is closing). */
  close(): void {
    for (const uploadId of [...this.uploads.keys()]) this.cancel(uploadId);
  }

  private require(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) throw new StoreError('NOT_FOUND', 'The upload is unknown or was cancelled; import the files again.');
    return upload;
  }
}

/** The pairs as a mapping, refused when a label is mapped twice. */
function labelMappingOf(pairs: UploadOptions['labelMapping']): LabelMapping | undefined {
  if (pairs === undefined || pairs.length === 0) return undefined;
  const parsed = labelMappingFromPairs(pairs);
  if (!parsed.ok) throw new StoreError('UNKNOWN_LABEL', `The label mapping is wrong: ${parsed.message}.`);
  return parsed.mapping;
}
