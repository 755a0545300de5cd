// The matching form must make spellings an annotator considers "the same word" equal, on real
// article text, and its map must point every normalized unit back to whole original characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeText } from './canonical-text';
import { normalizeArabicForMatch, normalizeArabicWithMap } from './normalize-arabic';
import { OffsetMap } from './offset-map';
import { ARABIC_TEST_PIECES, offsetOf } from './test-support/arabic-test-pieces';
import alhayatRaw from '../../../shared/fixtures/ud-arabic-padt-alhayat.20010207.0075-ar.txt?raw';
import pentagonRaw from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';

const alhayat = canonicalizeText(alhayatRaw);
const pentagon = canonicalizeText(pentagonRaw);
const mixedText = fc.array(fc.constantFrom(...ARABIC_TEST_PIECES), { maxLength: 40 }).map((p) => p.join('').normalize('NFC'));

describe('normalizeArabicForMatch', () => {
  it('ignores diacritics and tatweel in the fixture words «الكُشح» and «قضـــية»', () => {
    const koshh = alhayat.slice(offsetOf(alhayat, 'الكُشح'), offsetOf(alhayat, 'الكُشح') + 'الكُشح'.length);
    expect(normalizeArabicForMatch(koshh)).toBe('الكشح');
    expect(normalizeArabicForMatch('قضـــية')).toBe(normalizeArabicForMatch('قضية'));
    expect(normalizeArabicForMatch('مـــسلماً')).toBe('مسلما');
    expect(normalizeArabicForMatch('تسلّل')).toBe('تسلل');
    expect(normalizeArabicForMatch('مُحَمَّدٌ')).toBe('محمد');
  });

  it('folds alef, ya, ta marbuta and hamza-seat variants', () => {
    expect(normalizeArabicForMatch('أعلنت إيران آخر ٱلأمر')).toBe('اعلنت ايران اخر الامر');
    expect(normalizeArabicForMatch('على')).toBe(normalizeArabicForMatch('علي'));
    expect(normalizeArabicForMatch('وزارة')).toBe(normalizeArabicForMatch('وزاره'));
    expect(normalizeArabicForMatch('مسؤول')).toBe('مسوول');
    expect(normalizeArabicForMatch('رئيس')).toBe('رييس');
    expect(normalizeArabicForMatch('کتاب ی')).toBe('كتاب ي');
  });

  it('treats a decomposed hamza like the composed letter', () => {
    expect(normalizeArabicForMatch('ا\u0654علن')).toBe(normalizeArabicForMatch('أعلن'));
    expect(normalizeArabicForMatch('و\u0654')).toBe(normalizeArabicForMatch('ؤ'));
  });

  it('keeps distinctions that are not spelling variants', () => {
    expect(normalizeArabicForMatch('ء')).toBe('ء');
    expect(normalizeArabicForMatch('قالت')).not.toBe(normalizeArabicForMatch('قالة'));
    expect(normalizeArabicForMatch('سوريا')).not.toBe(normalizeArabicForMatch('سوريه'));
  });

  it('maps Arabic-Indic and Eastern Arabic-Indic digits to ASCII', () => {
    expect(normalizeArabicForMatch('١٢:٢١')).toBe('12:21');
    expect(normalizeArabicForMatch('۱۷ أكتوبر')).toBe('17 اكتوبر');
    expect(normalizeArabicForMatch('١٢٫٥٪')).toBe('12.5%');
  });

  it('lowercases Latin, unfolds presentation forms and collapses whitespace', () => {
    expect(normalizeArabicForMatch('  ALHURRA\u00a0 \n\tAlhurra ')).toBe('alhurra alhurra');
    expect(normalizeArabicForMatch('ﻻ ﷲ ＡＢ')).toBe('لا الله ab');
    expect(normalizeArabicForMatch('ال\u200cحرة\u200f')).toBe('الحره');
  });

  it('normalizes the pentagon article so that «الأميركية» and «الاميركيه» agree', () => {
    const normalized = normalizeArabicForMatch(pentagon);
    expect(normalized).toContain(normalizeArabicForMatch('الاميركيه'));
    expect(normalized).not.toMatch(/[\u064b-\u065f\u0640]/u);
    expect(normalized).not.toMatch(/\s\s/u);
  });

  it('is idempotent on mixed Arabic text', () => {
    fc.assert(fc.property(mixedText, (text) => normalizeArabicForMatch(normalizeArabicForMatch(text)) === normalizeArabicForMatch(text)));
  });
});

describe('normalizeArabicWithMap', () => {
  it('maps a letter together with its diacritics, and an emoji to both of its UTF-16 units', () => {
    const text = '😀قُال';
    const { normalized, sourceStartUtf16, sourceEndUtf16 } = normalizeArabicWithMap(text);
    expect(normalized).toBe('😀قال');
    expect([...sourceStartUtf16]).toEqual([0, 0, 2, 4, 5]);
    expect([...sourceEndUtf16]).toEqual([2, 2, 4, 5, 6]); // ق covers its damma (2..4)
  });

  it('maps a collapsed whitespace run to the whole run, and tatweel to nothing', () => {
    const { normalized, sourceStartUtf16, sourceEndUtf16 } = normalizeArabicWithMap('قضـــية \n ب');
    expect(normalized).toBe('قضيه ب');
    expect(sourceStartUtf16[2]).toBe(5); // ي comes after the three tatweels
    expect([sourceStartUtf16[4], sourceEndUtf16[4]]).toEqual([7, 10]);
  });

  it('agrees with normalizeArabicForMatch, and every unit maps to whole characters in order', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const { normalized, sourceStartUtf16, sourceEndUtf16 } = normalizeArabicWithMap(text);
        expect(normalized.trim()).toBe(normalizeArabicForMatch(text));
        expect(sourceStartUtf16.length).toBe(normalized.length);
        const offsets = new OffsetMap(text);
        for (let i = 0; i < normalized.length; i++) {
          const start = sourceStartUtf16[i]!;
          const end = sourceEndUtf16[i]!;
          expect(start).toBeLessThan(end);
          expect(offsets.isBoundaryUtf16(start) && offsets.isBoundaryUtf16(end)).toBe(true);
          if (i > 0) expect(start).toBeGreaterThanOrEqual(sourceStartUtf16[i - 1]!);
        }
      }),
    );
  });
});
