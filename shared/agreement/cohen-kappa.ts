// Cohen's (1960) kappa for two annotators: chance-corrected agreement using each annotator's own
// category distribution.
import { confusionMatrix, type Category } from './confusion-matrix';
import { measured, notMeasured } from './measure';
import type { Measure } from './types';

export interface CohenKappaResult {
  readonly kappa: Measure;
  /** p_o, share of items on which both agree; undefined without items. */
  readonly observedAgreement: number | undefined;
  /** p_e, agreement expected from the two marginal distributions; undefined without items. */
  readonly expectedAgreement: number | undefined;
  readonly itemCount: number;
}

/** Kappa from a square matrix of counts (rows: annotator A's category, columns: B's). */
export function cohenKappaFromMatrix(counts: readonly (readonly number[])[]): CohenKappaResult {
  const k = counts.length;
  const rowTotals = new Array<number>(k).fill(0);
  const colTotals = new Array<number>(k).fill(0);
  let n = 0;
  let diagonal = 0;
  for (let i = 0; i < k; i++) {
    const row = counts[i]!;
    if (row.length !== k) throw new RangeError('confusion matrix must be square');
    for (let j = 0; j < k; j++) {
      const c = row[j]!;
      rowTotals[i]! += c;
      colTotals[j]! += c;
      n += c;
      if (i === j) diagonal += c;
    }
  }
  if (n === 0) return { kappa: notMeasured('no-items'), observedAgreement: undefined, expectedAgreement: undefined, itemCount: 0 };
  const observed = diagonal / n;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += (rowTotals[i]! / n) * (colTotals[i]! / n);
  // p_e = 1 only when both used one and the same category throughout: kappa is 0/0 there.
  const kappa = expected >= 1 - 1e-12 ? notMeasured('no-variation') : measured((observed - expected) / (1 - expected));
  return { kappa, observedAgreement: observed, expectedAgreement: expected, itemCount: n };
}

/** Kappa from the two annotators' categories for the same items, item by item. */
export function cohenKappa(codesA: readonly Category[], codesB: readonly Category[]): CohenKappaResult {
  if (codesA.length !== codesB.length) throw new RangeError('both annotators must code the same items');
  const matrix = confusionMatrix(codesA.map((a, i) => [a, codesB[i]!] as const));
  return cohenKappaFromMatrix(matrix.counts);
}
