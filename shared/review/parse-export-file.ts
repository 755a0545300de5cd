// Reads one annotator's export file (format v1) and checks what the schema cannot: each document's
// SHA-256 and canonical text, and that every span's offsets and text agree with the document.
import type { z } from 'zod';
import { ExportDocumentV1, ExportFileV1 } from '../export/export-v1';
import { canonicalizeText } from '../text/canonical-text';
import { jsonTextSlice, splitJsonArrays, wholeJsonText, withoutByteOrderMark, type JsonText } from '../formats/split-json-array';
import { checkSpanRangeUtf16 } from '../text/check-span-range';
import { OffsetMap } from '../text/offset-map';
import { surelyValidExportDocument } from './surely-valid-export-document';

export type ParsedExportFile = { readonly ok: true; readonly file: ExportFileV1 } | { readonly ok: false; readonly message: string };

/** The file without its documents, which went one by one to the visitor. */
export type StreamedExportFile = { readonly ok: true; readonly header: Omit<ExportFileV1, 'documents'> } | { readonly ok: false; readonly message: string };

export function parseExportFile(name: string, content: string, sha256Hex: (text: string) => string): ParsedExportFile {
  const documents: ExportDocumentV1[] = [];
  const read = streamExportFile(name, content, sha256Hex, (doc) => documents.push(doc));
  if (!read.ok) return read;
  return { ok: true, file: Object.assign(read.header, { documents }) as ExportFileV1 };
}

/**
 * Checks a file and hands its valid documents to `visit` one at a time, in order. Each document is
 * parsed from its own slice of the JSON and can be dropped after the visit, so a large file never
 * exists as one tree of objects (three 40 MB files parsed whole pushed a review past 500 MB).
 * When the file is refused, `visit` may have seen some of its documents: discard what it built.
 */
export function streamExportFile(
  name: string,
  content: JsonText,
  sha256Hex: (text: string) => string,
  visit: (doc: ExportDocumentV1, header: Omit<ExportFileV1, 'documents'>) => void,
): StreamedExportFile {
  const fail = (message: string): StreamedExportFile => ({ ok: false, message: `«${name}»: ${message}` });
  const json = withoutByteOrderMark(content);
  let split = splitDocuments(json);
  let data: unknown;
  try {
    data = JSON.parse(split === undefined ? wholeJsonText(json) : split.header);
  } catch {
    // The whole text's parse gives the message with the right position.
    try {
      data = JSON.parse(wholeJsonText(json));
      split = undefined;
    } catch (error) {
      return fail(notJson(error));
    }
  }
  // Format and version first: "expected 1" on a version-2 file would hide what is actually wrong.
  const header = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (header?.['format'] !== 'isnad') return fail('not an Isnad export file (it has no "format": "isnad")');
  if (header['version'] !== 1) return fail(`Isnad export version ${JSON.stringify(header['version'])} is not supported; this isnad reads version 1`);
  const parsedDocuments = header['documents'];
  // zod builds a copy of what it parses: documents are validated one at a time so that copies die young.
  const headerProblem = schemaProblem([], ExportFileV1, Array.isArray(parsedDocuments) ? { ...header, documents: [] } : header);
  if (headerProblem !== undefined || !Array.isArray(parsedDocuments)) return headerProblem === undefined ? fail('does not match the export format') : fail(headerProblem);
  // The schemas have no transforms or defaults, so the validated input is the parsed file.
  const file = header as unknown as ExportFileV1;
  const annotatorIds = new Set(file.annotators.map((a) => a.id));
  const count = split === undefined ? parsedDocuments.length : split.documents.length / 2;
  let whole: unknown[] | undefined = split === undefined ? parsedDocuments : undefined;
  // As before documents were streamed: any schema problem is reported before the first inconsistency.
  let inconsistency: string | undefined;
  for (let d = 0; d < count; d++) {
    let doc: unknown;
    if (whole !== undefined) doc = whole[d];
    else {
      try {
        doc = JSON.parse(jsonTextSlice(json, split!.documents[2 * d]!, split!.documents[2 * d + 1]!));
      } catch {
        // Not JSON after all: the whole file's parse gives the usual message (or, were the split wrong, the documents).
        try {
          whole = (JSON.parse(wholeJsonText(json)) as { documents: unknown[] }).documents;
        } catch (error) {
          return fail(notJson(error));
        }
        doc = whole[d];
      }
    }
    const problem = surelyValidExportDocument(doc) ? undefined : schemaProblem(['documents', d], ExportDocumentV1, doc);
    if (problem !== undefined) return fail(problem);
    if (inconsistency !== undefined) continue;
    inconsistency = documentProblem(doc as ExportDocumentV1, d, annotatorIds, sha256Hex);
    if (inconsistency === undefined) visit(doc as ExportDocumentV1, file);
  }
  if (inconsistency !== undefined) return fail(inconsistency);
  delete header['documents'];
  return { ok: true, header: file };
}

function notJson(error: unknown): string {
  return `not JSON (${error instanceof Error ? error.message : String(error)})`;
}

function schemaProblem(prefix: readonly PropertyKey[], schema: z.ZodType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return issue === undefined ? 'does not match the export format' : `${formatPath([...prefix, ...issue.path])}: ${issue.message}`;
}

/** ['documents', 0, 'spans', 3, 'start'] -> documents[0].spans[3].start */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

function documentProblem(doc: ExportDocumentV1, d: number, annotatorIds: ReadonlySet<string>, sha256Hex: (text: string) => string): string | undefined {
  const where = `documents[${d}]`;
  if (canonicalizeText(doc.text) !== doc.text) return `${where}.text is not canonical (BOM, \\r or not NFC), so its SHA-256 cannot match other files`;
  const actual = sha256Hex(doc.text);
  if (actual !== doc.sha256) return `${where}.sha256 is ${doc.sha256} but the SHA-256 of its text is ${actual}`;
  const offsets = new OffsetMap(doc.text);
  for (const [s, span] of doc.spans.entries()) {
    const at = `${where}.spans[${s}] (span «${span.id}»)`;
    if (!annotatorIds.has(span.annotator)) return `${at}: annotator «${span.annotator}» is not listed in "annotators"`;
    const range = checkSpanRangeUtf16(offsets, span.startUtf16, span.endUtf16);
    if (!range.ok) return `${at}: ${range.message}`;
    const startCodePoints = offsets.toCodePoint(span.startUtf16);
    const endCodePoints = offsets.toCodePoint(span.endUtf16);
    if (startCodePoints !== span.start || endCodePoints !== span.end) {
      return `${at}: code point offsets ${span.start}–${span.end} do not correspond to UTF-16 offsets ${span.startUtf16}–${span.endUtf16} (expected ${startCodePoints}–${endCodePoints})`;
    }
    const covered = offsets.sliceUtf16(span.startUtf16, span.endUtf16);
    if (covered !== span.text) return `${at}: its text «${excerpt(span.text)}» does not match the document text at ${span.start}–${span.end}, «${excerpt(covered)}»`;
  }
  const spanAnnotator = new Map(doc.spans.map((span) => [span.id, span.annotator]));
  for (const [r, relation] of (doc.relations ?? []).entries()) {
    const at = `${where}.relations[${r}] (relation «${relation.id}»)`;
    if (!annotatorIds.has(relation.annotator)) return `${at}: annotator «${relation.annotator}» is not listed in "annotators"`;
    for (const end of [relation.from, relation.to]) {
      const owner = spanAnnotator.get(end);
      if (owner === undefined) return `${at}: span «${end}» is not a span of this document`;
      if (owner !== relation.annotator) return `${at}: span «${end}» belongs to annotator «${owner}», not to the relation's «${relation.annotator}»`;
    }
  }
  return undefined;
}

function excerpt(text: string, maxLength = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}

/** The top-level "documents" array's element ranges and the text with it emptied, or undefined (then the whole text is parsed). */
function splitDocuments(json: JsonText): { header: string; documents: number[] } | undefined {
  const split = splitJsonArrays(json, [['documents']]);
  const documents = split?.ranges.get('documents');
  return split === undefined || documents === undefined ? undefined : { header: split.header, documents };
}
