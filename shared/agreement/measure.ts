// Builders for Measure values, so that 0/0 becomes a stated reason instead of NaN.
import type { Measure, UndefinedReason } from './types';

export function measured(value: number): Measure {
  if (!Number.isFinite(value)) throw new RangeError(`measure must be finite, got ${value}`);
  return { value };
}

export function notMeasured(reason: UndefinedReason): Measure {
  return { value: undefined, reason };
}

/** numerator / denominator, or the reason when the denominator is 0. */
export function ratio(numerator: number, denominator: number, reasonWhenZero: UndefinedReason): Measure {
  return denominator === 0 ? notMeasured(reasonWhenZero) : measured(numerator / denominator);
}

/**
 * Unweighted mean of the defined values (e.g. over annotator pairs). With nothing to average:
 * fewer-than-two-annotators; when no value is defined, the values' common reason if they share one.
 */
export function meanOfDefined(measures: readonly Measure[]): Measure {
  let sum = 0;
  let count = 0;
  const reasons = new Set<UndefinedReason>();
  for (const m of measures) {
    if (m.value === undefined) reasons.add(m.reason);
    else {
      sum += m.value;
      count++;
    }
  }
  if (count > 0) return measured(sum / count);
  if (measures.length === 0) return notMeasured('fewer-than-two-annotators');
  const [only] = reasons;
  return notMeasured(reasons.size === 1 && only !== undefined ? only : 'no-defined-values');
}
