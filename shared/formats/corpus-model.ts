// The neutral in-memory corpus every format converter maps to and from. Offsets are UTF-16 code
// units on the canonical text (no BOM, \n, NFC); each converter converts to its own format's unit.

/** One piece of a discontinuous span (brat's `0 5;16 23`), half-open, UTF-16 code units. */
export interface CorpusFragment {
  startUtf16: number;
  endUtf16: number;
}

export type CorpusAttributeValue = string | string[] | boolean;

export interface CorpusSpan {
  id: string;
  label: string;
  /** Start of the first fragment (or of the span), UTF-16 code units, inclusive. */
  startUtf16: number;
  /** End of the last fragment (or of the span), UTF-16 code units, exclusive. */
  endUtf16: number;
  /** Present only for discontinuous spans: two or more ascending, non-overlapping pieces. */
  fragments?: CorpusFragment[];
  annotator?: string;
  attributes?: Record<string, CorpusAttributeValue>;
}

/** A directed link between two spans of the same document (brat Arg1 → Arg2). */
export interface CorpusRelation {
  id: string;
  type: string;
  fromSpanId: string;
  toSpanId: string;
}

/** A free-text note on a span or relation (brat `#1 AnnotatorNotes T1`). */
export interface CorpusNote {
  id: string;
  targetId: string;
  type: string;
  text: string;
}

export interface CorpusDocument {
  id?: string;
  title?: string;
  /** Canonical text: no BOM, \n line endings, Unicode NFC. */
  text: string;
  meta?: Record<string, unknown>;
  spans: CorpusSpan[];
  relations: CorpusRelation[];
  notes?: CorpusNote[];
}

/** How a format counts offsets: UTF-16 code units (JavaScript, INCEpTION) or code points (Python). */
export type OffsetUnit = 'utf16' | 'codePoints';

/** The fragments of a span, whether it is discontinuous or not. */
export function spanFragments(span: CorpusSpan): CorpusFragment[] {
  return span.fragments ?? [{ startUtf16: span.startUtf16, endUtf16: span.endUtf16 }];
}

/** A document's identity in messages and generated names: its id, else its position. */
export function documentName(document: CorpusDocument, index: number): string {
  return document.id ?? `document ${index + 1}`;
}
