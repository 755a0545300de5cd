// brat standoff (https://brat.nlplab.org/standoff.html): a .txt file and an .ann file per document.
// Offsets are character offsets, which brat (Python) counts in code points. Imported: text-bound
// annotations (T, with discontinuous `0 5;16 23` fragments), relations (R), attributes (A, and the
// older M), notes (#). Events (E), normalizations (N) and equivalences (*) are reported and skipped.
import { OffsetMap } from '../text/offset-map';
import { canonicalizationWarning, canonicalizeSource } from './canonical-source';
import type { CorpusAttributeValue, CorpusDocument, CorpusFragment, CorpusNote, CorpusRelation, CorpusSpan } from './corpus-model';
import { documentName, spanFragments } from './corpus-model';
import { splitLines } from './jsonl-lines';
import { finishParse, type FormatIssue, type ParseResult } from './parse-result';
import { locateSpan } from './span-locator';

/** One brat document: the base name shared by its .txt and .ann files, and their contents. */
export interface BratPair {
  name: string;
  txt: string;
  ann: string;
}

/** brat joins the texts of a discontinuous annotation's fragments with one space (annotation.py DISCONT_SEP). */
const DISCONTINUOUS_SEPARATOR = ' ';

const SKIPPED_KINDS: Record<string, string> = { E: 'events', N: 'normalizations', '*': 'equivalences' };

export function parseBratStandoff(pairs: BratPair | readonly BratPair[]): ParseResult {
  const documents: CorpusDocument[] = [];
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  for (const pair of Array.isArray(pairs) ? pairs : [pairs as BratPair]) {
    const result = parseOne(pair);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.document) documents.push(result.document);
  }
  return finishParse(documents, errors, warnings);
}

function parseOne(pair: BratPair): { document?: CorpusDocument; errors: FormatIssue[]; warnings: FormatIssue[] } {
  const file = `${pair.name}.ann`;
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  const source = canonicalizeSource(pair.txt);
  const change = canonicalizationWarning(source.changes);
  if (change !== undefined) warnings.push({ file: `${pair.name}.txt`, message: change });

  const spans: CorpusSpan[] = [];
  const spanById = new Map<string, CorpusSpan>();
  const pendingRelations: { relation: CorpusRelation; line: number }[] = [];
  const pendingAttributes: { target: string; name: string; value: string | true; line: number }[] = [];
  const pendingNotes: { note: CorpusNote; line: number }[] = [];
  const seenIds = new Set<string>();
  const skipped = new Map<string, { count: number; firstLine: number }>();

  splitLines(pair.ann).forEach((line, index) => {
    const lineNumber = index + 1;
    const fail = (message: string) => errors.push({ file, line: lineNumber, message });
    if (line.trim() === '') return;
    // line.split('\t') as id, data and the rest, without the arrays (one .ann line per span).
    const tab = line.indexOf('\t');
    const secondTab = tab < 0 ? -1 : line.indexOf('\t', tab + 1);
    const id = tab < 0 ? line : line.slice(0, tab);
    const data = tab < 0 ? '' : secondTab < 0 ? line.slice(tab + 1) : line.slice(tab + 1, secondTab);
    const tail = secondTab < 0 ? '' : line.slice(secondTab + 1);
    const kind = id.charAt(0);
    if (!/^([A-Za-z]|#)\d+\S*$/u.test(id) && id !== '*') return fail(`${JSON.stringify(id)} is not a brat annotation id (a letter or # followed by a number, then a tab)`);
    if (id !== '*' && seenIds.has(id)) return fail(`the id ${id} is used twice`);
    seenIds.add(id);
    if (kind in SKIPPED_KINDS) {
      const entry = skipped.get(kind) ?? { count: 0, firstLine: lineNumber };
      entry.count++;
      skipped.set(kind, entry);
      return;
    }
    const fields = data.split(' ');
    switch (kind) {
      case 'T': {
        const type = fields[0] ?? '';
        const ranges = data.slice(type.length + 1).split(';');
        if (type === '' || ranges.length === 0) return fail('a text-bound annotation needs "TYPE START END" then a tab and the text');
        const fragments: CorpusFragment[] = [];
        const rawPieces: string[] = [];
        for (const range of ranges) {
          const match = /^(\d+) (\d+)$/u.exec(range.trim());
          if (!match) return fail(`${JSON.stringify(range)} is not a "START END" offset pair (separate pairs with ";")`);
          const located = locateSpan(source, Number(match[1]), Number(match[2]), 'codePoints');
          if (!located.ok) return fail(`${id}: ${located.message}`);
          fragments.push({ startUtf16: located.startUtf16, endUtf16: located.endUtf16 });
          rawPieces.push(source.raw.slice(source.rawMap.toUtf16(Number(match[1])), source.rawMap.toUtf16(Number(match[2]))));
        }
        for (let i = 1; i < fragments.length; i++) {
          if (fragments[i]!.startUtf16 < fragments[i - 1]!.endUtf16) return fail(`${id}: fragments must be in order and must not overlap`);
        }
        const sliceText = rawPieces.join(DISCONTINUOUS_SEPARATOR);
        if (secondTab < 0) return fail(`${id}: the covered text is missing (it follows the offsets after a tab)`);
        // brat writes a line break inside a span as a space, since .ann is line-oriented (brat issue #786).
        const normalized = sliceText.replace(/\r\n?|\n/g, ' ');
        if (tail !== sliceText && tail !== normalized) {
          const hint = fragments.length === 1 ? checkUtf16Hint(source.raw, ranges[0]!, tail) : '';
          return fail(`${id}: recorded text ${JSON.stringify(tail)} does not match the text at ${ranges.join(';')} (code points): ${JSON.stringify(sliceText)}.${hint}`);
        }
        const span: CorpusSpan = { id, label: type, startUtf16: fragments[0]!.startUtf16, endUtf16: fragments[fragments.length - 1]!.endUtf16 };
        if (fragments.length > 1) span.fragments = fragments;
        spans.push(span);
        spanById.set(id, span);
        return;
      }
      case 'R': {
        const [type, arg1, arg2, extra] = fields;
        const from = /^[^:]+:(\S+)$/u.exec(arg1 ?? '')?.[1];
        const to = /^[^:]+:(\S+)$/u.exec(arg2 ?? '')?.[1];
        if (!type || !from || !to || extra !== undefined) return fail(`${id}: a relation needs "TYPE Arg1:ID Arg2:ID"`);
        pendingRelations.push({ relation: { id, type, fromSpanId: from, toSpanId: to }, line: lineNumber });
        return;
      }
      case 'A':
      case 'M': {
        const [name, target, value, extra] = fields;
        if (!name || !target || extra !== undefined) return fail(`${id}: an attribute needs "NAME TARGET" or "NAME TARGET VALUE"`);
        pendingAttributes.push({ target, name, value: value ?? true, line: lineNumber });
        return;
      }
      case '#': {
        const [type, target] = fields;
        if (!type || !target) return fail(`${id}: a note needs "TYPE TARGET", a tab, then the note`);
        pendingNotes.push({ note: { id, type, targetId: target, text: tail }, line: lineNumber });
        return;
      }
      default:
        return fail(`${id}: unknown annotation kind ${JSON.stringify(kind)} (brat has T, R, E, A, M, N, # and *)`);
    }
  });

  // References may point forward in the file, so they are resolved once every line is read.
  const relations: CorpusRelation[] = [];
  for (const { relation, line } of pendingRelations) {
    const missing = [relation.fromSpanId, relation.toSpanId].find((target) => !spanById.has(target));
    if (missing === undefined) relations.push(relation);
    else if (seenIds.has(missing)) warnings.push({ file, line, message: `${relation.id}: relation to ${missing}, which is not a text-bound annotation, was skipped` });
    else errors.push({ file, line, message: `${relation.id}: refers to ${missing}, which is not in this file` });
  }
  for (const { target, name, value, line } of pendingAttributes) {
    const span = spanById.get(target);
    if (span === undefined) {
      if (seenIds.has(target)) warnings.push({ file, line, message: `attribute ${name} on ${target}, which is not a text-bound annotation, was skipped` });
      else errors.push({ file, line, message: `attribute ${name} refers to ${target}, which is not in this file` });
      continue;
    }
    span.attributes ??= {};
    const previous: CorpusAttributeValue | undefined = span.attributes[name];
    span.attributes[name] = previous === undefined ? value : [...toList(previous), String(value)];
  }
  const notes: CorpusNote[] = [];
  for (const { note, line } of pendingNotes) {
    if (seenIds.has(note.targetId)) notes.push(note);
    else errors.push({ file, line, message: `${note.id}: note on ${note.targetId}, which is not in this file` });
  }
  for (const [kind, { count, firstLine }] of skipped) {
    warnings.push({ file, line: firstLine, message: `${count} ${SKIPPED_KINDS[kind]} (${kind} lines) were not imported: Isnad does not model them` });
  }
  const document: CorpusDocument = { id: pair.name, text: source.text, spans, relations };
  if (notes.length > 0) document.notes = notes;
  return { document, errors, warnings };
}

function toList(value: CorpusAttributeValue): string[] {
  return Array.isArray(value) ? value : [String(value)];
}

/** Says so when the offsets would have matched as UTF-16 code units (a JavaScript tool wrote them). */
function checkUtf16Hint(raw: string, range: string, recorded: string): string {
  const [start, end] = range.trim().split(' ').map(Number);
  const map = new OffsetMap(raw);
  if (start === undefined || end === undefined || !map.isBoundaryUtf16(start) || !map.isBoundaryUtf16(end)) return '';
  return raw.slice(start, end) === recorded ? ' It would match if the offsets counted UTF-16 code units: was the file written by a JavaScript tool?' : '';
}

export interface BratFile {
  /** Base name of the .txt/.ann pair. */
  name: string;
  txt: string;
  ann: string;
}

/** One .txt/.ann pair per document; offsets in code points, ids renumbered T1.., R1.., A1.., #1... */
export function serializeBratStandoff(documents: readonly CorpusDocument[]): { files: BratFile[]; warnings: FormatIssue[] } {
  const warnings: FormatIssue[] = [];
  const usedNames = new Set<string>();
  const files = documents.map((document, index) => {
    let name = safeName(documentName(document, index).replace(/\s+/g, '-'));
    while (usedNames.has(name)) name = `${name}-${index + 1}`;
    usedNames.add(name);
    const file = `${name}.ann`;
    const said = new Set<string>();
    const warn = (message: string) => {
      if (said.has(message)) return; // a label with spaces would otherwise warn once per span
      said.add(message);
      warnings.push({ file, message });
    };
    const map = new OffsetMap(document.text);
    const lines: string[] = [];
    const bratIds = new Map<string, string>();
    let attributeCount = 0;
    let annotatorsDropped = 0;
    document.spans.forEach((span, spanIndex) => {
      const id = `T${spanIndex + 1}`;
      bratIds.set(span.id, id);
      const pieces = spanFragments(span);
      const offsets = pieces.map((piece) => `${map.toCodePoint(piece.startUtf16)} ${map.toCodePoint(piece.endUtf16)}`).join(';');
      const covered = pieces.map((piece) => document.text.slice(piece.startUtf16, piece.endUtf16)).join(DISCONTINUOUS_SEPARATOR);
      lines.push(`${id}\t${typeName(span.label, warn)} ${offsets}\t${covered.replace(/\n/g, ' ')}`);
      if (span.annotator !== undefined) annotatorsDropped++;
      for (const [attribute, value] of Object.entries(span.attributes ?? {})) {
        if (value === false) continue; // brat marks a binary attribute by its presence only
        for (const item of value === true ? [undefined] : toList(value)) {
          attributeCount++;
          lines.push(`A${attributeCount}\t${typeName(attribute, warn)} ${id}${item === undefined ? '' : ` ${typeName(item, warn)}`}`);
        }
      }
    });
    document.relations.forEach((relation, relationIndex) => {
      const from = bratIds.get(relation.fromSpanId);
      const to = bratIds.get(relation.toSpanId);
      const id = `R${relationIndex + 1}`;
      bratIds.set(relation.id, id);
      if (from === undefined || to === undefined) warn(`relation ${relation.id} refers to a missing span and was not written`);
      else lines.push(`${id}\t${typeName(relation.type, warn)} Arg1:${from} Arg2:${to}`);
    });
    (document.notes ?? []).forEach((note, noteIndex) => {
      const target = bratIds.get(note.targetId);
      if (target === undefined) warn(`note ${note.id} refers to a missing annotation and was not written`);
      else lines.push(`#${noteIndex + 1}\t${typeName(note.type, warn)} ${target}\t${note.text.replace(/\s*\n\s*/g, ' ')}`);
    });
    if (annotatorsDropped > 0) warn(`brat has no annotator field: the annotator of ${annotatorsDropped} span(s) was not written`);
    return { name, txt: document.text, ann: lines.map((line) => `${line}\n`).join('') };
  });
  return { files, warnings };
}

/** brat types and attribute values may not contain spaces (the fields are space-separated). */
function typeName(name: string, warn: (message: string) => void): string {
  if (!/\s/u.test(name)) return name;
  const safe = name.replace(/\s+/g, '_');
  warn(`${JSON.stringify(name)} contains spaces, which brat cannot store; written as ${JSON.stringify(safe)}`);
  return safe;
}

function safeName(name: string): string {
  return name.replace(/[/\\:*?"<>|]/g, '_') || 'document';
}
