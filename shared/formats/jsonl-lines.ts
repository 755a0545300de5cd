// Line handling shared by the JSONL formats (corpus, doccano, spaCy): each line is parsed on its
// own so that the command line can stream huge files line by line through the same functions.
import type { CorpusDocument } from './corpus-model';
import { finishParse, MAX_REPORTED_ERRORS, type FormatIssue, type ParseResult } from './parse-result';

/** Lines without their terminators; a final empty line after the last \n is not a line. */
export function splitLines(input: string): string[] {
  const lines = input.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export type JsonLineResult = { ok: true; value: Record<string, unknown> | undefined } | { ok: false; error: FormatIssue };

/** Parses one JSONL line into an object; blank lines give `value: undefined`. */
export function parseJsonObjectLine(line: string, lineNumber: number, file: string): JsonLineResult {
  const trimmed = line.charCodeAt(0) === 0xfeff ? line.slice(1).trim() : line.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { ok: false, error: { file, line: lineNumber, message: `not valid JSON (${(error as Error).message})` } };
  }
  if (!isPlainObject(value)) {
    return { ok: false, error: { file, line: lineNumber, message: 'each line must be one JSON object ({...})' } };
  }
  return { ok: true, value };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON id as a string: formats write ids as numbers or strings. */
export function idString(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** What a line parser of a JSONL format returns: a document, nothing (a blank line), or errors. */
export type DocumentLineResult =
  | { ok: true; document: CorpusDocument | undefined; warnings: FormatIssue[] }
  | { ok: false; errors: FormatIssue[] };

/** A whole JSONL file through a line parser: every line's errors collected (up to a limit), all or nothing. */
export function parseJsonlFile(input: string, fileName: string, parseLine: (line: string, lineNumber: number) => DocumentLineResult): ParseResult {
  const documents: CorpusDocument[] = [];
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  for (const [index, line] of splitLines(input).entries()) {
    const result = parseLine(line, index + 1);
    if (!result.ok) errors.push(...result.errors);
    else {
      warnings.push(...result.warnings);
      if (result.document) documents.push(result.document);
    }
    if (errors.length >= MAX_REPORTED_ERRORS) break;
  }
  if (errors.length === 0 && documents.length === 0) errors.push({ file: fileName, message: 'the file holds no documents' });
  return finishParse(documents, errors, warnings);
}
