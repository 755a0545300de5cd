// Reads one annotator's export file (format v1) and checks what the schema cannot: each document's
// SHA-256 and canonical text, and that every span's offsets and text agree with the document.
import type { z } from 'zod';
import { ExportDocumentV1, ExportFileV1 } from '../export/export-v1';
import { canonicalizeText } from '../text/canonical-text';
import { checkSpanRangeUtf16 } from '../text/check-span-range';
import { OffsetMap } from '../text/offset-map';

export type ParsedExportFile = { readonly ok: true; readonly file: ExportFileV1 } | { readonly ok: false; readonly message: string };

export function parseExportFile(name: string, content: string, sha256Hex: (text: string) => string): ParsedExportFile {
  const fail = (message: string): ParsedExportFile => ({ ok: false, message: `«${name}»: ${message}` });
  let data: unknown;
  try {
    data = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch (error) {
    return fail(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  // Format and version first: "expected 1" on a version-2 file would hide what is actually wrong.
  const header = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (header?.['format'] !== 'isnad') return fail('not an Isnad export file (it has no "format": "isnad")');
  if (header['version'] !== 1) return fail(`Isnad export version ${JSON.stringify(header['version'])} is not supported; this isnad reads version 1`);
  const invalid = schemaProblem(header);
  if (invalid !== undefined) return fail(invalid);
  // The schemas have no transforms or defaults, so the validated input is the parsed file.
  const file = header as unknown as ExportFileV1;
  const problem = checkConsistency(file, sha256Hex);
  return problem === undefined ? { ok: true, file } : fail(problem);
}

/**
 * Validates with the export schemas a document at a time: zod builds a copy of what it parses, and
 * copies of single documents die young, where a copy of a whole 30 MB file would double the peak memory.
 */
function schemaProblem(header: Record<string, unknown>): string | undefined {
  const documents = header['documents'];
  const parts: [readonly PropertyKey[], z.ZodType, unknown][] = [[[], ExportFileV1, Array.isArray(documents) ? { ...header, documents: [] } : header]];
  const problemOf = ([prefix, schema, value]: (typeof parts)[number]): string | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return undefined;
    const issue = parsed.error.issues[0];
    return issue === undefined ? 'does not match the export format' : `${formatPath([...prefix, ...issue.path])}: ${issue.message}`;
  };
  const headerProblem = problemOf(parts[0]!);
  if (headerProblem !== undefined || !Array.isArray(documents)) return headerProblem;
  for (const [i, doc] of documents.entries()) {
    const problem = problemOf([['documents', i], ExportDocumentV1, doc]);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** ['documents', 0, 'spans', 3, 'start'] -> documents[0].spans[3].start */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

function checkConsistency(file: ExportFileV1, sha256Hex: (text: string) => string): string | undefined {
  const annotatorIds = new Set(file.annotators.map((a) => a.id));
  for (const [d, doc] of file.documents.entries()) {
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
  }
  return undefined;
}

function excerpt(text: string, maxLength = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}
