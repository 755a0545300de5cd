// The format each chosen file would be read in, for the import dialog's list: the same rules as the
// node side's collectImportInputs (extension, the first 4 KB of .json/.jsonl, a .txt beside its .ann is brat).
import { detectFormat, extensionOf, type ImportFormat } from '../../shared/formats/detect-format';

const CONTENT_DETECTED = new Set(['.json', '.jsonl', '.ndjson']);

/** One entry per file, in order; undefined when neither the extension nor the content tells. */
export async function detectFileFormats(files: readonly File[]): Promise<(ImportFormat | undefined)[]> {
  const baseName = (name: string) => name.slice(0, name.length - extensionOf(name).length);
  const annotated = new Set(files.filter((file) => extensionOf(file.name) === '.ann').map((file) => baseName(file.name)));
  return Promise.all(
    files.map(async (file) => {
      const extension = extensionOf(file.name);
      if (extension === '.txt' && annotated.has(baseName(file.name))) return 'brat';
      return detectFormat(file.name, CONTENT_DETECTED.has(extension) ? await file.slice(0, 4096).text() : '');
    }),
  );
}
