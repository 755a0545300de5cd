import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBelow, partitionPoint } from './partition-point';

describe('partitionPoint', () => {
  it('finds the first index where the predicate turns false', () => {
    expect(partitionPoint(5, (i) => i < 3)).toBe(3);
    expect(partitionPoint(5, () => true)).toBe(5);
    expect(partitionPoint(0, () => true)).toBe(0);
  });

  it('countBelow agrees with a linear count on any sorted array', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, probe) => {
        const sorted = [...values].sort((a, b) => a - b);
        expect(countBelow(sorted, probe)).toBe(sorted.filter((v) => v < probe).length);
      }),
    );
  });
});
