// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), JSON-LD. Each span is
// an Annotation whose target carries a TextPositionSelector (§4.2.5, code points, as §4.2.4 requires)
// and a TextQuoteSelector (§4.2.4: exact, prefix, suffix); its label is a TextualBody with purpose
// "tagging". Relations are "linking" Annotations whose two targets are the span annotations, in order.
// Annotations do not carry the document text (a target cannot be embedded, §3.2), so import takes
// the texts alongside: from the database, or text files named after the sources (sourceFileNames).
import { OffsetMap } from '../text/offset-map';
import { canonicalizationWarning, canonicalizeSource, type CanonicalSource } from './canonical-source';
import type { CorpusDocument, CorpusFragment, CorpusRelation, CorpusSpan } from './corpus-model';
import { documentName, spanFragments } from './corpus-model';
import { idString, isPlainObject } from './jsonl-lines';
import { finishParse, MAX_REPORTED_ERRORS, quote, type FormatIssue, type ParseResult, type SerializeResult } from './parse-result';
import { locateSpan } from './span-locator';
import { JsonSyntaxError, streamJsonArray, type JsonText } from './split-json-array';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Hypothesis records 32 characters of context on each side; so do we (code points). */
const CONTEXT_CODE_POINTS = 32;

/** The IRI an exported document is the `source` of: its id when that is already an IRI. */
export function documentSourceIri(document: CorpusDocument, index: number): string {
  const id = documentName(document, index);
  return /^[a-z][a-z0-9+.-]*:/iu.test(id) ? id : `urn:isnad:document:${encodeURIComponent(id)}`;
}

/**
 * The name a text file carries when it holds the text of `source`: the IRI's last segment (after
 * the last "/" or ":", without query, fragment or a .txt/.md extension), decoded. So
 * `urn:isnad:document:doc1` and `https://example.org/news/doc1.txt` both name `doc1.txt`.
 */
export function sourceTextName(source: string): string {
  const bare = source.replace(/[?#].*$/su, '');
  const segment = bare.slice(Math.max(bare.lastIndexOf('/'), bare.lastIndexOf(':')) + 1);
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A stray % stays as it is.
  }
  return decoded.replace(/\.(txt|md)$/iu, '');
}

export interface WebAnnotationSerializeOptions {
  /** Source IRI per document; default documentSourceIri. */
  sourceOf?: (document: CorpusDocument, index: number) => string;
}

/** An AnnotationCollection (§5.1) whose first AnnotationPage (§5.2) holds every annotation. */
export function serializeWebAnnotation(documents: readonly CorpusDocument[], options: WebAnnotationSerializeOptions = {}): SerializeResult {
  const { items, warnings } = webAnnotationItems(documents, options);
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return { content: `${JSON.stringify(collection, null, 2)}\n`, warnings };
}

/**
 * The annotations of `documents` as objects (spans, then relations, document by document), for a
 * writer that lays them out itself (db/export-corpus.ts streams them one per line).
 */
export function webAnnotationItems(documents: readonly CorpusDocument[], options: WebAnnotationSerializeOptions = {}): { items: Record<string, unknown>[]; warnings: FormatIssue[] } {
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
  return { items, warnings };
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
  /** The annotated texts, each returned even when no annotation targets it. */
  documents?: readonly WebAnnotationDocument[];
  /**
   * Looks up the text of a source that is not in `documents` (the database, text files given with
   * the annotations); such a document is returned only when an annotation targets it.
   */
  findDocument?: (source: string) => WebAnnotationDocument | undefined;
}

/** A supplied document while its annotations are read. */
interface SourceEntry {
  source: CanonicalSource;
  document: CorpusDocument;
  /** Span annotations whose IRI is this source's IRI + "#...": one big map of every IRI made imports slow. */
  spanByIri: Map<string, CorpusSpan>;
}

interface SpanAt {
  entry: SourceEntry;
  span: CorpusSpan;
}

interface Target {
  source: string;
  selectors: Record<string, unknown>[];
}

/** Where annotations lie in the JSON-LD: a list, a Page's items, a Collection's first page or items. */
const ANNOTATION_ARRAY_PATHS = [[], ['first', 'items'], ['items']] as const;

/**
 * Accepts one Annotation, an array of them, an AnnotationPage or an AnnotationCollection. The
 * annotations are parsed one at a time from their own slices of the text (shared/formats/split-json-array)
 * and each becomes a span at once, so a large file never exists as one tree of objects.
 */
export function parseWebAnnotation(input: JsonText, options: WebAnnotationParseOptions): ParseResult {
  const file = options.fileName;
  const streamed = streamJsonArray(input, ANNOTATION_ARRAY_PATHS, annotationList);
  if (!streamed.ok) return { ok: false, errors: [{ file, message: `not valid JSON (${streamed.message})` }] };
  if (streamed.elements === undefined) return notAnnotations(file);
  const reader = new WebAnnotationReader(options);
  let record = 0;
  try {
    for (const annotation of streamed.elements()) {
      reader.annotation(annotation, ++record);
      // Only the first errors are reported: reading on would change nothing but the time.
      if (reader.errorCount >= MAX_REPORTED_ERRORS) break;
    }
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, errors: [{ file, message: `not valid JSON (${error.message})` }] };
    throw error;
  }
  return reader.finish();
}

/** parseWebAnnotation for a value already parsed whole. */
export function parseWebAnnotationValue(json: unknown, options: WebAnnotationParseOptions): ParseResult {
  const annotations = annotationList(json);
  if (annotations === undefined) return notAnnotations(options.fileName);
  const reader = new WebAnnotationReader(options);
  annotations.forEach((annotation, index) => reader.annotation(annotation, index + 1));
  return reader.finish();
}

function notAnnotations(file: string): ParseResult {
  return { ok: false, errors: [{ file, message: 'expected an Annotation, a list of them, an AnnotationPage or an AnnotationCollection' }] };
}

/** Reads annotations one at a time (`record` counts from 1), then resolves links in `finish`. */
class WebAnnotationReader {
  private readonly file: string;
  private readonly errors: FormatIssue[] = [];
  private readonly warnings: FormatIssue[] = [];
  private readonly bySource = new Map<string, SourceEntry>();
  private readonly links: { record: number; iri: string; type: string; targets: unknown[] }[] = [];
  /** One copy of each label and annotator name: every span until the end holds one (JSON.parse makes a new string each time). */
  private readonly names = new Map<string, string>();
  /** Sources without a text: the error of the first annotation naming each, and how many more did. */
  private readonly missingSources = new Map<string, { error: number; more: number }>();
  /**
   * Span annotations by IRI, for the linking annotations (resolved at the end: they may come first):
   * in their source's entry when the IRI is "<source>#...", here otherwise (rememberSpan, spanAt).
   */
  private readonly otherSpanByIri = new Map<string, SpanAt>();

  get errorCount(): number {
    return this.errors.length;
  }

  constructor(private readonly options: WebAnnotationParseOptions) {
    this.file = options.fileName;
    for (const supplied of options.documents ?? []) this.addSource(supplied);
  }

  private addSource(supplied: WebAnnotationDocument): SourceEntry {
    const source = canonicalizeSource(supplied.text);
    const change = canonicalizationWarning(source.changes);
    if (change !== undefined) this.warnings.push({ file: supplied.source, message: change });
    const document: CorpusDocument = { text: source.text, spans: [], relations: [] };
    if (supplied.id !== undefined) document.id = supplied.id;
    if (supplied.title !== undefined) document.title = supplied.title;
    const entry: SourceEntry = { source, document, spanByIri: new Map() };
    this.bySource.set(supplied.source, entry);
    return entry;
  }

  private entryFor(sourceIri: string): SourceEntry | undefined {
    const entry = this.bySource.get(sourceIri);
    if (entry !== undefined) return entry;
    const found = this.options.findDocument?.(sourceIri);
    return found === undefined ? undefined : this.addSource({ ...found, source: sourceIri });
  }

  private intern(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }

  annotation(annotation: unknown, record: number): void {
    const { file, errors, warnings } = this;
    const fail = (message: string) => void errors.push({ file, record, message: `annotation ${record}${isPlainObject(annotation) && annotation.id ? ` (${String(annotation.id)})` : ''}: ${message}` });
    if (!isPlainObject(annotation)) return fail('must be an object');
    if (annotation.type !== 'Annotation' && !(Array.isArray(annotation.type) && annotation.type.includes('Annotation'))) return fail('its "type" must include "Annotation" (§3.1)');
    const label = bodyLabel(annotation.body);
    if (label === undefined) return fail('needs a TextualBody with a non-empty "value" (the label)');
    const rawTargets = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
    if (annotation.motivation === 'linking') {
      this.links.push({ record, iri: idString(annotation.id) ?? `relation-${record}`, type: label, targets: rawTargets });
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
    const missing = this.missingSources.get(sourceIri);
    if (missing !== undefined) {
      // One error per missing text, not one per annotation of it: the count comes at the end.
      missing.more++;
      return;
    }
    const entry = this.entryFor(sourceIri);
    if (entry === undefined) {
      this.missingSources.set(sourceIri, { error: errors.length, more: 0 });
      if (this.options.findDocument === undefined) return fail(`targets ${quote(sourceIri, 80)}, which is not among the supplied documents`);
      return fail(`targets ${quote(sourceIri, 80)}, whose text is neither in the database nor given: give it beside the annotations as ${quote(`${sourceTextName(sourceIri)}.txt`, 80)}`);
    }
    const fragments: CorpusFragment[] = [];
    for (const target of targets) {
      const located = locateTarget(entry.source, target.selectors);
      if (typeof located === 'string') return fail(located);
      fragments.push(located.fragment);
      if (located.warning) warnings.push({ file, record, message: `annotation ${record}: ${located.warning}` });
    }
    fragments.sort((a, b) => a.startUtf16 - b.startUtf16);
    const span: CorpusSpan = { id: spanIdFrom(idString(annotation.id), entry.document.spans.length), label: this.intern(label), startUtf16: fragments[0]!.startUtf16, endUtf16: fragments[fragments.length - 1]!.endUtf16 };
    if (fragments.length > 1) span.fragments = fragments;
    const creator = annotation.creator;
    if (isPlainObject(creator) && typeof (creator.name ?? creator.nickname) === 'string') span.annotator = this.intern(String(creator.name ?? creator.nickname));
    else if (typeof creator === 'string') span.annotator = this.intern(creator);
    entry.document.spans.push(span);
    if (typeof annotation.id === 'string') this.rememberSpan(annotation.id, sourceIri, entry, span);
  }

  /** Where an IRI's span is kept: the entry of the source before its first "#", if that is its own source. */
  private localEntryOf(iri: string): SourceEntry | undefined {
    const hash = iri.indexOf('#');
    return hash < 0 ? undefined : this.bySource.get(iri.slice(0, hash));
  }

  /** The last span annotation with this IRI wins, wherever the one before was kept. */
  private rememberSpan(iri: string, sourceIri: string, entry: SourceEntry, span: CorpusSpan): void {
    if (iri.indexOf('#') === sourceIri.length && iri.startsWith(sourceIri)) {
      entry.spanByIri.set(iri, span);
      if (this.otherSpanByIri.size > 0) this.otherSpanByIri.delete(iri);
      return;
    }
    this.otherSpanByIri.set(iri, { entry, span });
    this.localEntryOf(iri)?.spanByIri.delete(iri);
  }

  private spanAt(iri: string): SpanAt | undefined {
    const entry = this.localEntryOf(iri);
    const span = entry?.spanByIri.get(iri);
    return span !== undefined ? { entry: entry!, span } : this.otherSpanByIri.get(iri);
  }

  finish(): ParseResult {
    const { file, errors } = this;
    for (const { error, more } of this.missingSources.values()) {
      if (more > 0) errors[error]!.message += ` (and ${more} more annotation${more === 1 ? '' : 's'} of that source)`;
    }
    const spanByIri = { get: (iri: string) => this.spanAt(iri) };
    for (const link of this.links) {
      const iris = link.targets.map((target) => (typeof target === 'string' ? target : isPlainObject(target) ? idString(target.id) : undefined));
      const owner = iris[0] === undefined ? undefined : spanByIri.get(iris[0])?.entry;
      if (owner !== undefined && !iris.every((iri) => iri !== undefined && spanByIri.get(iri)?.entry === owner)) {
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
        fromSpanId: spanByIri.get(iris[0]!)!.span.id,
        toSpanId: spanByIri.get(iris[1]!)!.span.id,
      };
      owner.document.relations.push(relation);
    }
    return finishParse([...this.bySource.values()].map((entry) => entry.document), errors, this.warnings);
  }
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
  // The common case, one body, without the arrays below: this runs once per annotation.
  if (isPlainObject(body)) return typeof body.value === 'string' && body.value !== '' ? body.value : undefined;
  const bodies = Array.isArray(body) ? body : [body];
  const textual = bodies.filter(isPlainObject).filter((item) => typeof item.value === 'string' && item.value !== '');
  const tagging = textual.find((item) => item.purpose === 'tagging') ?? textual[0];
  return tagging === undefined ? undefined : String(tagging.value);
}

/** Our own exported ids end in #span-<id>: keep <id> so a round trip keeps span ids. */
function spanIdFrom(iri: string | undefined, index: number, kind: 'span' | 'relation' = 'span'): string {
  if (iri === undefined) return `${kind === 'span' ? 's' : 'r'}${index + 1}`;
  // The id after the last "#", when that fragment is "span-<id>" (or "relation-<id>").
  const hash = iri.lastIndexOf('#');
  const marker = kind === 'span' ? '#span-' : '#relation-';
  if (hash < 0 || iri.length <= hash + marker.length || !iri.startsWith(marker, hash)) return iri;
  const encoded = iri.slice(hash + marker.length);
  // Without a "%" there is nothing to decode: most ids (UUIDs) skip the call.
  if (!encoded.includes('%')) return encoded;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/**
 * TextPositionSelector first (code points, §4.2.5), checked against the TextQuoteSelector's exact
 * text when both are present. A quote alone must occur exactly once with its prefix and suffix:
 * §4.2.4 says several matches select all of them, which one Isnad span cannot represent.
 */
function locateTarget(source: CanonicalSource, selectors: readonly Record<string, unknown>[]): { fragment: CorpusFragment; warning?: string } | string {
  let position: Record<string, unknown> | undefined;
  let quoteSelector: Record<string, unknown> | undefined;
  for (const selector of selectors) {
    if (position === undefined && selector.type === 'TextPositionSelector') position = selector;
    else if (quoteSelector === undefined && selector.type === 'TextQuoteSelector') quoteSelector = selector;
  }
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
      const { text } = source;
      const prefixStartUtf16 = fragment.startUtf16 - prefix.length;
      if (prefixStartUtf16 < 0 || !text.startsWith(prefix, prefixStartUtf16) || !text.startsWith(suffix, fragment.endUtf16)) warning = 'the TextQuoteSelector prefix or suffix differs from the text around the position; the position was used';
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
