// Plain input and result types for inter-annotator agreement. Inputs carry UTF-16 offsets, the
// store's unit; measures that are not computable carry a reason instead of NaN.

export type AnnotatorId = string;

export type LinkType = 'said_by' | 'according_to' | 'cued_by';

export interface AgreementSpan {
  readonly id: string;
  readonly label: string;
  /** Half-open [startUtf16, endUtf16) in the document text; startUtf16 < endUtf16. */
  readonly startUtf16: number;
  readonly endUtf16: number;
  /** Attribute values of the span, e.g. { claimType: 'quote' }. */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** A directed link, e.g. a claim (from) said_by a speaker (to). Both ends are span ids of the same annotator. */
export interface AgreementLink {
  readonly type: LinkType;
  readonly fromSpanId: string;
  readonly toSpanId: string;
}

export interface AnnotatorWork {
  readonly spans: readonly AgreementSpan[];
  readonly links?: readonly AgreementLink[];
}

export interface AnnotatedDocument {
  readonly sha256: string;
  readonly text: string;
  /**
   * Work per annotator. An annotator missing from the map did not annotate the document (missing
   * data); an entry with no spans annotated it and found nothing.
   */
  readonly annotations: ReadonlyMap<AnnotatorId, AnnotatorWork>;
}

/** Why a measure has no value. README.md defines when each applies. */
export type UndefinedReason =
  | 'fewer-than-two-annotators'
  | 'no-shared-documents'
  | 'no-spans'
  | 'no-links'
  | 'no-items'
  | 'no-pairable-values'
  | 'no-variation'
  | 'no-matched-claims'
  | 'no-defined-values';

/** A number, or no number and the reason; never NaN. */
export type Measure = { readonly value: number } | { readonly value: undefined; readonly reason: UndefinedReason };

export interface AnnotatorPair {
  readonly annotatorA: AnnotatorId;
  readonly annotatorB: AnnotatorId;
}
