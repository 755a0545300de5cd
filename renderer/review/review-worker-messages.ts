// Messages between the review page and its worker: a computation per set of sources, answered with
// the measures; then any number of requests for one document of the review the worker holds.
import type { ReviewDocument } from '../../shared/review/review-types';
import type { ReviewMeasuresResult } from './compute-review';

/**
 * A file as the worker gets it: the chosen File itself (a Blob is passed by reference, so the
 * page neither decodes nor copies tens of megabytes), read in the worker.
 */
export interface ReviewSourceBlob {
  readonly name: string;
  readonly blob: Blob;
}

export type ReviewWorkerRequest =
  | { readonly kind: 'compute'; readonly requestId: number; readonly sources: readonly ReviewSourceBlob[]; readonly locale: string }
  | { readonly kind: 'document'; readonly requestId: number; readonly sha256: string };

/** `crashed`: the computation threw (a bug, not a bad file); the page shows the message. */
export type ReviewWorkerResponse =
  | { readonly kind: 'computed'; readonly requestId: number; readonly result: ReviewMeasuresResult }
  | { readonly kind: 'document'; readonly requestId: number; readonly document: ReviewDocument | null }
  | { readonly kind: 'crashed'; readonly requestId: number; readonly message: string };
