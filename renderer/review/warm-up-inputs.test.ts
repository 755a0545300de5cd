// The warm-up review must be a valid one, or the worker would warm up only the error path.
import { describe, expect, it } from 'vitest';
import { computeReview } from './compute-review';
import { warmUpInputs } from './warm-up-inputs';

describe('warmUpInputs', () => {
  it('loads and measures two annotators', () => {
    const result = computeReview(warmUpInputs());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.report.agreement.annotators).toEqual(['a', 'b']);
  });
});
