// One import of files on disk in every format, in ONE transaction, shared by `isnad import` and the
// app's upload (db/import-uploads.ts): texts (import-text-files), Isnad exports (import-isnad-export)
// and converted formats (import-corpus, streaming the line formats).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LabelMapping } from '../shared/formats/label-mapper';
import type { FormatIssue } from '../shared/formats/parse-result';
import type { ImportInputs } from './collect-import-inputs';
import { StoreError } from './database-errors';
import type { TextFile } from './decode-text-file';
import { importCorpus, withImportCache, type CorpusImportSummary, type LocatedDocument } from './import-corpus';
import { importIsnadExportJson, type IsnadImportSummary } from './import-isnad-export';
import { importTextFiles, type ImportedTextFile } from './import-text-files';
import { openJsonFileBytes } from './json-file-bytes';
import { readCorpusFile, type CorpusInput, type ReadCorpusOptions, type ReadProgress } from './read-corpus-file';
import type { Store } from './store/Store';

export interface ImportFilesOptions {
  /** The layer converted spans go to (see CorpusImportOptions.annotator). */
  annotator?: string | undefined;
  onProgress?: ((progress: ReadProgress) => void) | undefined;
  /** Label Studio: also import model predictions (see ReadCorpusOptions.predictions). */
  predictions?: boolean | undefined;
  /** The files' labels read as the schema's (see CorpusImportOptions.labelMapping). */
  labelMapping?: LabelMapping | undefined;
}

export interface ImportFilesResult {
  texts: ImportedTextFile[];
  exports: { name: string; summary: IsnadImportSummary }[];
  corpus: CorpusImportSummary | undefined;
  corpusFileCount: number;
  warnings: FormatIssue[];
  skipped: string[];
}

/**
 * Text files are read first and Isnad exports checked to exist, so a missing file fails before the
 * database is touched. Exports are read later through a window (json-file-bytes): any size imports
 * with bounded memory, document by document.
 */
export function readImportInputs(inputs: ImportInputs): { texts: TextFile[]; exports: { name: string; path: string }[] } {
  // The stored name is the file's own name, as when a file is dropped into the app.
  const texts = inputs.textFiles.map((file) => ({ name: path.basename(file.path), bytes: readFileSync(file.path) }));
  const exports = inputs.isnadFiles.map((file) => {
    if (!statSync(file.path).isFile()) throw new StoreError('INVALID_FILE', `«${file.name}» is not a file`);
    return { name: file.name, path: file.path };
  });
  if (texts.length + exports.length + inputs.corpusInputs.length === 0) throw new StoreError('INVALID_FILE', 'nothing to import: no file of a known format was given');
  return { texts, exports };
}

export function importFiles(store: Store, inputs: ImportInputs, read: ReturnType<typeof readImportInputs>, options: ImportFilesOptions = {}): ImportFilesResult {
  const warnings: FormatIssue[] = [];
  // W3C annotations name their texts by IRI: a text file given with them whose name is a source's
  // last segment (doc1.txt for urn:isnad:document:doc1) is imported with its spans, under that id.
  const withAnnotations = inputs.corpusInputs.some((input) => input.format === 'webanno');
  const textsByName = withAnnotations ? new Map(read.texts.map((file) => [textName(file.name), file])) : undefined;
  const usedTexts = new Set<string>();
  const readOptions = { warnings, onProgress: options.onProgress, store, texts: textsByName, usedTexts, predictions: options.predictions };
  const result = withImportCache(store.db, () =>
    store.db.transaction(() => {
      const texts = read.texts.length === 0 || withAnnotations ? [] : importTextFiles(store, read.texts);
      const exports = read.exports.map((file) => ({ name: file.name, summary: importIsnadExportFile(store, file) }));
      const corpus =
        inputs.corpusInputs.length === 0
          ? undefined
          : importCorpus(store, corpusDocuments(inputs.corpusInputs, readOptions), { annotator: options.annotator, labelMapping: options.labelMapping });
      // Texts no annotation used are plain texts, imported after the annotations had their pick.
      const rest = withAnnotations ? read.texts.filter((file) => !usedTexts.has(textName(file.name))) : [];
      return { texts: rest.length === 0 ? texts : importTextFiles(store, rest), exports, corpus };
    })(),
  );
  // The import's own warnings (labels read otherwise, spans split, metadata kept) before the parsers' line by line ones.
  return { ...result, corpusFileCount: inputs.corpusInputs.length, warnings: [...(result.corpus?.warnings ?? []), ...warnings], skipped: inputs.skipped };
}

function importIsnadExportFile(store: Store, file: { name: string; path: string }): IsnadImportSummary {
  const label = `«${file.name}»`;
  const bytes = openJsonFileBytes(file.path, label);
  try {
    return importIsnadExportJson(store, bytes, label, { sourceName: file.name });
  } finally {
    bytes.close();
  }
}

function textName(fileName: string): string {
  return fileName.replace(/\.(txt|md)$/iu, '');
}

function* corpusDocuments(inputs: readonly CorpusInput[], options: ReadCorpusOptions): Generator<LocatedDocument> {
  for (const input of inputs) yield* readCorpusFile(input, options);
}
