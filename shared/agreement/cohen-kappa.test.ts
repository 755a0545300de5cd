// Cohen's kappa against published examples: Cohen (1960) and Krippendorff (2004), as tabulated in
// DKPro Agreement's Cohen1960Test and Krippendorff2004Test.
import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaFromMatrix } from './cohen-kappa';

function expectWithin(actual: number | undefined, expected: number, delta: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(delta);
}

/** Expands a table of counts into item-by-item codes, as DKPro's addMultipleItems does. */
function codesFromTable(table: readonly (readonly [number, string, string])[]): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  for (const [count, x, y] of table) {
    for (let i = 0; i < count; i++) {
      a.push(x);
      b.push(y);
    }
  }
  return [a, b];
}

describe('cohenKappa', () => {
  it('reproduces Cohen (1960: 45): p_o 0.70, p_e 0.41, kappa 0.492', () => {
    // 200 items, three categories; rows judge A, columns judge B.
    const result = cohenKappaFromMatrix([
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ]);
    expectWithin(result.observedAgreement, 0.7, 0.01);
    expectWithin(result.expectedAgreement, 0.41, 0.01);
    expectWithin(result.kappa.value, 0.492, 0.001);
  });

  it('reproduces Krippendorff (2004: 246): kappa 0.186 with equal marginals, 0.258 with unequal ones', () => {
    const equal = codesFromTable([[12, 'a', 'a'], [9, 'a', 'b'], [9, 'a', 'c'], [9, 'b', 'a'], [14, 'b', 'b'], [9, 'b', 'c'], [9, 'c', 'a'], [9, 'c', 'b'], [20, 'c', 'c']]);
    expectWithin(cohenKappa(...equal).kappa.value, 0.186, 0.001);
    const skewed = codesFromTable([[12, 'a', 'a'], [18, 'a', 'b'], [18, 'a', 'c'], [14, 'b', 'b'], [18, 'b', 'c'], [20, 'c', 'c']]);
    expectWithin(cohenKappa(...skewed).kappa.value, 0.258, 0.001);
  });

  it('is 1 for identical codes with variation and undefined without variation or items', () => {
    expect(cohenKappa([0, 1, 1, 0], [0, 1, 1, 0]).kappa).toEqual({ value: 1 });
    expect(cohenKappa([0, 0, 0], [0, 0, 0]).kappa).toEqual({ value: undefined, reason: 'no-variation' });
    expect(cohenKappa([], []).kappa).toEqual({ value: undefined, reason: 'no-items' });
  });

  it('is -1 when two annotators always pick opposite values in equal shares', () => {
    expect(cohenKappa([0, 1, 0, 1], [1, 0, 1, 0]).kappa.value).toBeCloseTo(-1, 12);
  });
});
