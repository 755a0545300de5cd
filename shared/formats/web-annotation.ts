// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), JSON-LD. Each span is
// an Annotation whose target carries a TextPositionSelector (§4.2.5, code points, as §4.2.4 requires)
// and a TextQuoteSelector (§4.2.4: exact, prefix, suffix); its label is a TextualBody with purpose
// "tagging". Relations are "linking" Annotations whose two targets are the span annotations, in order.
// Annotations do not carry the document text, so import takes the texts alongside.
import { OffsetMap } from '../text/offset-map';
import { canonicalizationWarning, canonicalizeSource, type CanonicalSource } from './canonical-source';
import type { CorpusDocument, CorpusFragment, CorpusRelation, CorpusSpan } from './corpus-model';
import { documentName, spanFragments } from './corpus-model';
import { idString, isPlainObject } from './jsonl-lines';
import { finishParse, quote, type FormatIssue, type ParseResult, type SerializeResult } from './parse-result';
import { locateSpan } from './span-locator';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Hypothesis records 32 characters of context on each side; so do we (code points). */
const CONTEXT_CODE_POINTS = 32;

/** The IRI an exported document is the `source` of: its id when that is already an IRI. */
export function documentSourceIri(document: CorpusDocument, index: number): string {
  const id = documentName(document, index);
  return /^[a-z][a-z0-9+.-]*:/iu.test(id) ? id : `urn:isnad:document:${encodeURIComponent(id)}`;
}

export interface WebAnnotationSerializeOptions {
  /** Source IRI per document; default documentSourceIri. */
  sourceOf?: (document: CorpusDocument, index: number) => string;
}

/** An AnnotationCollection (§5.1) whose first AnnotationPage (§5.2) holds every annotation. */
export function serializeWebAnnotation(documents: readonly CorpusDocument[], options: WebAnnotationSerializeOptions = {}): SerializeResult {
  const warnings: FormatIssue[] = [];
  const items: Record<string, unknown>[] = [];
  documents.forEach((document, index) => {
    const source = (options.sourceOf ?? documentSourceIri)(document, index);
    const map = new OffsetMap(document.text);
    const spanIri = (spanId: string) => `${source}#span-${encodeURIComponent(spanId)}`;
    let attributesDropped = 0;
    for (const span of document.spans) {
      const targets = spanFragments(span).map((piece) => ({ source, selector: selectorsFor(document.text, map, piece) }));
      const annotation: Record<string, unknown> = {
        id: spanIri(span.id),
        type: 'Annotation',
        motivation: 'tagging',
        body: { type: 'TextualBody', purpose: 'tagging', value: span.label },
        target: targets.length === 1 ? targets[0] : targets,
      };
      if (span.annotator !== undefined) annotation.creator = { type: 'Person', name: span.annotator };
      if (span.attributes !== undefined) attributesDropped++;
      items.push(annotation);
    }
    for (const relation of document.relations) {
      items.push({
        id: `${source}#relation-${encodeURIComponent(relation.id)}`,
        type: 'Annotation',
        motivation: 'linking',
        body: { type: 'TextualBody', purpose: 'tagging', value: relation.type },
        target: [spanIri(relation.fromSpanId), spanIri(relation.toSpanId)],
      });
    }
    if (attributesDropped > 0) warnings.push({ file: documentName(document, index), message: `attributes of ${attributesDropped} span(s) were not written: Web Annotation has no place for them here` });
  });
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return { content: `${JSON.stringify(collection, null, 2)}\n`, warnings };
}

function selectorsFor(text: string, map: OffsetMap, piece: CorpusFragment) {
  const start = map.toCodePoint(piece.startUtf16);
  const end = map.toCodePoint(piece.endUtf16);
  const prefixStart = map.toUtf16(Math.max(0, start - CONTEXT_CODE_POINTS));
  const suffixEnd = map.toUtf16(Math.min(map.lengthCodePoints, end + CONTEXT_CODE_POINTS));
  return [
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector',
      exact: text.slice(piece.startUtf16, piece.endUtf16),
      prefix: text.slice(prefixStart, piece.startUtf16),
      suffix: text.slice(piece.endUtf16, suffixEnd),
    },
  ];
}

export interface WebAnnotationDocument {
  /** The IRI annotations name as their target's `source`. */
  source: string;
  text: string;
  id?: string;
  title?: string;
}

export interface WebAnnotationParseOptions {
  fileName: string;
  /** The annotated texts; an annotation whose source is not among them is an error. */
  documents: readonly WebAnnotationDocument[];
}

/** A supplied document while its annotations are read: span annotation IRIs resolve relations. */
interface SourceEntry {
  source: CanonicalSource;
  document: CorpusDocument;
  spanByIri: Map<string, CorpusSpan>;
}

interface Target {
  source: string;
  selectors: Record<string, unknown>[];
}

/** Accepts one Annotation, an array of them, an AnnotationPage or an AnnotationCollection. */
export function parseWebAnnotation(input: string, options: WebAnnotationParseOptions): ParseResult {
  const file = options.fileName;
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch (error) {
    return { ok: false, errors: [{ file, message: `not valid JSON (${(error as Error).message})` }] };
  }
  const annotations = annotationList(json);
  // Memory: a large file's text (two bytes a character once it holds Arabic) and its parsed tree
  // would both live to the end; the text is not needed past here, each annotation past its turn.
  input = '';
  json = undefined;
  if (annotations === undefined) return { ok: false, errors: [{ file, message: 'expected an Annotation, a list of them, an AnnotationPage or an AnnotationCollection' }] };
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  const bySource = new Map<string, SourceEntry>();
  for (const supplied of options.documents) {
    const source = canonicalizeSource(supplied.text);
    const change = canonicalizationWarning(source.changes);
    if (change !== undefined) warnings.push({ file: supplied.source, message: change });
    const document: CorpusDocument = { text: source.text, spans: [], relations: [] };
    if (supplied.id !== undefined) document.id = supplied.id;
    if (supplied.title !== undefined) document.title = supplied.title;
    bySource.set(supplied.source, { source, document, spanByIri: new Map() });
  }
  const links: { record: number; iri: string; type: string; targets: unknown[] }[] = [];

  annotations.forEach((annotation, index) => {
    annotations[index] = undefined;
    const record = index + 1;
    const fail = (message: string) => errors.push({ file, record, message: `annotation ${record}${isPlainObject(annotation) && annotation.id ? ` (${String(annotation.id)})` : ''}: ${message}` });
    if (!isPlainObject(annotation)) return fail('must be an object');
    const types = Array.isArray(annotation.type) ? annotation.type : [annotation.type];
    if (!types.includes('Annotation')) return fail('its "type" must include "Annotation" (§3.1)');
    const label = bodyLabel(annotation.body);
    if (label === undefined) return fail('needs a TextualBody with a non-empty "value" (the label)');
    const rawTargets = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
    if (annotation.motivation === 'linking') {
      links.push({ record, iri: idString(annotation.id) ?? `relation-${record}`, type: label, targets: rawTargets });
      return;
    }
    const targets: Target[] = [];
    for (const target of rawTargets) {
      if (!isPlainObject(target) || typeof target.source !== 'string') return fail('each target needs a "source" and selectors (§4.1)');
      const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]).filter(isPlainObject);
      targets.push({ source: target.source, selectors });
    }
    const sourceIri = targets[0]?.source;
    if (sourceIri === undefined) return fail('has no target (§3.1: at least one is required)');
    if (targets.some((target) => target.source !== sourceIri)) return fail('targets different documents; Isnad spans stay within one document');
    const entry = bySource.get(sourceIri);
    if (entry === undefined) return fail(`targets ${quote(sourceIri, 80)}, which is not among the supplied documents`);
    const fragments: CorpusFragment[] = [];
    for (const target of targets) {
      const located = locateTarget(entry.source, target.selectors);
      if (typeof located === 'string') return fail(located);
      fragments.push(located.fragment);
      if (located.warning) warnings.push({ file, record, message: `annotation ${record}: ${located.warning}` });
    }
    fragments.sort((a, b) => a.startUtf16 - b.startUtf16);
    const span: CorpusSpan = { id: spanIdFrom(idString(annotation.id), entry.document.spans.length), label, startUtf16: fragments[0]!.startUtf16, endUtf16: fragments[fragments.length - 1]!.endUtf16 };
    if (fragments.length > 1) span.fragments = fragments;
    const creator = annotation.creator;
    if (isPlainObject(creator) && typeof (creator.name ?? creator.nickname) === 'string') span.annotator = String(creator.name ?? creator.nickname);
    else if (typeof creator === 'string') span.annotator = creator;
    entry.document.spans.push(span);
    if (typeof annotation.id === 'string') entry.spanByIri.set(annotation.id, span);
  });

  const ownerOfIri = new Map<string, SourceEntry>();
  for (const entry of bySource.values()) for (const iri of entry.spanByIri.keys()) ownerOfIri.set(iri, entry);
  for (const link of links) {
    const iris = link.targets.map((target) => (typeof target === 'string' ? target : isPlainObject(target) ? idString(target.id) : undefined));
    const owner = iris[0] === undefined ? undefined : ownerOfIri.get(iris[0]);
    if (owner !== undefined && !iris.every((iri) => iri !== undefined && owner.spanByIri.has(iri))) {
      errors.push({ file, record: link.record, message: `annotation ${link.record}: a linking annotation must link spans of one document` });
      continue;
    }
    if (iris.length !== 2 || owner === undefined) {
      errors.push({ file, record: link.record, message: `annotation ${link.record}: a linking annotation needs exactly two targets, both span annotations of the same document` });
      continue;
    }
    const relation: CorpusRelation = {
      id: spanIdFrom(link.iri, owner.document.relations.length, 'relation'),
      type: link.type,
      fromSpanId: owner.spanByIri.get(iris[0]!)!.id,
      toSpanId: owner.spanByIri.get(iris[1]!)!.id,
    };
    owner.document.relations.push(relation);
  }
  return finishParse([...bySource.values()].map((entry) => entry.document), errors, warnings);
}

function annotationList(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (!isPlainObject(json)) return undefined;
  const types = Array.isArray(json.type) ? json.type : [json.type];
  if (types.includes('AnnotationCollection')) {
    const first = json.first;
    if (isPlainObject(first) && Array.isArray(first.items)) return first.items;
    return Array.isArray(json.items) ? json.items : [];
  }
  if (types.includes('AnnotationPage')) return Array.isArray(json.items) ? json.items : undefined;
  if (types.includes('Annotation')) return [json];
  return undefined;
}

function bodyLabel(body: unknown): string | undefined {
  const bodies = Array.isArray(body) ? body : [body];
  const textual = bodies.filter(isPlainObject).filter((item) => typeof item.value === 'string' && item.value !== '');
  const tagging = textual.find((item) => item.purpose === 'tagging') ?? textual[0];
  return tagging === undefined ? undefined : String(tagging.value);
}

/** Our own exported ids end in #span-<id>: keep <id> so a round trip keeps span ids. */
function spanIdFrom(iri: string | undefined, index: number, kind = 'span'): string {
  const own = iri === undefined ? undefined : new RegExp(`#${kind}-([^#]+)$`, 'u').exec(iri)?.[1];
  if (own !== undefined) return decodeURIComponent(own);
  return iri ?? `${kind === 'span' ? 's' : 'r'}${index + 1}`;
}

/**
 * TextPositionSelector first (code points, §4.2.5), checked against the TextQuoteSelector's exact
 * text when both are present. A quote alone must occur exactly once with its prefix and suffix:
 * §4.2.4 says several matches select all of them, which one Isnad span cannot represent.
 */
function locateTarget(source: CanonicalSource, selectors: readonly Record<string, unknown>[]): { fragment: CorpusFragment; warning?: string } | string {
  const position = selectors.find((selector) => selector.type === 'TextPositionSelector');
  const quoteSelector = selectors.find((selector) => selector.type === 'TextQuoteSelector');
  const exact = quoteSelector?.exact;
  if (quoteSelector && (typeof exact !== 'string' || exact === '')) return 'its TextQuoteSelector needs a non-empty "exact" (§4.2.4)';
  if (position) {
    const located = locateSpan(source, position.start, position.end, 'codePoints', typeof exact === 'string' ? { recordedText: exact } : {});
    if (!located.ok) return `TextPositionSelector: ${located.message}`;
    const fragment = { startUtf16: located.startUtf16, endUtf16: located.endUtf16 };
    let warning: string | undefined;
    if (quoteSelector) {
      const prefix = typeof quoteSelector.prefix === 'string' ? quoteSelector.prefix : '';
      const suffix = typeof quoteSelector.suffix === 'string' ? quoteSelector.suffix : '';
      const before = source.text.slice(0, fragment.startUtf16);
      const after = source.text.slice(fragment.endUtf16);
      if (!before.endsWith(prefix) || !after.startsWith(suffix)) warning = 'the TextQuoteSelector prefix or suffix differs from the text around the position; the position was used';
    }
    return warning === undefined ? { fragment } : { fragment, warning };
  }
  if (typeof exact !== 'string') return 'needs a TextPositionSelector or a TextQuoteSelector';
  const prefix = typeof quoteSelector?.prefix === 'string' ? quoteSelector.prefix.normalize('NFC') : '';
  const suffix = typeof quoteSelector?.suffix === 'string' ? quoteSelector.suffix.normalize('NFC') : '';
  const needle = prefix + exact.normalize('NFC') + suffix;
  const found = source.text.indexOf(needle);
  if (found < 0) return `TextQuoteSelector: ${quote(exact)} with its prefix and suffix does not occur in the text`;
  if (source.text.indexOf(needle, found + 1) >= 0) return `TextQuoteSelector: ${quote(exact)} with its prefix and suffix occurs more than once; add a TextPositionSelector`;
  const startUtf16 = found + prefix.length;
  return { fragment: { startUtf16, endUtf16: startUtf16 + exact.normalize('NFC').length } };
}
