// What every importer returns: documents plus warnings, or every error found. Bad input is an
// expected outcome, so nothing here throws; each issue names the file and the line or record.
import type { CorpusDocument } from './corpus-model';

export interface FormatIssue {
  file?: string;
  /** 1-based line in the file, for line-oriented formats (JSONL, brat .ann, CoNLL). */
  line?: number;
  /** 1-based record (task, annotation) for formats that are one JSON value. */
  record?: number;
  message: string;
}

export type ParseResult =
  | { ok: true; documents: CorpusDocument[]; warnings: FormatIssue[] }
  | { ok: false; errors: FormatIssue[] };

export interface SerializeResult {
  content: string;
  /** What the target format could not carry (dropped relations, attributes, overlaps...). */
  warnings: FormatIssue[];
}

export interface ParseOptions {
  /** Named in every error and warning. */
  fileName: string;
}

/** Stop collecting after this many errors: a wrong file would otherwise produce one per line. */
export const MAX_REPORTED_ERRORS = 100;

/** Builds the result from collected issues: any error fails the whole import (nothing half-imported). */
export function finishParse(documents: CorpusDocument[], errors: FormatIssue[], warnings: FormatIssue[]): ParseResult {
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
  return { ok: true, documents, warnings };
}

/** Shortens quoted text in messages so that one bad record does not print a whole article. */
export function quote(text: string, maxLength = 40): string {
  const short = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  return JSON.stringify(short);
}
