import { describe, expect, it } from 'vitest';
import { locateOffset, nextWordBoundary, splitParagraphs } from './text-paragraphs';

describe('text paragraphs of the comparison columns', () => {
  const text = 'قال الوزير\n\nإن الاقتصاد ينمو.';
  const paragraphs = splitParagraphs(text);

  it('keeps each paragraph at its offset in the whole text', () => {
    expect(paragraphs.map((p) => [p.startUtf16, p.text])).toEqual([[0, 'قال الوزير'], [11, ''], [12, 'إن الاقتصاد ينمو.']]);
    for (const p of paragraphs) expect(text.slice(p.startUtf16, p.startUtf16 + p.text.length)).toBe(p.text);
  });

  it('locates offsets, a line end staying in its paragraph', () => {
    expect(locateOffset(paragraphs, 4)).toEqual({ index: 0, offsetUtf16: 4 });
    expect(locateOffset(paragraphs, 10)).toEqual({ index: 0, offsetUtf16: 10 });
    expect(locateOffset(paragraphs, 12)).toEqual({ index: 2, offsetUtf16: 0 });
    expect(locateOffset(paragraphs, text.length)).toEqual({ index: 2, offsetUtf16: 17 });
  });

  it('steps to the next word boundary either way, skipping punctuation and spaces', () => {
    const line = 'إن الاقتصاد ينمو.';
    expect(nextWordBoundary(line, 0, 1)).toBe(2);
    expect(nextWordBoundary(line, 2, 1)).toBe(3);
    expect(nextWordBoundary(line, 16, 1)).toBe(line.length);
    expect(nextWordBoundary(line, 11, -1)).toBe(3);
    expect(nextWordBoundary(line, 3, -1)).toBe(2);
  });
});
