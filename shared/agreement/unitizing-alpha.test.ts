// alpha_U against the worked examples of Krippendorff (1995, 2004) as encoded in DKPro Agreement's
// tests (Krippendorff1995Test, Krippendorff2004Test, UnitizingAgreementTest), with their tolerances.
import { describe, expect, it } from 'vitest';
import { unitizingAlpha, unitizingDistance, type UnitizingStudy, type UnitizingUnit } from './unitizing-alpha';

/** DKPro's assertEquals(expected, actual, delta): published values are rounded, so compare within delta. */
function expectWithin(actual: number | undefined, expected: number, delta: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(delta);
}

/** DKPro's addUnit(offset, length, rater, category). */
function unit(offset: number, length: number, annotator: number, label: string): UnitizingUnit {
  return { annotator, label, startCodePoints: offset, endCodePoints: offset + length };
}

/** Krippendorff (1995: 57): four pairs of observers, one category each, on 24 positions, stretched. */
function krippendorff1995(stretch: number): UnitizingStudy {
  const s = (x: number): number => Math.trunc(x * stretch);
  const u = (offset: number, length: number, annotator: number, label: string): UnitizingUnit => unit(s(offset), s(length), annotator, label);
  return {
    annotatorCount: 2,
    sections: [
      {
        lengthCodePoints: s(24),
        units: [
          u(2, 8, 0, 'A'), u(14, 6, 0, 'A'), u(4, 4, 1, 'A'), u(15, 2, 1, 'A'),
          u(0, 18, 0, 'B'), u(0, 2, 1, 'B'), u(2, 1, 1, 'B'), u(3, 1, 1, 'B'), u(4, 1, 1, 'B'), u(5, 1, 1, 'B'), u(6, 3, 1, 'B'), u(9, 1, 1, 'B'),
          u(2, 6, 0, 'C'), u(10, 2, 0, 'C'), u(14, 4, 0, 'C'), u(20, 2, 0, 'C'),
          u(0, 2, 1, 'C'), u(4, 4, 1, 'C'), u(10, 4, 1, 'C'), u(16, 2, 1, 'C'), u(20, 2, 1, 'C'),
          u(0, 2, 0, 'D'), u(2, 8, 0, 'D'), u(10, 4, 0, 'D'), u(14, 6, 0, 'D'), u(20, 4, 0, 'D'),
          u(0, 4, 1, 'D'), u(4, 4, 1, 'D'), u(8, 7, 1, 'D'), u(15, 2, 1, 'D'), u(17, 7, 1, 'D'),
        ],
      },
    ],
  };
}

/** Krippendorff (2004: 254): two observers, categories c and k, continuum [150, 450). */
function krippendorff2004(): UnitizingStudy {
  return {
    annotatorCount: 2,
    sections: [
      {
        beginCodePoints: 150,
        lengthCodePoints: 300,
        units: [
          unit(225, 70, 0, 'c'), unit(370, 30, 0, 'c'), unit(220, 80, 1, 'c'), unit(355, 20, 1, 'c'), unit(400, 20, 1, 'c'),
          unit(180, 60, 0, 'k'), unit(300, 50, 0, 'k'), unit(180, 60, 1, 'k'), unit(300, 50, 1, 'k'),
        ],
      },
    ],
  };
}

describe('unitizingDistance', () => {
  it('matches the distances of Krippendorff (2004: 252-253)', () => {
    expect(unitizingDistance(2, 3, false, 2, 2, true) + unitizingDistance(5, 6, true, 4, 7, false)).toBe(40);
    expect(unitizingDistance(3, 2, false, 3, 2, true) + unitizingDistance(5, 6, true, 5, 6, false)).toBe(40);
    expect(unitizingDistance(5, 6, true, 4, 2, true)).toBe(26);
    expect(unitizingDistance(5, 6, true, 5, 2, true)).toBe(16);
    expect(unitizingDistance(5, 6, true, 6, 2, true)).toBe(10);
    expect(unitizingDistance(5, 6, true, 7, 2, true)).toBe(8);
    expect(unitizingDistance(5, 6, true, 6, 4, true)).toBe(2);
    expect(unitizingDistance(5, 6, true, 5, 6, true)).toBe(0);
    expect(unitizingDistance(225, 70, true, 220, 80, true)).toBe(50);
    expect(unitizingDistance(370, 30, true, 355, 20, true)).toBe(850);
    expect(unitizingDistance(400, 50, false, 400, 20, true)).toBe(400);
  });

  it('is 0 between gaps and for a unit sticking out of a gap', () => {
    expect(unitizingDistance(0, 1, false, 0, 2, false)).toBe(0);
    expect(unitizingDistance(1, 8, true, 0, 2, false)).toBe(0);
    expect(unitizingDistance(1, 8, true, 2, 1, true)).toBe(37);
    expect(unitizingDistance(1, 8, true, 4, 1, true)).toBe(25);
    expect(unitizingDistance(1, 8, true, 6, 1, true)).toBe(29);
  });
});

describe('unitizingAlpha', () => {
  it('reproduces Krippendorff (2004: 254): alpha_U 0.8591, c 0.7286, k 1', () => {
    const result = unitizingAlpha(krippendorff2004());
    expectWithin(result.overall.alpha.value, 0.8591, 0.0005);
    const c = result.byLabel['c']!;
    expectWithin(c.observedDisagreement, 0.0144, 0.0001);
    expectWithin(c.expectedDisagreement, 0.0532, 0.0001);
    expectWithin(c.alpha.value, 0.7286, 0.0001);
    const k = result.byLabel['k']!;
    expect(k.observedDisagreement).toBe(0);
    expectWithin(k.expectedDisagreement, 0.049, 0.0001);
    expect(k.alpha.value).toBe(1);
  });

  it('reproduces the observed disagreements of Krippendorff (1995: 57)', () => {
    const { byLabel } = unitizingAlpha(krippendorff1995(1));
    expectWithin(byLabel['A']!.observedDisagreement, 0.03125, 0.00001);
    expectWithin(byLabel['B']!.observedDisagreement, 2.26736, 0.00001);
    expectWithin(byLabel['C']!.observedDisagreement, 0.02777, 0.00001);
    expectWithin(byLabel['D']!.observedDisagreement, 0.38715, 0.00001);
  });

  it('approaches the published alphas of Krippendorff (1995) on a fine continuum', () => {
    // The 1995 values assume a continuous scale; DKPro stretches the 24 positions by 50,000.
    const { byLabel } = unitizingAlpha(krippendorff1995(1_200_000 / 24));
    const expected = { A: [0.0699, 0.553], B: [1.17731, -0.926], C: [0.08642, 0.679], D: [0.41445, 0.066] };
    for (const [label, [expectedDisagreement, alpha]] of Object.entries(expected)) {
      expectWithin(byLabel[label]!.expectedDisagreement, expectedDisagreement!, 0.005);
      expectWithin(byLabel[label]!.alpha.value, alpha!, 0.02);
    }
  });

  it('gives a negative alpha when one annotator splits what the other marked as one unit (DKPro example)', () => {
    const result = unitizingAlpha({ annotatorCount: 2, sections: [{ lengthCodePoints: 10, units: [unit(1, 8, 0, 'A'), unit(2, 1, 1, 'A'), unit(4, 1, 1, 'A'), unit(6, 1, 1, 'A')] }] });
    const a = result.byLabel['A']!;
    expectWithin(a.observedDisagreement, 0.91, 0.0001);
    expectWithin(a.expectedDisagreement, 0.5351, 0.0001);
    expectWithin(a.alpha.value, -0.7003, 0.0001);
  });

  it('is 0 for a single unit by one of three annotators, and undefined with no units at all', () => {
    expect(unitizingAlpha({ annotatorCount: 3, sections: [{ lengthCodePoints: 20, units: [unit(0, 1, 0, 'X')] }] }).overall.alpha.value).toBeCloseTo(0, 12);
    const empty = unitizingAlpha({ annotatorCount: 3, sections: [{ lengthCodePoints: 20, units: [] }] }, ['X']);
    expect(empty.overall.alpha).toEqual({ value: undefined, reason: 'no-spans' });
    expect(empty.byLabel['X']!.alpha).toEqual({ value: undefined, reason: 'no-spans' });
  });

  it('states why it is undefined for one annotator or an empty continuum', () => {
    expect(unitizingAlpha({ annotatorCount: 1, sections: [{ lengthCodePoints: 5, units: [unit(0, 2, 0, 'X')] }] }).overall.alpha).toEqual({ value: undefined, reason: 'fewer-than-two-annotators' });
    expect(unitizingAlpha({ annotatorCount: 2, sections: [{ lengthCodePoints: 0, units: [] }] }, ['X']).overall.alpha).toEqual({ value: undefined, reason: 'no-items' });
  });

  it('merges one annotator\'s overlapping units of a label into their union', () => {
    const merged = unitizingAlpha({ annotatorCount: 2, sections: [{ lengthCodePoints: 10, units: [unit(1, 4, 0, 'A'), unit(3, 4, 0, 'A'), unit(1, 6, 1, 'A')] }] });
    expect(merged.byLabel['A']!.alpha.value).toBe(1);
    expect(merged.byLabel['A']!.unitCount).toBe(2);
  });

  it('keeps documents apart: a unit cannot be expected to fit a gap that spans two documents', () => {
    const oneSection = unitizingAlpha({ annotatorCount: 2, sections: [{ lengthCodePoints: 20, units: [unit(2, 3, 0, 'A'), unit(2, 4, 1, 'A')] }] });
    const twoSections = unitizingAlpha({
      annotatorCount: 2,
      sections: [
        { lengthCodePoints: 10, units: [unit(2, 3, 0, 'A'), unit(2, 4, 1, 'A')] },
        { lengthCodePoints: 10, units: [] },
      ],
    });
    expect(twoSections.byLabel['A']!.observedDisagreement).toBeCloseTo(oneSection.byLabel['A']!.observedDisagreement!, 12);
    expect(twoSections.byLabel['A']!.expectedDisagreement!).toBeLessThan(oneSection.byLabel['A']!.expectedDisagreement!);
  });
});
