// Fleiss' kappa against published examples: the Wikipedia "Fleiss' kappa" worked example and
// Fleiss (1971: 379) itself (30 subjects, 6 raters), as in DKPro Agreement's Fleiss1971Test.
import { describe, expect, it } from 'vitest';
import { fleissKappa } from './fleiss-kappa';

function expectWithin(actual: number | undefined, expected: number, delta: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(delta);
}

describe('fleissKappa', () => {
  it('reproduces the Wikipedia worked example: 10 subjects, 14 raters, 5 categories, kappa 0.210', () => {
    const result = fleissKappa([
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]);
    expectWithin(result.observedAgreement, 0.378, 0.001);
    expectWithin(result.expectedAgreement, 0.213, 0.001);
    expectWithin(result.kappa.value, 0.21, 0.001);
  });

  it('reproduces Fleiss (1971: 379): 30 subjects, 6 raters, P-bar 0.5556, P-bar_e 0.2201, kappa 0.430', () => {
    const ratings = [
      [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ];
    const counts = ratings.map((subject) => [1, 2, 3, 4, 5].map((category) => subject.filter((r) => r === category).length));
    const result = fleissKappa(counts);
    expectWithin(result.observedAgreement, 0.5556, 0.001);
    expectWithin(result.expectedAgreement, 0.2201, 0.001);
    expectWithin(result.kappa.value, 0.43, 0.001);
  });

  it('states why it is undefined', () => {
    expect(fleissKappa([]).kappa).toEqual({ value: undefined, reason: 'no-items' });
    expect(fleissKappa([[1, 0], [0, 1]]).kappa).toEqual({ value: undefined, reason: 'fewer-than-two-annotators' });
    expect(fleissKappa([[3, 0], [3, 0]]).kappa).toEqual({ value: undefined, reason: 'no-variation' });
    expect(fleissKappa([[3, 0], [0, 3]]).kappa).toEqual({ value: 1 });
  });

  it('refuses subjects rated by different numbers of raters', () => {
    expect(() => fleissKappa([[2, 1], [1, 1]])).toThrow(RangeError);
  });
});
