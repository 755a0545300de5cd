// Runs computeReview in the review worker. A new computation supersedes the one in flight: its
// worker is terminated (a stale result is never shown, and its CPU is given back at once). The
// worker starts with the page and measures a tiny review first, so the reviewer's first files meet
// a warm worker.
import type { ReviewDocument } from '../../shared/review/review-types';
import type { ReviewMeasuresResult } from './compute-review';
import type { ReviewSourceBlob, ReviewWorkerRequest, ReviewWorkerResponse } from './review-worker-messages';
import { warmUpInputs } from './warm-up-inputs';

export type ReviewRunOutcome = { readonly kind: 'done'; readonly result: ReviewMeasuresResult } | { readonly kind: 'crashed'; readonly message: string } | { readonly kind: 'superseded' };

export interface ReviewRunner {
  run(sources: readonly ReviewSourceBlob[], locale: string): Promise<ReviewRunOutcome>;
  /** One document of the last computed review; null when there is none (or it was superseded). */
  document(sha256: string): Promise<ReviewDocument | null>;
  dispose(): void;
}

/** Answers to this id are dropped: it is the warm-up. */
const WARM_UP_ID = 0;

export function createReviewRunner(): ReviewRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  let computing: number | null = null;
  /** Waiting requests by id; null answers "superseded". */
  const pending = new Map<number, (response: ReviewWorkerResponse | null) => void>();

  const stop = (): void => {
    worker?.terminate();
    worker = null;
    computing = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve(null);
  };

  const start = (): Worker => {
    const created = new Worker(new URL('./review.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<ReviewWorkerResponse>) => {
      const response = event.data;
      if (response.kind === 'computed') performance.mark('isnad:review-result-received');
      const resolve = pending.get(response.requestId);
      if (resolve === undefined) return;
      pending.delete(response.requestId);
      if (response.requestId === computing) computing = null;
      resolve(response);
    };
    created.onerror = (event) => {
      event.preventDefault();
      const message = event.message || 'the review worker failed';
      const waiting = [...pending.values()];
      pending.clear();
      stop();
      for (const resolve of waiting) resolve({ kind: 'crashed', requestId: -1, message });
    };
    return created;
  };

  const send = (request: ReviewWorkerRequest): Promise<ReviewWorkerResponse | null> => {
    worker ??= start();
    const answer = new Promise<ReviewWorkerResponse | null>((resolve) => pending.set(request.requestId, resolve));
    worker.postMessage(request);
    return answer;
  };

  worker = start();
  const warmUp = warmUpInputs().map((input) => ({ name: input.name, blob: new Blob([input.content]) }));
  worker.postMessage({ kind: 'compute', requestId: WARM_UP_ID, sources: warmUp, locale: 'ar' } satisfies ReviewWorkerRequest);

  return {
    async run(sources, locale) {
      if (computing !== null) stop();
      const requestId = nextId++;
      computing = requestId;
      const response = await send({ kind: 'compute', requestId, sources, locale });
      if (response === null) return { kind: 'superseded' };
      if (response.kind === 'crashed') return { kind: 'crashed', message: response.message };
      return response.kind === 'computed' ? { kind: 'done', result: response.result } : { kind: 'crashed', message: 'unexpected answer from the review worker' };
    },
    async document(sha256) {
      const response = await send({ kind: 'document', requestId: nextId++, sha256 });
      return response?.kind === 'document' ? response.document : null;
    },
    dispose: stop,
  };
}
