// spaCy/Prodigy-style JSONL: `{"text", "tokens": [{text, start, end, id, ws}], "spans": [{start,
// end, label, token_start, token_end}]}` per line. Offsets are Python string indices (code points);
// token_end is inclusive, as Prodigy writes it. Tokens come from Intl.Segmenter (word-tokens.ts).
import { OffsetMap } from '../text/offset-map';
import { canonicalizationWarning, canonicalizeSource } from './canonical-source';
import type { CorpusDocument } from './corpus-model';
import { documentName } from './corpus-model';
import { idString, isPlainObject, parseJsonObjectLine, parseJsonlFile, type DocumentLineResult } from './jsonl-lines';
import { type FormatIssue, type ParseOptions, type ParseResult, type SerializeResult } from './parse-result';
import { locateSpan } from './span-locator';
import { firstTokenEndingAfter, firstTokenStartingAtOrAfter, segmentSentences, type TextToken } from './word-tokens';


export function parseSpacyJsonlLine(line: string, lineNumber: number, options: ParseOptions): DocumentLineResult {
  const file = options.fileName;
  const parsed = parseJsonObjectLine(line, lineNumber, file);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const record = parsed.value;
  if (record === undefined) return { ok: true, document: undefined, warnings: [] };
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  const fail = (message: string) => errors.push({ file, line: lineNumber, message });
  if (typeof record.text !== 'string') return { ok: false, errors: [{ file, line: lineNumber, message: '"text" must be a string' }] };
  // Prodigy keeps rejected and ignored examples in the same file; they are not training data.
  if (record.answer === 'reject' || record.answer === 'ignore') {
    return { ok: true, document: undefined, warnings: [{ file, line: lineNumber, message: `example answered "${record.answer}" in Prodigy: skipped` }] };
  }
  const source = canonicalizeSource(record.text);
  const change = canonicalizationWarning(source.changes);
  if (change !== undefined) warnings.push({ file, line: lineNumber, message: change });
  const document: CorpusDocument = { text: source.text, spans: [], relations: [] };
  const meta = isPlainObject(record.meta) ? { ...record.meta } : undefined;
  const id = idString(meta?.id);
  if (id !== undefined) {
    document.id = id;
    delete meta!.id;
  }
  if (typeof meta?.title === 'string') {
    document.title = meta.title;
    delete meta.title;
  }
  if (meta !== undefined && Object.keys(meta).length > 0) document.meta = meta;
  const tokens = Array.isArray(record.tokens) ? record.tokens : undefined;
  const spans = record.spans ?? [];
  if (!Array.isArray(spans)) fail('"spans" must be a list');
  else spans.forEach((span, index) => {
    if (!isPlainObject(span) || typeof span.label !== 'string' || span.label === '') return fail(`spans[${index}] needs a "label"`);
    const located = locateSpan(source, span.start, span.end, 'codePoints', typeof span.text === 'string' ? { recordedText: span.text } : {});
    if (!located.ok) return fail(`spans[${index}]: ${located.message}`);
    if (tokens && typeof span.token_start === 'number' && typeof span.token_end === 'number') {
      const first = tokens[span.token_start];
      const last = tokens[span.token_end];
      if (!isPlainObject(first) || !isPlainObject(last) || first.start !== span.start || last.end !== span.end) {
        warnings.push({ file, line: lineNumber, message: `spans[${index}]: token_start/token_end (${span.token_start}–${span.token_end}, inclusive) do not cover characters ${String(span.start)}–${String(span.end)}; the character offsets were used` });
      }
    }
    document.spans.push({ id: idString(span.id) ?? `s${index + 1}`, label: span.label, startUtf16: located.startUtf16, endUtf16: located.endUtf16 });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, document, warnings };
}

export function parseSpacyJsonl(input: string, options: ParseOptions): ParseResult {
  return parseJsonlFile(input, options.fileName, (line, lineNumber) => parseSpacyJsonlLine(line, lineNumber, options));
}

export interface SpacySerializeOptions {
  locale?: string;
}

/** Spans that start or end inside a token get the tokens they touch (spaCy's alignment_mode "expand"). */
export function serializeSpacyJsonl(documents: readonly CorpusDocument[], options: SpacySerializeOptions = {}): SerializeResult {
  const warnings: FormatIssue[] = [];
  const lines = documents.map((document, index) => {
    const name = documentName(document, index);
    const map = new OffsetMap(document.text);
    const tokens: TextToken[] = segmentSentences(document.text, options.locale).flat();
    const spans = document.spans.map((span) => {
      if (span.fragments !== undefined) warnings.push({ file: name, message: `span ${span.id} is discontinuous: written from its first to its last character` });
      const first = firstTokenEndingAfter(tokens, span.startUtf16);
      const last = firstTokenStartingAtOrAfter(tokens, span.endUtf16) - 1;
      const covered = first <= last;
      if (covered && (tokens[first]!.startUtf16 !== span.startUtf16 || tokens[last]!.endUtf16 !== span.endUtf16)) {
        warnings.push({ file: name, message: `span ${span.id} (${span.label}) does not start and end on token boundaries: token_start/token_end cover the tokens it touches` });
      }
      const out: Record<string, unknown> = { start: map.toCodePoint(span.startUtf16), end: map.toCodePoint(span.endUtf16), label: span.label };
      if (covered) {
        out.token_start = first;
        out.token_end = last;
      }
      return out;
    });
    const record: Record<string, unknown> = {
      text: document.text,
      tokens: tokens.map((token, tokenIndex) => ({
        text: document.text.slice(token.startUtf16, token.endUtf16),
        start: map.toCodePoint(token.startUtf16),
        end: map.toCodePoint(token.endUtf16),
        id: tokenIndex,
        ws: /^\s/u.test(document.text.slice(token.endUtf16, token.endUtf16 + 1)),
      })),
      spans,
    };
    const meta: Record<string, unknown> = { ...(document.meta ?? {}) };
    if (document.id !== undefined) meta.id = document.id;
    if (document.title !== undefined) meta.title = document.title;
    if (Object.keys(meta).length > 0) record.meta = meta;
    const lost = document.relations.length + document.spans.filter((span) => span.attributes !== undefined || span.annotator !== undefined).length;
    if (lost > 0) warnings.push({ file: name, message: 'relations, attributes and annotators are not part of this format and were not written' });
    return JSON.stringify(record);
  });
  return { content: lines.map((line) => `${line}\n`).join(''), warnings };
}
