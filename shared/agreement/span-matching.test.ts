import { describe, expect, it } from 'vitest';
import { EXACT_MATCH, matchSpans, OVERLAP_MATCH } from './span-matching';
import type { AgreementSpan } from './types';

function span(id: string, label: string, startUtf16: number, endUtf16: number): AgreementSpan {
  return { id, label, startUtf16, endUtf16 };
}

const ids = (matches: ReturnType<typeof matchSpans>): string[] => matches.map((m) => `${m.a.id}-${m.b.id}`).sort();

describe('matchSpans', () => {
  it('matches exactly only the same start, end and label, one to one', () => {
    const a = [span('a1', 'claim', 0, 10), span('a2', 'claim', 0, 10), span('a3', 'cue', 12, 15), span('a4', 'claim', 20, 30)];
    const b = [span('b1', 'claim', 0, 10), span('b2', 'speaker', 12, 15), span('b3', 'claim', 20, 29)];
    expect(ids(matchSpans(a, b, EXACT_MATCH))).toEqual(['a1-b1']);
  });

  it('matches overlapping spans of a label when intersection over union reaches the threshold (0.5 by default)', () => {
    const a = [span('a1', 'claim', 0, 10), span('a2', 'claim', 20, 30)];
    const b = [span('b1', 'claim', 0, 6), span('b2', 'claim', 20, 24)];
    // [0,10) vs [0,6): 6/10 = 0.6; [20,30) vs [20,24): 4/10 = 0.4.
    expect(ids(matchSpans(a, b, OVERLAP_MATCH))).toEqual(['a1-b1']);
    expect(ids(matchSpans(a, b, { kind: 'overlap', minIoU: 0 }))).toEqual(['a1-b1', 'a2-b2']);
    expect(ids(matchSpans(a, b, { kind: 'overlap', minIoU: 0.7 }))).toEqual([]);
  });

  it('never matches spans that only touch, or spans of different labels', () => {
    expect(matchSpans([span('a', 'claim', 0, 5)], [span('b', 'claim', 5, 10)], { kind: 'overlap', minIoU: 0 })).toEqual([]);
    expect(matchSpans([span('a', 'claim', 0, 5)], [span('b', 'cue', 0, 5)], OVERLAP_MATCH)).toEqual([]);
  });

  it('pairs greedily by largest overlap, each span at most once', () => {
    const a = [span('a1', 'claim', 0, 10), span('a2', 'claim', 0, 9)];
    const b = [span('b1', 'claim', 0, 9), span('b2', 'claim', 1, 10)];
    // a2-b1 is identical (IoU 1) and goes first; a1 then takes b2 (IoU 0.9), not b1.
    const matches = matchSpans(a, b, OVERLAP_MATCH);
    expect(ids(matches)).toEqual(['a1-b2', 'a2-b1']);
    expect(matches.find((m) => m.a.id === 'a1')!.iou).toBeCloseTo(0.9, 12);
  });

  it('refuses a threshold outside [0, 1]', () => {
    expect(() => matchSpans([], [], { kind: 'overlap', minIoU: 1.5 })).toThrow(RangeError);
  });
});
