// Sorts the files and folders given to `isnad import` by format: by --format, else by extension
// (and content for .json/.jsonl). brat is a .txt with a sibling .ann, or the .ann itself; a folder
// contributes every file it holds (sorted, recursively), and files of no known format are skipped.
import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from './database-errors';
import type { CorpusInput } from './read-corpus-file';
import { detectFormat, extensionOf, type ImportFormat } from '../shared/formats/detect-format';

export interface ImportInputs {
  /** Plain text and Markdown: stored as they are (db/import-text-files.ts). */
  textFiles: { path: string; name: string }[];
  /** Isnad export JSON (db/import-isnad-export.ts). */
  isnadFiles: { path: string; name: string }[];
  corpusInputs: CorpusInput[];
  /** Files in folders that no format reads. */
  skipped: string[];
}

export function collectImportInputs(given: readonly string[], cwd: string, format: ImportFormat | undefined): ImportInputs {
  const inputs: ImportInputs = { textFiles: [], isnadFiles: [], corpusInputs: [], skipped: [] };
  const seen = new Set<string>();
  for (const name of given) {
    const fullPath = path.resolve(cwd, name);
    let isFolder: boolean;
    try {
      isFolder = statSync(fullPath).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new StoreError('INVALID_FILE', `cannot read «${name}»: no such file`);
      if (code === 'EACCES' || code === 'EPERM') throw new StoreError('INVALID_FILE', `cannot read «${name}»: permission denied`);
      throw error;
    }
    if (isFolder) {
      for (const file of listFolder(fullPath)) addFile(inputs, seen, file, path.relative(cwd, file) || path.basename(file), format, true);
    } else addFile(inputs, seen, fullPath, name, format, false);
  }
  return inputs;
}

function listFolder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      return entry.isDirectory() ? listFolder(full) : entry.isFile() ? [full] : [];
    });
}

function addFile(inputs: ImportInputs, seen: Set<string>, fullPath: string, name: string, forced: ImportFormat | undefined, inFolder: boolean): void {
  if (seen.has(fullPath)) return;
  seen.add(fullPath);
  const extension = extensionOf(fullPath);
  const sibling = (ext: string) => fullPath.slice(0, fullPath.length - extension.length) + ext;
  let format = forced ?? detectFormat(fullPath, extension === '.json' || extension === '.jsonl' || extension === '.ndjson' ? readHead(fullPath) : '');
  // A .txt whose .ann is beside it is the text half of a brat pair.
  if (format === 'text' && forced === undefined && existsSync(sibling('.ann'))) format = 'brat';
  if (format === undefined) {
    if (inFolder) {
      inputs.skipped.push(name);
      return;
    }
    throw new StoreError('INVALID_FILE', `«${name}»: cannot tell its format from the extension «${extension || '(none)'}»; pass --format`);
  }
  if (format === 'text' || format === 'markdown') inputs.textFiles.push({ path: fullPath, name });
  else if (format === 'isnad') inputs.isnadFiles.push({ path: fullPath, name });
  else if (format === 'brat') {
    const annPath = extension === '.ann' ? fullPath : sibling('.ann');
    const textPath = extension === '.ann' ? sibling('.txt') : fullPath;
    if (seen.has(extension === '.ann' ? textPath : annPath) && inputs.corpusInputs.some((input) => input.path === annPath)) return;
    seen.add(annPath);
    seen.add(textPath);
    if (!existsSync(annPath)) throw new StoreError('INVALID_FILE', `«${name}»: a brat document needs its .ann file beside the .txt`);
    if (!existsSync(textPath)) throw new StoreError('INVALID_FILE', `«${name}»: a brat .ann file needs its .txt beside it (${path.basename(textPath)})`);
    const annName = extension === '.ann' ? name : name.slice(0, name.length - extension.length) + '.ann';
    inputs.corpusInputs.push({ path: annPath, name: annName, format: 'brat', textPath });
  } else inputs.corpusInputs.push({ path: fullPath, name, format });
}

/** The first 64 KB, enough to tell the JSON formats apart. */
function readHead(fullPath: string): string {
  const fd = openSync(fullPath, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const count = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, count).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
