import { describe, expect, it } from 'vitest';
import { trimRangeUtf16 } from './trim-range-utf16';

describe('trimRangeUtf16', () => {
  const text = 'قال  الوزير \nإن الضربات';

  it('drops spaces and newlines at both edges', () => {
    const range = trimRangeUtf16(text, 3, 14);
    expect(range).not.toBeNull();
    expect(text.slice(range!.startUtf16, range!.endUtf16)).toBe('الوزير \nإ');
  });

  it('accepts a backwards range', () => {
    expect(trimRangeUtf16(text, 3, 0)).toEqual({ startUtf16: 0, endUtf16: 3 });
  });

  it('returns null for a whitespace-only selection', () => {
    expect(trimRangeUtf16(text, 3, 5)).toBeNull();
    expect(trimRangeUtf16(text, 4, 4)).toBeNull();
  });
});
