// Boundary moves as the annotator sees them on Arabic text: a character keeps its diacritics, a
// word move lands on the next word edge, and a span can never become empty.
import { describe, expect, it } from 'vitest';
import { moveSpanBoundary } from './move-span-boundary';

const text = 'أعلنت وزارةُ الدفاع، أن القوات وصلت.';
const rangeOf = (phrase: string) => {
  const startUtf16 = text.indexOf(phrase);
  return { startUtf16, endUtf16: startUtf16 + phrase.length };
};
const cover = (range: { startUtf16: number; endUtf16: number } | null) => (range === null ? null : text.slice(range.startUtf16, range.endUtf16));

describe('moveSpanBoundary', () => {
  it('moves either end by one character, keeping a letter with its diacritic', () => {
    const range = rangeOf('الدفاع');
    expect(cover(moveSpanBoundary(text, range, 'start', -1, 'character'))).toBe(' الدفاع');
    expect(cover(moveSpanBoundary(text, range, 'start', 1, 'character'))).toBe('لدفاع');
    expect(cover(moveSpanBoundary(text, range, 'end', 1, 'character'))).toBe('الدفاع،');
    expect(cover(moveSpanBoundary(text, range, 'end', -1, 'character'))).toBe('الدفا');
    // «وزارةُ»: shrinking its end drops «ةُ» together.
    expect(cover(moveSpanBoundary(text, rangeOf('وزارةُ'), 'end', -1, 'character'))).toBe('وزار');
  });

  it('moves by whole words, punctuation counting as one', () => {
    const range = rangeOf('الدفاع');
    expect(cover(moveSpanBoundary(text, range, 'start', -1, 'word'))).toBe('وزارةُ الدفاع');
    expect(cover(moveSpanBoundary(text, range, 'end', 1, 'word'))).toBe('الدفاع،');
    const wider = rangeOf('وزارةُ الدفاع، أن');
    expect(cover(moveSpanBoundary(text, wider, 'start', 1, 'word'))).toBe('الدفاع، أن');
    expect(cover(moveSpanBoundary(text, wider, 'end', -1, 'word'))).toBe('وزارةُ الدفاع،');
  });

  it('refuses moves that would empty the span or leave the text', () => {
    expect(moveSpanBoundary(text, rangeOf('أ'), 'start', 1, 'character')).toBeNull();
    expect(moveSpanBoundary(text, rangeOf('الدفاع'), 'start', 1, 'word')).toBeNull();
    expect(moveSpanBoundary(text, { startUtf16: 0, endUtf16: 5 }, 'start', -1, 'character')).toBeNull();
    expect(moveSpanBoundary(text, { startUtf16: 30, endUtf16: text.length }, 'end', 1, 'character')).toBeNull();
  });
});
