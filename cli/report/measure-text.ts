// How a Measure and an annotator pair are written in every output format.
import type { Measure } from '../../shared/agreement/types';

export const OVERALL_LABEL = '*';

export function measureText(measure: Measure, digits = 3): string {
  return measure.value === undefined ? `— (${measure.reason})` : measure.value.toFixed(digits);
}

export function pairName(annotatorA: string, annotatorB: string): string {
  return `${annotatorA} | ${annotatorB}`;
}
