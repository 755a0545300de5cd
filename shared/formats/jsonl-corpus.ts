// Isnad's JSONL corpus: one document per line, `text` plus optional `id`, `title`, `meta`, and
// (when exported by Isnad) `spans` and `relations`. Span offsets carry both units, like export v1:
// `start`/`end` in code points and `startUtf16`/`endUtf16` in UTF-16 code units, plus the covered text.
import { OffsetMap } from '../text/offset-map';
import { canonicalizationWarning, canonicalizeSource, type CanonicalSource } from './canonical-source';
import type { CorpusAttributeValue, CorpusDocument, CorpusFragment, CorpusNote, CorpusRelation, CorpusSpan } from './corpus-model';
import { spanFragments } from './corpus-model';
import { idString, isPlainObject, parseJsonObjectLine, parseJsonlFile, type DocumentLineResult } from './jsonl-lines';
import { type FormatIssue, type ParseOptions, type ParseResult, type SerializeResult } from './parse-result';
import { locateSpan } from './span-locator';

/** One line of a JSONL corpus (1-based lineNumber); blank lines give no document. */
export function parseJsonlLine(line: string, lineNumber: number, options: ParseOptions): DocumentLineResult {
  const file = options.fileName;
  const parsed = parseJsonObjectLine(line, lineNumber, file);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const record = parsed.value;
  if (record === undefined) return { ok: true, document: undefined, warnings: [] };
  const at = (message: string): FormatIssue => ({ file, line: lineNumber, message });
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  if (typeof record.text !== 'string') return { ok: false, errors: [at('"text" must be a string')] };
  if (record.title !== undefined && typeof record.title !== 'string') errors.push(at('"title" must be a string'));
  if (record.id !== undefined && idString(record.id) === undefined) errors.push(at('"id" must be a non-empty string or a number'));
  if (record.meta !== undefined && !isPlainObject(record.meta)) errors.push(at('"meta" must be an object'));
  const source = canonicalizeSource(record.text);
  const change = canonicalizationWarning(source.changes);
  if (change !== undefined) warnings.push(at(change));

  const spans: CorpusSpan[] = [];
  const rawSpans = record.spans ?? [];
  if (!Array.isArray(rawSpans)) errors.push(at('"spans" must be an array'));
  else rawSpans.forEach((rawSpan, index) => {
    const span = readSpan(rawSpan, index, source);
    if (typeof span === 'string') errors.push(at(`spans[${index}]: ${span}`));
    else spans.push(span);
  });
  const relations: CorpusRelation[] = [];
  const spanIds = new Set(spans.map((span) => span.id));
  if (spanIds.size !== spans.length) errors.push(at('span ids must be unique within a document'));
  const rawRelations = record.relations ?? [];
  if (!Array.isArray(rawRelations)) errors.push(at('"relations" must be an array'));
  else rawRelations.forEach((raw, index) => {
    const relation = isPlainObject(raw) ? raw : {};
    const type = relation.type;
    const from = idString(relation.from);
    const to = idString(relation.to);
    if (typeof type !== 'string' || type === '' || from === undefined || to === undefined) {
      errors.push(at(`relations[${index}]: needs "type", "from" and "to"`));
    } else if (!spanIds.has(from) || !spanIds.has(to)) {
      errors.push(at(`relations[${index}]: refers to a span id that is not in this document (${from} → ${to})`));
    } else {
      relations.push({ id: idString(relation.id) ?? `R${index + 1}`, type, fromSpanId: from, toSpanId: to });
    }
  });
  const notes: CorpusNote[] = [];
  if (record.notes !== undefined) {
    if (!Array.isArray(record.notes)) errors.push(at('"notes" must be an array'));
    else record.notes.forEach((raw, index) => {
      const note = isPlainObject(raw) ? raw : {};
      if (typeof note.targetId !== 'string' || typeof note.text !== 'string') errors.push(at(`notes[${index}]: needs "targetId" and "text"`));
      else notes.push({ id: idString(note.id) ?? `#${index + 1}`, targetId: note.targetId, type: typeof note.type === 'string' ? note.type : 'AnnotatorNotes', text: note.text });
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const document: CorpusDocument = { text: source.text, spans, relations };
  if (notes.length > 0) document.notes = notes;
  const id = idString(record.id);
  if (id !== undefined) document.id = id;
  if (typeof record.title === 'string') document.title = record.title;
  if (isPlainObject(record.meta)) document.meta = record.meta;
  return { ok: true, document, warnings };
}

function readSpan(raw: unknown, index: number, source: CanonicalSource): CorpusSpan | string {
  if (!isPlainObject(raw)) return 'must be an object';
  if (typeof raw.label !== 'string' || raw.label === '') return '"label" must be a non-empty string';
  const recordedText = typeof raw.text === 'string' && raw.fragments === undefined ? raw.text : undefined;
  const located = locateBothUnits(raw, source, recordedText);
  if (typeof located === 'string') return located;
  const span: CorpusSpan = { id: idString(raw.id) ?? `s${index + 1}`, label: raw.label, ...located };
  if (raw.fragments !== undefined) {
    if (!Array.isArray(raw.fragments) || raw.fragments.length < 2) return '"fragments" must list at least two pieces';
    const fragments: CorpusFragment[] = [];
    for (const [i, fragment] of raw.fragments.entries()) {
      const piece = isPlainObject(fragment) ? locateBothUnits(fragment, source, undefined) : 'must be an object';
      if (typeof piece === 'string') return `fragments[${i}]: ${piece}`;
      fragments.push(piece);
    }
    span.fragments = fragments;
    span.startUtf16 = fragments[0]!.startUtf16;
    span.endUtf16 = fragments[fragments.length - 1]!.endUtf16;
  }
  if (raw.annotator !== undefined) {
    if (typeof raw.annotator !== 'string') return '"annotator" must be a string';
    span.annotator = raw.annotator;
  }
  if (raw.attributes !== undefined) {
    if (!isPlainObject(raw.attributes)) return '"attributes" must be an object';
    const attributes: Record<string, CorpusAttributeValue> = {};
    for (const [name, value] of Object.entries(raw.attributes)) {
      const valid = typeof value === 'string' || typeof value === 'boolean' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
      if (!valid) return `attribute ${JSON.stringify(name)} must be a string, a list of strings or a boolean`;
      attributes[name] = value as CorpusAttributeValue;
    }
    span.attributes = attributes;
  }
  return span;
}

/** Code points (`start`/`end`) and UTF-16 (`startUtf16`/`endUtf16`): either pair, and they must agree. */
function locateBothUnits(raw: Record<string, unknown>, source: CanonicalSource, recordedText: string | undefined): CorpusFragment | string {
  const hasCodePoints = raw.start !== undefined || raw.end !== undefined;
  const hasUtf16 = raw.startUtf16 !== undefined || raw.endUtf16 !== undefined;
  if (!hasCodePoints && !hasUtf16) return 'needs "start"/"end" (code points) or "startUtf16"/"endUtf16"';
  const options = recordedText === undefined ? {} : { recordedText };
  const byCodePoints = hasCodePoints ? locateSpan(source, raw.start, raw.end, 'codePoints', options) : undefined;
  const byUtf16 = hasUtf16 ? locateSpan(source, raw.startUtf16, raw.endUtf16, 'utf16', options) : undefined;
  if (byCodePoints && !byCodePoints.ok) return `start/end: ${byCodePoints.message}`;
  if (byUtf16 && !byUtf16.ok) return `startUtf16/endUtf16: ${byUtf16.message}`;
  const located = byCodePoints?.ok ? byCodePoints : byUtf16?.ok ? byUtf16 : undefined;
  if (located === undefined) return 'needs "start"/"end" or "startUtf16"/"endUtf16"';
  if (byCodePoints?.ok && byUtf16?.ok && (byCodePoints.startUtf16 !== byUtf16.startUtf16 || byCodePoints.endUtf16 !== byUtf16.endUtf16)) {
    return `start/end (code points ${String(raw.start)}–${String(raw.end)}) and startUtf16/endUtf16 (${String(raw.startUtf16)}–${String(raw.endUtf16)}) point at different text`;
  }
  return { startUtf16: located.startUtf16, endUtf16: located.endUtf16 };
}

/** A whole JSONL corpus; every error of every line is collected (up to a limit). */
export function parseJsonlCorpus(input: string, options: ParseOptions): ParseResult {
  return parseJsonlFile(input, options.fileName, (line, lineNumber) => parseJsonlLine(line, lineNumber, options));
}

/** One line per document, spans in both units with their covered text. */
export function serializeJsonlCorpus(documents: readonly CorpusDocument[]): SerializeResult {
  const lines = documents.map((document) => {
    const map = new OffsetCounter(document.text);
    const record: Record<string, unknown> = {};
    if (document.id !== undefined) record.id = document.id;
    if (document.title !== undefined) record.title = document.title;
    record.text = document.text;
    if (document.meta !== undefined) record.meta = document.meta;
    record.spans = document.spans.map((span) => {
      const out: Record<string, unknown> = { id: span.id, label: span.label, ...map.range(span.startUtf16, span.endUtf16) };
      out.text = spanFragments(span).map((piece) => document.text.slice(piece.startUtf16, piece.endUtf16)).join(' ');
      if (span.fragments) out.fragments = span.fragments.map((piece) => map.range(piece.startUtf16, piece.endUtf16));
      if (span.annotator !== undefined) out.annotator = span.annotator;
      if (span.attributes !== undefined) out.attributes = span.attributes;
      return out;
    });
    record.relations = document.relations.map((relation) => ({ id: relation.id, type: relation.type, from: relation.fromSpanId, to: relation.toSpanId }));
    if (document.notes !== undefined) record.notes = document.notes;
    return JSON.stringify(record);
  });
  return { content: lines.map((line) => `${line}\n`).join(''), warnings: [] };
}

/** Both units of a canonical range, the shape export v1 uses. */
class OffsetCounter {
  private readonly map: OffsetMap;
  constructor(text: string) {
    this.map = new OffsetMap(text);
  }
  range(startUtf16: number, endUtf16: number) {
    return { start: this.map.toCodePoint(startUtf16), end: this.map.toCodePoint(endUtf16), startUtf16, endUtf16 };
  }
}
