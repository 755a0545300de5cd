// Span ranges are checked as results: inverted, empty, outside the text, or splitting a surrogate pair.
import { describe, expect, it } from 'vitest';
import { checkSpanRangeUtf16 } from './check-span-range';
import { OffsetMap } from './offset-map';

const text = '🙂 قال الوزير';
const map = new OffsetMap(text);

describe('checkSpanRangeUtf16', () => {
  it('accepts a range on character boundaries, including the whole text', () => {
    expect(checkSpanRangeUtf16(map, 3, 6)).toEqual({ ok: true });
    expect(checkSpanRangeUtf16(map, 0, text.length)).toEqual({ ok: true });
    expect(checkSpanRangeUtf16(map, 0, 2)).toEqual({ ok: true });
  });

  it('rejects empty and inverted ranges', () => {
    expect(checkSpanRangeUtf16(map, 4, 4)).toEqual({ ok: false, message: expect.stringMatching(/end after it starts/) });
    expect(checkSpanRangeUtf16(map, 6, 3)).toEqual({ ok: false, message: expect.stringMatching(/end after it starts/) });
  });

  it('rejects ranges outside the text', () => {
    expect(checkSpanRangeUtf16(map, 3, text.length + 1)).toEqual({ ok: false, message: expect.stringMatching(/outside the text/) });
    expect(checkSpanRangeUtf16(map, -1, 2)).toEqual({ ok: false, message: expect.stringMatching(/outside the text/) });
  });

  it('rejects a range that splits the emoji', () => {
    expect(checkSpanRangeUtf16(map, 1, 5)).toEqual({ ok: false, message: expect.stringMatching(/splits a character/) });
    expect(checkSpanRangeUtf16(map, 0, 1)).toEqual({ ok: false, message: expect.stringMatching(/splits a character/) });
  });

  it('rejects fractional offsets', () => {
    expect(checkSpanRangeUtf16(map, 0.5, 3)).toEqual({ ok: false, message: expect.stringMatching(/whole numbers/) });
  });
});
