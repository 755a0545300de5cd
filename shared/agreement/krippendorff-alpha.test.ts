// Krippendorff's alpha against published examples: Krippendorff (2011) "Computing Krippendorff's
// Alpha-Reliability" (4 coders x 12 units with missing values; also in Krippendorff 2004: 230) and
// Krippendorff (2004: 224, 227), as tabulated in DKPro Agreement's Krippendorff2004Test.
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff-alpha';

function expectWithin(actual: number | undefined, expected: number, delta: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(delta);
}

const _ = null;
/** Rows are coders A-D, columns the 12 units; null is a missing value. */
const RELIABILITY_DATA_2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const UNITS_2011 = RELIABILITY_DATA_2011[0]!.map((__, u) => RELIABILITY_DATA_2011.map((coder) => coder[u]));

describe('krippendorffAlpha', () => {
  it('reproduces Krippendorff (2011): nominal alpha 0.743 with missing values', () => {
    const result = krippendorffAlpha(UNITS_2011, 'nominal');
    expectWithin(result.observedDisagreement, 0.2, 0.001);
    expectWithin(result.expectedDisagreement, 0.779, 0.001);
    expectWithin(result.alpha.value, 0.743, 0.001);
    // Unit 12 has a single value: not pairable.
    expect(result.unitCount).toBe(11);
    expect(result.pairableValueCount).toBe(40);
  });

  it('reproduces Krippendorff (2011): interval alpha 0.849', () => {
    const result = krippendorffAlpha(UNITS_2011, 'interval');
    expectWithin(result.observedDisagreement, 0.433, 0.001);
    expectWithin(result.expectedDisagreement, 2.872, 0.001);
    expectWithin(result.alpha.value, 0.849, 0.001);
  });

  it('reproduces Krippendorff (2004: 224): two coders, binary data, alpha 0.095', () => {
    const units = [[1, 0], [1, 1], [0, 1], [0, 0], [0, 0], [0, 1], [0, 0], [0, 1], [0, 0], [0, 0]];
    const result = krippendorffAlpha(units);
    expectWithin(result.observedDisagreement, 0.4, 0.001);
    expectWithin(result.expectedDisagreement, 0.442, 0.001);
    expectWithin(result.alpha.value, 0.095, 0.001);
  });

  it('reproduces Krippendorff (2004: 227): three categories, alpha 0.734', () => {
    const pairs = ['aa', 'ab', 'bb', 'bb', 'bb', 'bb', 'bc', 'cc', 'cc', 'cc', 'cc', 'cc'];
    expectWithin(krippendorffAlpha(pairs.map((p) => [p[0]!, p[1]!])).alpha.value, 0.734, 0.001);
  });

  it('states why it is undefined', () => {
    expect(krippendorffAlpha([]).alpha).toEqual({ value: undefined, reason: 'no-items' });
    expect(krippendorffAlpha([[1, _], [_, 2]]).alpha).toEqual({ value: undefined, reason: 'no-pairable-values' });
    expect(krippendorffAlpha([['x', 'x'], ['x', 'x']]).alpha).toEqual({ value: undefined, reason: 'no-variation' });
    expect(krippendorffAlpha([[2, 2], [2, 2]], 'interval').alpha).toEqual({ value: undefined, reason: 'no-variation' });
  });

  it('rejects non-numeric values for the interval metric', () => {
    expect(() => krippendorffAlpha([['a', 'b']], 'interval')).toThrow(TypeError);
  });
});
