// Find in the article: what an annotator types must find the spellings in the fixtures, and each
// hit must highlight exactly the original characters (diacritics included, emoji never split).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeText } from './canonical-text';
import { ArabicSearchIndex, findAllArabic } from './find-arabic';
import { normalizeArabicForMatch } from './normalize-arabic';
import { OffsetMap } from './offset-map';
import { ARABIC_TEST_PIECES, offsetOf } from './test-support/arabic-test-pieces';
import alhayatRaw from '../../../shared/fixtures/ud-arabic-padt-alhayat.20010207.0075-ar.txt?raw';
import pentagonRaw from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';

const alhayat = canonicalizeText(alhayatRaw);
const pentagon = canonicalizeText(pentagonRaw);
const covered = (text: string, hits: { startUtf16: number; endUtf16: number }[]): string[] =>
  hits.map((h) => text.slice(h.startUtf16, h.endUtf16));

describe('findAllArabic on real articles', () => {
  it('finds «الكُشح» and «قضـــية» typed without diacritics or tatweel, at their exact offsets', () => {
    const koshh = findAllArabic(alhayat, 'الكشح');
    expect(covered(alhayat, koshh)).toContain('الكُشح');
    const at = offsetOf(alhayat, 'الكُشح');
    expect(koshh).toContainEqual({ startUtf16: at, endUtf16: at + 'الكُشح'.length });
    expect(covered(alhayat, findAllArabic(alhayat, 'قضية'))).toContain('قضـــية');
  });

  it('finds hamza and ta-marbuta variants typed loosely', () => {
    expect(covered(pentagon, findAllArabic(pentagon, 'الاميركيه')).length).toBeGreaterThan(3);
    expect(covered(pentagon, findAllArabic(pentagon, 'الاميركيه'))).toContain('الأميركية');
    expect(covered(pentagon, findAllArabic(pentagon, 'ايران'))[0]).toBe('إيران');
  });

  it('finds digits typed in Arabic-Indic form', () => {
    expect(covered(pentagon, findAllArabic(pentagon, '١٢:٢١'))).toEqual(['12:21']);
    expect(covered(pentagon, findAllArabic(pentagon, '١٧ اكتوبر'))).toEqual(['17 أكتوبر']);
  });

  it('whole-word mode skips words with attached clitics', () => {
    const anywhere = covered(pentagon, findAllArabic(pentagon, 'الدفاع'));
    const whole = covered(pentagon, findAllArabic(pentagon, 'الدفاع', { wholeWord: true }));
    expect(anywhere.length).toBeGreaterThan(whole.length); // «والدفاع» only in the first list
    expect(whole.length).toBeGreaterThan(0);
    for (const hit of findAllArabic(pentagon, 'الدفاع', { wholeWord: true })) {
      expect(pentagon[hit.startUtf16 - 1]).not.toMatch(/\p{L}/u);
      expect(pentagon[hit.endUtf16] ?? ' ').not.toMatch(/\p{L}/u);
    }
  });

  it('shifts every hit by two UTF-16 units when an emoji precedes the article', () => {
    const plain = findAllArabic(pentagon, 'البنتاغون');
    const withEmoji = findAllArabic(`😀${pentagon}`, 'البنتاغون');
    expect(plain.length).toBeGreaterThan(0);
    expect(withEmoji).toEqual(plain.map((h) => ({ startUtf16: h.startUtf16 + 2, endUtf16: h.endUtf16 + 2 })));
  });
});

describe('findAllArabic edge cases', () => {
  it('covers trailing diacritics of the last letter', () => {
    expect(covered('في قضيةٍ أخرى', findAllArabic('في قضيةٍ أخرى', 'قضية'))).toEqual(['قضيةٍ']);
  });

  it('matches Latin case-insensitively inside Arabic text', () => {
    const text = 'قالت قناة Alhurra إن ALHURRA';
    expect(covered(text, findAllArabic(text, 'alhurra'))).toEqual(['Alhurra', 'ALHURRA']);
  });

  it('never splits an emoji or a ligature', () => {
    expect(findAllArabic('😀 x', '\ud83d')).toEqual([]);
    expect(findAllArabic('ﻻ بأس', 'ل')).toEqual([]);
    expect(covered('ﻻ بأس', findAllArabic('ﻻ بأس', 'لا'))).toEqual(['ﻻ']);
  });

  it('returns non-overlapping hits and nothing for an empty query', () => {
    expect(findAllArabic('ااااا', 'اا')).toEqual([{ startUtf16: 0, endUtf16: 2 }, { startUtf16: 2, endUtf16: 4 }]);
    expect(findAllArabic('قال', '  ')).toEqual([]);
    expect(findAllArabic('قال', 'ً')).toEqual([]);
  });

  it('searches a 200,000-character article quickly once indexed', () => {
    const big = `${pentagon}\n`.repeat(Math.ceil(200_000 / pentagon.length)).slice(0, 200_000);
    const t0 = Date.now();
    const index = new ArabicSearchIndex(big);
    const built = Date.now() - t0;
    let total = 0;
    for (const query of ['البنتاغون', 'الاميركيه', 'ايران', 'قال', '12:21', 'حماس', 'سوريا', 'وزارة الدفاع']) {
      total += index.find(query).length;
    }
    const searched = Date.now() - t0 - built;
    expect(total).toBeGreaterThan(1000);
    expect(built).toBeLessThan(1500);
    expect(searched).toBeLessThan(500);
  });
});

describe('findAllArabic properties', () => {
  const textAndQuery = fc
    .array(fc.constantFrom(...ARABIC_TEST_PIECES), { minLength: 1, maxLength: 40 })
    .map((parts) => parts.join('').normalize('NFC'))
    .chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)));

  it('every hit covers whole characters whose normalized form equals the normalized query', () => {
    fc.assert(
      fc.property(textAndQuery, fc.boolean(), ([text, a, b], wholeWord) => {
        const query = text.slice(Math.min(a, b), Math.max(a, b));
        const offsets = new OffsetMap(text);
        const hits = findAllArabic(text, query, { wholeWord });
        let previousEnd = 0;
        for (const hit of hits) {
          expect(offsets.isBoundaryUtf16(hit.startUtf16) && offsets.isBoundaryUtf16(hit.endUtf16)).toBe(true);
          expect(hit.startUtf16).toBeGreaterThanOrEqual(previousEnd);
          expect(normalizeArabicForMatch(text.slice(hit.startUtf16, hit.endUtf16))).toBe(normalizeArabicForMatch(query));
          previousEnd = hit.endUtf16;
        }
        // A query cut from the text on character boundaries is always found (maybe earlier).
        if (!wholeWord && normalizeArabicForMatch(query) !== '' && offsets.isBoundaryUtf16(Math.min(a, b)) && offsets.isBoundaryUtf16(Math.max(a, b))) {
          expect(hits.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
