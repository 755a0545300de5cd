// Canonicalizing an imported text must keep every span on the same characters: the offset map is
// checked against canonicalizing each prefix on its own, for random texts with \r\n and combining marks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeText } from '../text/canonical-text';
import { canonicalizeSource } from './canonical-source';

const rawUnit = fc.constantFrom('\r\n', '\r', '\n', 'ا', '\u0653', 'e', '\u0301', 'ق', 'َ', '🙂', ' ', 'ـ', 'a');

describe('canonicalizeSource', () => {
  it('leaves a canonical text alone and says nothing', () => {
    const source = canonicalizeSource('قال الوزير 🙂');
    expect(source.text).toBe('قال الوزير 🙂');
    expect(source.changes).toEqual([]);
    expect(source.toCanonicalUtf16(5)).toBe(5);
  });

  it('maps offsets after \\r\\n and a decomposed alef-madda, and says what it changed', () => {
    const raw = '\ufeffسطر\r\n\u0627\u0653مين\r\nقال';
    const source = canonicalizeSource(raw);
    expect(source.text).toBe('سطر\nآمين\nقال');
    // "قال" starts at raw 12 (BOM, 3 letters, \r\n, alef + madda, 3 letters, \r\n).
    const rawStart = raw.indexOf('قال');
    const start = source.toCanonicalUtf16(rawStart)!;
    expect(source.text.slice(start, start + 3)).toBe('قال');
    // Between \r and \n, or between alef and its madda, there is no canonical offset.
    expect(source.toCanonicalUtf16(raw.indexOf('\r') + 1)).toBeUndefined();
    expect(source.toCanonicalUtf16(raw.indexOf('\u0653'))).toBeUndefined();
    expect(source.changes.join('; ')).toMatch(/byte-order mark.*2 \\r\\n.*1 character sequence/);
  });

  it('agrees with canonicalizing each prefix, for random texts', () => {
    fc.assert(
      fc.property(fc.array(rawUnit, { maxLength: 30 }), (units) => {
        const raw = units.join('');
        const source = canonicalizeSource(raw);
        expect(source.text).toBe(canonicalizeText(raw));
        let offset = 0;
        for (const unit of units) {
          offset += unit.length;
          const mapped = source.toCanonicalUtf16(offset);
          if (mapped !== undefined) expect(source.text.slice(0, mapped)).toBe(canonicalizeText(raw.slice(0, offset)));
        }
        expect(source.toCanonicalUtf16(raw.length)).toBe(source.text.length);
      }),
    );
  });
});
