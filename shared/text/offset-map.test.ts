// OffsetMap must agree with JavaScript's own code-point iteration for any text, including emoji,
// Arabic with diacritics, and lone surrogates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OffsetMap } from './offset-map';

/** Any UTF-16 unit, so lone and paired surrogates both occur. */
const anyUtf16Text = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 40 });
const mixedText = fc.string({ unit: fc.constantFrom('ق', 'ا', 'لَ', '\n', ' ', 'a', '🙂', '𝕏', '\ud83d', '\ude42'), maxLength: 40 });

describe('OffsetMap', () => {
  it('converts around an emoji before Arabic text', () => {
    const text = '🙂 قال الوزير';
    const map = new OffsetMap(text);
    expect(map.lengthUtf16).toBe(text.length);
    expect(map.lengthCodePoints).toBe(12);
    const startUtf16 = text.indexOf('قال');
    expect(startUtf16).toBe(3);
    expect(map.toCodePoint(startUtf16)).toBe(2);
    expect(map.toUtf16(2)).toBe(3);
    expect(map.isBoundaryUtf16(1)).toBe(false);
    expect(() => map.toCodePoint(1)).toThrow(RangeError);
    expect(map.sliceUtf16(3, 6)).toBe('قال');
  });

  it('treats Arabic diacritics as ordinary code points (no offset shift)', () => {
    const text = 'قَالَ الوَزِيرُ';
    const map = new OffsetMap(text);
    expect(map.lengthCodePoints).toBe(text.length);
    expect(map.toCodePoint(7)).toBe(7);
  });

  it('rejects offsets outside the text', () => {
    const map = new OffsetMap('نص');
    expect(map.isBoundaryUtf16(-1)).toBe(false);
    expect(map.isBoundaryUtf16(3)).toBe(false);
    expect(map.isBoundaryUtf16(1.5)).toBe(false);
    expect(() => map.toUtf16(3)).toThrow(RangeError);
    expect(() => map.toUtf16(-1)).toThrow(RangeError);
  });

  it('matches Array.from code-point counting at every boundary, and round-trips', () => {
    fc.assert(
      fc.property(fc.oneof(anyUtf16Text, mixedText), (text) => {
        const map = new OffsetMap(text);
        expect(map.lengthCodePoints).toBe(Array.from(text).length);
        let offsetUtf16 = 0;
        let offsetCodePoints = 0;
        for (const character of Array.from(text)) {
          expect(map.isBoundaryUtf16(offsetUtf16)).toBe(true);
          expect(map.toCodePoint(offsetUtf16)).toBe(offsetCodePoints);
          expect(map.toUtf16(offsetCodePoints)).toBe(offsetUtf16);
          // Inside a surrogate pair is not a boundary.
          if (character.length === 2) expect(map.isBoundaryUtf16(offsetUtf16 + 1)).toBe(false);
          offsetUtf16 += character.length;
          offsetCodePoints++;
        }
        expect(map.toCodePoint(text.length)).toBe(map.lengthCodePoints);
        expect(map.toUtf16(map.lengthCodePoints)).toBe(text.length);
      }),
    );
  });
});
