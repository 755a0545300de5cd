// doccano sequence-labeling JSONL: `{"text": ..., "label": [[start, end, "LABEL"], ...]}` per line
// (doccano's import example; `labels` is read too), or the relation-project shape with `entities`
// ({id, label, start_offset, end_offset}) and `relations` ({from_id, to_id, type}). Other keys are
// kept as meta. doccano measures offsets in the browser with JavaScript string length, i.e. UTF-16
// code units (doccano PR #99, closed unmerged); offsetUnit 'codePoints' reads Python-made files.
import { OffsetMap } from '../text/offset-map';
import { canonicalizationWarning, canonicalizeSource } from './canonical-source';
import type { CorpusDocument, CorpusRelation, CorpusSpan, OffsetUnit } from './corpus-model';
import { documentName } from './corpus-model';
import { idString, isPlainObject, parseJsonObjectLine, parseJsonlFile, type DocumentLineResult } from './jsonl-lines';
import { type FormatIssue, type ParseResult, type SerializeResult } from './parse-result';
import { fromUtf16, locateSpan } from './span-locator';

export interface DoccanoOptions {
  fileName: string;
  /** Default 'utf16' (doccano's browser counting). */
  offsetUnit?: OffsetUnit;
}


export function parseDoccanoLine(line: string, lineNumber: number, options: DoccanoOptions): DocumentLineResult {
  const file = options.fileName;
  const unit = options.offsetUnit ?? 'utf16';
  const parsed = parseJsonObjectLine(line, lineNumber, file);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const record = parsed.value;
  if (record === undefined) return { ok: true, document: undefined, warnings: [] };
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  const fail = (message: string) => errors.push({ file, line: lineNumber, message });
  const { text, label, labels, entities, relations, id, meta, ...others } = record;
  if (typeof text !== 'string') return { ok: false, errors: [{ file, line: lineNumber, message: '"text" must be a string' }] };
  const source = canonicalizeSource(text);
  const change = canonicalizationWarning(source.changes);
  if (change !== undefined) warnings.push({ file, line: lineNumber, message: change });
  const document: CorpusDocument = { text: source.text, spans: [], relations: [] };
  const documentId = idString(id);
  if (documentId !== undefined) document.id = documentId;
  const metaOut = { ...(isPlainObject(meta) ? meta : {}), ...others };
  if (Object.keys(metaOut).length > 0) document.meta = metaOut;

  const triples = label ?? labels;
  if (triples !== undefined) {
    if (!Array.isArray(triples)) fail('"label" must be a list of [start, end, "LABEL"]');
    else triples.forEach((triple, index) => {
      // A text-classification file has plain string labels: not spans.
      if (!Array.isArray(triple) || triple.length !== 3 || typeof triple[2] !== 'string' || triple[2] === '') {
        return fail(`label[${index}] must be [start, end, "LABEL"] (is this a text-classification file?)`);
      }
      const located = locateSpan(source, triple[0], triple[1], unit);
      if (!located.ok) return fail(`label[${index}]: ${located.message}`);
      document.spans.push({ id: `s${index + 1}`, label: triple[2], startUtf16: located.startUtf16, endUtf16: located.endUtf16 });
    });
  }
  if (entities !== undefined) {
    if (!Array.isArray(entities)) fail('"entities" must be a list');
    else entities.forEach((entity, index) => {
      if (!isPlainObject(entity) || typeof entity.label !== 'string' || entity.label === '') return fail(`entities[${index}] needs a "label"`);
      const located = locateSpan(source, entity.start_offset, entity.end_offset, unit);
      if (!located.ok) return fail(`entities[${index}]: ${located.message}`);
      document.spans.push({ id: idString(entity.id) ?? `e${index + 1}`, label: entity.label, startUtf16: located.startUtf16, endUtf16: located.endUtf16 });
    });
  }
  if (relations !== undefined) {
    const ids = new Set(document.spans.map((span) => span.id));
    if (!Array.isArray(relations)) fail('"relations" must be a list');
    else relations.forEach((relation, index) => {
      const from = isPlainObject(relation) ? idString(relation.from_id) : undefined;
      const to = isPlainObject(relation) ? idString(relation.to_id) : undefined;
      const type = isPlainObject(relation) ? relation.type : undefined;
      if (from === undefined || to === undefined || typeof type !== 'string') return fail(`relations[${index}] needs "from_id", "to_id" and "type"`);
      if (!ids.has(from) || !ids.has(to)) return fail(`relations[${index}] refers to an entity id that is not on this line (${from} → ${to})`);
      const out: CorpusRelation = { id: idString((relation as Record<string, unknown>).id) ?? `r${index + 1}`, type, fromSpanId: from, toSpanId: to };
      document.relations.push(out);
    });
  }
  if (new Set(document.spans.map((span) => span.id)).size !== document.spans.length) fail('entity ids repeat on this line');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, document, warnings };
}

export function parseDoccano(input: string, options: DoccanoOptions): ParseResult {
  return parseJsonlFile(input, options.fileName, (line, lineNumber) => parseDoccanoLine(line, lineNumber, options));
}

export interface DoccanoSerializeOptions {
  offsetUnit?: OffsetUnit;
  /** 'label' (default): [start, end, label] triples; 'entities': the relation-project shape, with relations. */
  shape?: 'label' | 'entities';
}

export function serializeDoccano(documents: readonly CorpusDocument[], options: DoccanoSerializeOptions = {}): SerializeResult {
  const unit = options.offsetUnit ?? 'utf16';
  const warnings: FormatIssue[] = [];
  const lines = documents.map((document, index) => {
    const name = documentName(document, index);
    const map = new OffsetMap(document.text);
    const record: Record<string, unknown> = {};
    if (document.id !== undefined) record.id = document.id;
    record.text = document.text;
    const lossy = document.spans.filter((span: CorpusSpan) => span.fragments !== undefined || span.attributes !== undefined || span.annotator !== undefined).length;
    if (lossy > 0) warnings.push({ file: name, message: `${lossy} span(s) had fragments, attributes or an annotator, which doccano JSONL cannot hold: written as plain spans` });
    if (options.shape === 'entities') {
      record.entities = document.spans.map((span) => {
        const [start, end] = fromUtf16(map, span.startUtf16, span.endUtf16, unit);
        return { id: span.id, label: span.label, start_offset: start, end_offset: end };
      });
      record.relations = document.relations.map((relation) => ({ id: relation.id, from_id: relation.fromSpanId, to_id: relation.toSpanId, type: relation.type }));
    } else {
      record.label = document.spans.map((span) => [...fromUtf16(map, span.startUtf16, span.endUtf16, unit), span.label]);
      if (document.relations.length > 0) warnings.push({ file: name, message: `${document.relations.length} relation(s) were not written: the "label" shape has none (use shape "entities")` });
    }
    if (document.meta !== undefined) record.meta = document.meta;
    return JSON.stringify(record);
  });
  return { content: lines.map((line) => `${line}\n`).join(''), warnings };
}
