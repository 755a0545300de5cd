// What a review is: several annotators' export files joined into one set of documents matched by
// the SHA-256 of their text, with what was missing or doubtful said out loud rather than dropped.
import type { AnnotatedDocument } from '../agreement/types';

/** One export file given to the review: its name (for messages) and its raw JSON text. */
export interface ReviewInput {
  readonly name: string;
  readonly content: string;
}

export interface ReviewOptions {
  /** SHA-256 of the UTF-8 bytes of a text, lowercase hex; injected because shared/ has no crypto. */
  readonly sha256Hex: (text: string) => string;
}

/** An annotator of one file. Annotators of different files are never merged, even with the same name. */
export interface ReviewAnnotator {
  /** Unique in the review: the name, or `name (file)` when several files (or ids) share the name. */
  readonly key: string;
  readonly name: string;
  /** The annotator's id inside its file. */
  readonly id: string;
  readonly file: string;
}

export interface ReviewDocument extends AnnotatedDocument {
  /** Title of the first file that has the document. */
  readonly title: string;
  /** Annotator keys, sorted. */
  readonly annotatedBy: readonly string[];
  /** Annotators of the review who did not annotate this document (missing data), sorted. */
  readonly missing: readonly string[];
}

export interface ReviewFileSummary {
  readonly name: string;
  readonly annotators: readonly string[];
  readonly documentCount: number;
  readonly spanCount: number;
}

export type ReviewWarningKind = 'duplicate-annotator-name' | 'file-without-annotators' | 'missing-documents' | 'duplicate-document-in-file' | 'label-not-used' | 'relation-type-not-measured';

export interface ReviewWarning {
  readonly kind: ReviewWarningKind;
  /** One sentence for the reader of the report. */
  readonly message: string;
}

export interface Review {
  readonly files: readonly ReviewFileSummary[];
  /** Sorted by key. */
  readonly annotators: readonly ReviewAnnotator[];
  /** In order of first appearance across the files. */
  readonly documents: readonly ReviewDocument[];
  readonly warnings: readonly ReviewWarning[];
}

/** Why a file cannot be used; `message` is one line naming the file and, for schema errors, the path. */
export interface ReviewLoadError {
  readonly file: string;
  readonly message: string;
}

export type ReviewLoadResult = { readonly ok: true; readonly review: Review } | { readonly ok: false; readonly error: ReviewLoadError };
