// Turns one input file into converted documents for importCorpus: line formats (Isnad JSONL, doccano,
// spaCy) stream line by line, Label Studio task by task, W3C annotation by annotation (the file's text
// is held, never its tree); the others are read whole and parsed by shared/formats. Parse errors
// throw INVALID_FILE naming the file and the line or record; warnings are collected for the caller.
import { readFileSync } from 'node:fs';
import type { ImportFormat } from '../shared/formats/detect-format';
import { parseBratStandoff } from '../shared/formats/brat-standoff';
import { parseConllBio } from '../shared/formats/conll-bio';
import { parseDoccanoLine } from '../shared/formats/doccano';
import { parseJsonlLine } from '../shared/formats/jsonl-corpus';
import type { DocumentLineResult } from '../shared/formats/jsonl-lines';
import { readLabelStudio } from '../shared/formats/label-studio';
import { parseMarkdownText } from '../shared/formats/markdown-text';
import type { FormatIssue, ParseResult } from '../shared/formats/parse-result';
import { parsePlainText } from '../shared/formats/plain-text';
import { parseSpacyJsonlLine } from '../shared/formats/spacy-jsonl';
import { documentSourceIri, parseWebAnnotation, sourceTextName, type WebAnnotationDocument } from '../shared/formats/web-annotation';
import { StoreError } from './database-errors';
import { decodeTextFile, type TextFile } from './decode-text-file';
import { describeLocation, type LocatedDocument } from './import-corpus';
import { openJsonFileBytes } from './json-file-bytes';
import { readLinesSync } from './read-lines-sync';
import type { Store } from './store/Store';

export interface CorpusInput {
  /** Path to read. For brat: the .ann file. */
  path: string;
  /** Shown in messages (the name as the user gave it). */
  name: string;
  format: Exclude<ImportFormat, 'isnad'>;
  /** brat: the .txt beside the .ann. */
  textPath?: string;
}

export interface ReadProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
}

export interface ReadCorpusOptions {
  /** Collects what the parsers warned about. */
  warnings: FormatIssue[];
  onProgress?: ((progress: ReadProgress) => void) | undefined;
  /** W3C Web Annotation names its texts by IRI: the database's documents are offered as `urn:isnad:document:ID`. */
  store?: Store | undefined;
  /** W3C: text files given with the annotations, by sourceTextName (file name without .txt/.md). */
  texts?: ReadonlyMap<string, TextFile> | undefined;
  /** W3C: receives the names of the `texts` that annotations used (they are imported with their spans). */
  usedTexts?: Set<string> | undefined;
  /** Label Studio: also import model predictions, a layer per model_version. */
  predictions?: boolean | undefined;
}

const MAX_SHOWN_ERRORS = 5;

export function describeIssue(issue: FormatIssue): string {
  return `${describeLocation({ file: issue.file ?? 'the file', line: issue.line, record: issue.record })}: ${issue.message}`;
}

function parseFailure(errors: readonly FormatIssue[]): StoreError {
  const shown = errors.slice(0, MAX_SHOWN_ERRORS).map(describeIssue).join('; ');
  const more = errors.length > MAX_SHOWN_ERRORS ? `; and ${errors.length - MAX_SHOWN_ERRORS} more` : '';
  return new StoreError('INVALID_FILE', `${shown}${more}`);
}

export function readUtf8File(filePath: string, name: string): string {
  const bytes = readFileSync(filePath);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new StoreError('INVALID_FILE', `${name}: not valid UTF-8 text; save it as UTF-8 and import it again`);
  }
}

export function* readCorpusFile(input: CorpusInput, options: ReadCorpusOptions): Generator<LocatedDocument> {
  const lineParser = LINE_PARSERS[input.format as keyof typeof LINE_PARSERS] as LineParser | undefined;
  if (lineParser !== undefined) {
    let documents = 0;
    let lastReport = 0;
    for (const line of readLinesSync(input.path, input.name)) {
      const result = lineParser(line.text, line.number, input.name);
      if (!result.ok) throw parseFailure(result.errors);
      options.warnings.push(...result.warnings);
      if (result.document !== undefined) {
        documents++;
        yield { document: result.document, file: input.name, line: line.number };
      }
      if (options.onProgress && (line.bytesRead - lastReport >= 1024 * 1024 || line.bytesRead === line.totalBytes)) {
        lastReport = line.bytesRead;
        options.onProgress({ file: input.name, bytesRead: line.bytesRead, totalBytes: line.totalBytes });
      }
    }
    if (documents === 0) throw new StoreError('INVALID_FILE', `${input.name}: the file holds no documents`);
    return;
  }
  if (input.format === 'label-studio') {
    // Tasks stream one by one into the import; an error ends the import, which rolls back what came before.
    const file = openJsonFileBytes(input.path, input.name);
    try {
      const tasks = readLabelStudio(file, { fileName: input.name, includePredictions: options.predictions });
      for (;;) {
        const next = tasks.next();
        if (next.done) {
          if (!next.value.ok) throw parseFailure(next.value.errors);
          options.warnings.push(...next.value.warnings);
          break;
        }
        yield { document: next.value.document, file: input.name, record: next.value.record };
      }
    } finally {
      file.close();
    }
    options.onProgress?.({ file: input.name, bytesRead: 1, totalBytes: 1 });
    return;
  }
  const result = parseWholeFile(input, options);
  if (!result.ok) throw parseFailure(result.errors);
  options.warnings.push(...result.warnings);
  options.onProgress?.({ file: input.name, bytesRead: 1, totalBytes: 1 });
  for (const document of result.documents) yield { document, file: input.name };
}

/**
 * Where a W3C file's sources find their texts: a database document whose IRI is the source
 * (`urn:isnad:document:ID`, or the id itself when it is an IRI), else a text file given with the
 * annotations whose name is the source's last segment (sourceTextName).
 */
function webAnnotationTexts(options: ReadCorpusOptions): (source: string) => WebAnnotationDocument | undefined {
  const byId = options.store?.db.prepare<[string], { id: string; title: string; text: string }>('SELECT id, title, text FROM documents WHERE id = ?');
  return (source) => {
    const prefix = 'urn:isnad:document:';
    let id = source;
    if (source.startsWith(prefix)) {
      try {
        id = decodeURIComponent(source.slice(prefix.length));
      } catch {
        id = '';
      }
    }
    const row = byId?.get(id);
    if (row !== undefined && documentSourceIri({ id: row.id, text: '', spans: [], relations: [] }, 0) === source) return { source, ...row };
    const name = sourceTextName(source);
    const file = options.texts?.get(name);
    if (file === undefined) return undefined;
    options.usedTexts?.add(name);
    return { source, id: name, text: decodeTextFile(file).text };
  };
}

type LineParser = (line: string, lineNumber: number, fileName: string) => DocumentLineResult;

const LINE_PARSERS = {
  jsonl: (line: string, lineNumber: number, fileName: string) => parseJsonlLine(line, lineNumber, { fileName }),
  doccano: (line: string, lineNumber: number, fileName: string) => parseDoccanoLine(line, lineNumber, { fileName }),
  spacy: (line: string, lineNumber: number, fileName: string) => parseSpacyJsonlLine(line, lineNumber, { fileName }),
} satisfies Record<string, LineParser>;

function parseWholeFile(input: CorpusInput, options: ReadCorpusOptions): ParseResult {
  const fileName = input.name;
  switch (input.format) {
    case 'text':
      return parsePlainText(readUtf8File(input.path, fileName), { fileName });
    case 'markdown':
      return parseMarkdownText(readUtf8File(input.path, fileName), { fileName });
    case 'brat': {
      if (input.textPath === undefined) return { ok: false, errors: [{ file: fileName, message: 'a brat .ann file needs its .txt beside it' }] };
      const name = fileName.replace(/\.ann$/iu, '');
      return parseBratStandoff({ name, txt: readUtf8File(input.textPath, `${name}.txt`), ann: readUtf8File(input.path, fileName) });
    }
    case 'conll':
      return parseConllBio(readUtf8File(input.path, fileName), { fileName });
    case 'webanno': {
      const file = openJsonFileBytes(input.path, fileName);
      try {
        return parseWebAnnotation(file, { fileName, findDocument: webAnnotationTexts(options) });
      } finally {
        file.close();
      }
    }
    default:
      return { ok: false, errors: [{ file: fileName, message: `unsupported format ${input.format}` }] };
  }
}
