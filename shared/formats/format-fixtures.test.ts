// The shared converter test document really has the hard cases the round-trip tests rely on.
import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../text/offset-map';
import { hardDocument } from './test-support/format-fixtures';

describe('the shared test document', () => {
  it('has the hard cases before and inside its spans, and spans on character boundaries', () => {
    const document = hardDocument();
    const map = new OffsetMap(document.text);
    const firstSpanStart = Math.min(...document.spans.map((span) => span.startUtf16));
    expect(map.toCodePoint(firstSpanStart)).toBeLessThan(firstSpanStart); // an emoji comes before
    expect(document.text).toMatch(/ـ/u); // tatweel
    expect(document.text).toMatch(/[\u064B-\u0652]/u); // harakat
    expect(document.text).toMatch(/[A-Za-z]+ [A-Za-z]+/u);
    expect(document.text).toMatch(/\d{3}/u);
    for (const span of document.spans) {
      expect(map.isBoundaryUtf16(span.startUtf16) && map.isBoundaryUtf16(span.endUtf16)).toBe(true);
    }
    expect(document.spans.some((span) => document.text.slice(span.startUtf16, span.endUtf16).includes('\n'))).toBe(true);
  });
});
