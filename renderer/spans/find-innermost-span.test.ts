import { describe, expect, it } from 'vitest';
import { findInnermostSpan, sortSpansForReading } from './find-innermost-span';

const claim = { id: 'claim', startUtf16: 10, endUtf16: 60 };
const speaker = { id: 'speaker', startUtf16: 20, endUtf16: 30 };
const cue = { id: 'cue', startUtf16: 60, endUtf16: 64 };
const sorted = sortSpansForReading([cue, speaker, claim]);

describe('findInnermostSpan', () => {
  it('sorts by start, longer first', () => {
    expect(sortSpansForReading([speaker, { id: 'outer', startUtf16: 20, endUtf16: 40 }]).map((s) => s.id)).toEqual(['outer', 'speaker']);
    expect(sorted.map((s) => s.id)).toEqual(['claim', 'speaker', 'cue']);
  });

  it('picks the innermost of overlapping spans', () => {
    expect(findInnermostSpan(sorted, 25)?.id).toBe('speaker');
    expect(findInnermostSpan(sorted, 40)?.id).toBe('claim');
  });

  it('prefers the span the caret is inside over one that merely ends there', () => {
    expect(findInnermostSpan(sorted, 61)?.id).toBe('cue');
    expect(findInnermostSpan(sorted, 60)?.id).toBe('cue');
    expect(findInnermostSpan(sorted, 30)?.id).toBe('claim');
  });

  it('returns null outside every span', () => {
    expect(findInnermostSpan(sorted, 5)).toBeNull();
    expect(findInnermostSpan(sorted, 70)).toBeNull();
  });
});
