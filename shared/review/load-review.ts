// Joins several export files into one review. Documents are matched by the SHA-256 of their text
// (never by id or title); every annotator listed in a file is taken to have annotated every
// document of that file (in one database everyone sees every document) unless its status for them
// is not_started and they marked nothing: a document without their spans counts as "annotated,
// nothing found", and one absent from their file (or not started) as missing.
import { LINK_TYPES } from '../agreement/link-agreement';
import type { AgreementLink, AgreementSpan, AnnotatorWork, LinkType } from '../agreement/types';
import type { ExportSpanV1 } from '../export/export-v1';
import { streamExportFile } from './parse-export-file';
import type { ReviewAnnotator, ReviewDocument, ReviewFileSummary, ReviewInput, ReviewLoadResult, ReviewOptions, ReviewWarning } from './review-types';

/** One annotator of one file; annotators are numbered in the order their files come. */
interface AnnotatorEntry {
  readonly fileName: string;
  readonly id: string;
  readonly name: string;
}

interface DocumentDraft {
  readonly sha256: string;
  readonly title: string;
  readonly text: string;
  /** By annotator entry number. */
  readonly annotations: Map<number, { spans: AgreementSpan[]; links: AgreementLink[] }>;
}

/**
 * Inputs are read one at a time (pass a generator to read each file only when its turn comes), and
 * each document is parsed from its slice of the file's text and reduced to its spans before the
 * next, so memory holds one file's text and one document's JSON at most.
 */
export function loadReview(inputs: Iterable<ReviewInput>, options: ReviewOptions): ReviewLoadResult {
  const entries: AnnotatorEntry[] = [];
  const documents = new Map<string, DocumentDraft>();
  const files: { name: string; entryNumbers: number[]; documentCount: number; spanCount: number }[] = [];
  const warnings: ReviewWarning[] = [];
  const otherRelationTypes = new Set<string>();
  // JSON.parse gives every span its own copy of "claim": one shared string per label (and attribute
  // value) makes the measures' lookups compare pointers instead of characters.
  const interned = new Map<string, string>();
  const intern = (text: string): string => {
    const known = interned.get(text);
    if (known !== undefined) return known;
    interned.set(text, text);
    return text;
  };
  for (const input of inputs) {
    let entryOf: Map<string, number> | undefined;
    const annotatorsOf = (file: { readonly annotators: readonly { readonly id: string; readonly name: string }[] }): Map<string, number> => {
      entryOf = new Map();
      for (const a of file.annotators) {
        entryOf.set(a.id, entries.length);
        entries.push({ fileName: input.name, id: a.id, name: a.name });
      }
      return entryOf;
    };
    const seenInFile = new Set<string>();
    let documentCount = 0;
    let spanCount = 0;
    // Each document is joined in as soon as it is checked, so that the file's parsed JSON can go.
    const read = streamExportFile(input.name, input.content, options.sha256Hex, (doc, file) => {
      let entryOfFile = entryOf;
      if (entryOfFile === undefined) {
        entryOfFile = annotatorsOf(file);
        if (entryOfFile.size === 0) warnings.push({ kind: 'file-without-annotators', message: `«${input.name}» has no spans and so names no annotator: its documents count for nobody.` });
      }
      documentCount++;
      if (seenInFile.has(doc.sha256)) {
        warnings.push({ kind: 'duplicate-document-in-file', message: `«${input.name}» has the text of «${doc.title}» (sha256 ${doc.sha256.slice(0, 12)}…) more than once: its spans are taken together.` });
      }
      seenInFile.add(doc.sha256);
      let draft = documents.get(doc.sha256);
      if (draft === undefined) documents.set(doc.sha256, (draft = { sha256: doc.sha256, title: doc.title, text: doc.text, annotations: new Map() }));
      const marked = new Set([...doc.spans.map((span) => span.annotator), ...(doc.relations ?? []).map((relation) => relation.annotator)]);
      for (const [id, n] of entryOfFile) {
        // "Not started" with nothing marked: the annotator has not read the document (missing data).
        if (doc.status?.[id] === 'not_started' && !marked.has(id)) continue;
        if (!draft.annotations.has(n)) draft.annotations.set(n, { spans: [], links: [] });
      }
      // streamExportFile checked that every span's and relation's annotator is listed.
      for (const span of doc.spans) draft.annotations.get(entryOfFile.get(span.annotator)!)!.spans.push(agreementSpan(span, intern));
      for (const relation of doc.relations ?? []) {
        if (!isLinkType(relation.type)) {
          otherRelationTypes.add(relation.type);
          continue;
        }
        draft.annotations.get(entryOfFile.get(relation.annotator)!)!.links.push({ type: relation.type, fromSpanId: relation.from, toSpanId: relation.to });
      }
      spanCount += doc.spans.length;
    });
    if (!read.ok) return { ok: false, error: { file: input.name, message: read.message } };
    const entryNumbers = [...(entryOf ?? annotatorsOf(read.header)).values()];
    files.push({ name: input.name, entryNumbers, documentCount, spanCount });
  }

  if (otherRelationTypes.size > 0) {
    warnings.push({
      kind: 'relation-type-not-measured',
      message: `relations of type ${[...otherRelationTypes].sort().map((t) => `«${t}»`).join(', ')} are not measured: link agreement compares ${LINK_TYPES.join(', ')}.`,
    });
  }
  const keys = annotatorKeys(entries, warnings);
  const annotators: ReviewAnnotator[] = entries.map((e, n) => ({ key: keys[n]!, name: e.name, id: e.id, file: e.fileName })).sort((x, y) => compare(x.key, y.key));
  const allKeys = annotators.map((a) => a.key);
  const reviewDocuments: ReviewDocument[] = [...documents.values()].map((draft) => {
    const annotations = new Map<string, AnnotatorWork>([...draft.annotations].map(([n, work]) => [keys[n]!, work]));
    const annotatedBy = [...annotations.keys()].sort(compare);
    return { sha256: draft.sha256, title: draft.title, text: draft.text, annotations, annotatedBy, missing: allKeys.filter((k) => !annotations.has(k)) };
  });
  const incomplete = reviewDocuments.filter((d) => d.missing.length > 0);
  if (incomplete.length > 0 && allKeys.length > 0) {
    warnings.push({
      kind: 'missing-documents',
      message:
        `${incomplete.length} of ${reviewDocuments.length} documents were not annotated by every annotator (missing data, kept): ` +
        'pairwise measures use the documents both annotators have, Fleiss’ κ and αU only the documents everyone has, Krippendorff’s α all of them.',
    });
  }
  const summaries: ReviewFileSummary[] = files.map((f) => ({ name: f.name, annotators: f.entryNumbers.map((n) => keys[n]!), documentCount: f.documentCount, spanCount: f.spanCount }));
  return { ok: true, review: { files: summaries, annotators, documents: reviewDocuments, warnings } };
}

/** A key per annotator entry: the plain name when no other entry has it, else qualified by file (and id), with a warning. */
function annotatorKeys(entries: readonly AnnotatorEntry[], warnings: ReviewWarning[]): string[] {
  const byName = new Map<string, number[]>();
  entries.forEach((e, n) => {
    const list = byName.get(e.name);
    if (list === undefined) byName.set(e.name, [n]);
    else list.push(n);
  });
  const keys: string[] = [];
  for (const [name, numbers] of byName) {
    if (numbers.length === 1) {
      keys[numbers[0]!] = name;
      continue;
    }
    const perFile = new Map<string, number>();
    for (const n of numbers) perFile.set(entries[n]!.fileName, (perFile.get(entries[n]!.fileName) ?? 0) + 1);
    for (const n of numbers) {
      const e = entries[n]!;
      keys[n] = perFile.get(e.fileName)! > 1 ? `${name} (${e.fileName}, ${e.id})` : `${name} (${e.fileName})`;
    }
    const fileNames = [...new Set(numbers.map((n) => `«${entries[n]!.fileName}»`))];
    warnings.push({
      kind: 'duplicate-annotator-name',
      message: `annotator «${name}» appears ${numbers.length} times (in ${fileNames.join(', ')}): counted as ${numbers.map((n) => `«${keys[n]}»`).join(', ')}; if they are one person, give only one of the files.`,
    });
  }
  return keys;
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function isLinkType(type: string): type is LinkType {
  return (LINK_TYPES as readonly string[]).includes(type);
}

/**
 * Attribute values become nominal categories: text as it is, booleans as "true"/"false", and a
 * multi-choice value as its sorted set joined by "|" (two annotators agree when they chose the same set).
 */
function agreementSpan(span: ExportSpanV1, intern: (text: string) => string): AgreementSpan {
  const label = intern(span.label);
  if (span.attributes === undefined || Object.keys(span.attributes).length === 0) return { id: span.id, label, startUtf16: span.startUtf16, endUtf16: span.endUtf16 };
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(span.attributes)) attributes[name] = intern(Array.isArray(value) ? [...value].sort().join('|') : String(value));
  return { id: span.id, label, startUtf16: span.startUtf16, endUtf16: span.endUtf16, attributes };
}
