// The review page's worker: loading and measuring 1,000 documents takes seconds, which would freeze
// the page on the main thread. It keeps the last review, so the page can ask for one document of it.
import type { Review, ReviewInput } from '../../shared/review/review-types';
import { computeReview } from './compute-review';
import type { ReviewWorkerRequest, ReviewWorkerResponse } from './review-worker-messages';

// The renderer's lib is DOM; in a worker `self` is a DedicatedWorkerGlobalScope with the same two members used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReviewWorkerRequest>) => Promise<void>) | null;
  postMessage: (message: ReviewWorkerResponse) => void;
};

let review: Review | null = null;

scope.onmessage = async (event) => {
  const request = event.data;
  if (request.kind === 'document') {
    const document = review?.documents.find((d) => d.sha256 === request.sha256) ?? null;
    scope.postMessage({ kind: 'document', requestId: request.requestId, document });
    return;
  }
  try {
    const inputs: ReviewInput[] = [];
    for (const source of request.sources) {
      try {
        inputs.push({ name: source.name, content: await source.blob.text() });
      } catch (error) {
        // E.g. the file was moved or deleted after it was chosen.
        review = null;
        const message = `cannot read «${source.name}»: ${error instanceof Error ? error.message : String(error)}`;
        scope.postMessage({ kind: 'computed', requestId: request.requestId, result: { ok: false, error: { file: source.name, message } } });
        return;
      }
    }
    const result = computeReview(inputs, request.locale);
    review = result.ok ? result.value.review : null;
    const { requestId } = request;
    scope.postMessage(
      result.ok
        ? { kind: 'computed', requestId, result: { ok: true, value: { report: result.value.report, pairUnitizing: result.value.pairUnitizing } } }
        : { kind: 'computed', requestId, result },
    );
  } catch (error) {
    review = null;
    scope.postMessage({ kind: 'crashed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
  }
};
