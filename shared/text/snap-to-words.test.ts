// Snapping a selection to whole words, as an annotator dragging over real article text sees it:
// partial words grow, edge whitespace goes, quotes stay only when touched, paragraphs are respected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeText } from './canonical-text';
import { OffsetMap } from './offset-map';
import { snapRangeToWords } from './snap-to-words';
import { ARABIC_TEST_PIECES, offsetOf } from './test-support/arabic-test-pieces';
import alhayatRaw from '../../../shared/fixtures/ud-arabic-padt-alhayat.20010207.0075-ar.txt?raw';
import pentagonRaw from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';

const alhayat = canonicalizeText(alhayatRaw);
const pentagon = canonicalizeText(pentagonRaw);

/** Snaps text[from, to) where from/to are given as (phrase, offset inside it) and returns the covered text. */
function snapped(text: string, startUtf16: number, endUtf16: number): string {
  const r = snapRangeToWords(text, startUtf16, endUtf16);
  return text.slice(r.startUtf16, r.endUtf16);
}

describe('snapRangeToWords on real articles', () => {
  it('snaps a selection inside one word to that word, diacritics and tatweel included', () => {
    const koshh = offsetOf(alhayat, 'الكُشح');
    expect(snapped(alhayat, koshh + 2, koshh + 3)).toBe('الكُشح'); // just the ك, not its damma
    const qadiyya = offsetOf(alhayat, 'قضـــية');
    expect(snapped(alhayat, qadiyya + 3, qadiyya + 4)).toBe('قضـــية'); // inside the tatweel
    expect(snapped(alhayat, qadiyya + 1, qadiyya + 1)).toBe('قضـــية'); // a caret inside the word
  });

  it('grows partial words at both ends of a multi-word selection', () => {
    const at = offsetOf(pentagon, 'وزير الدفاع الأميركي');
    expect(snapped(pentagon, at + 2, at + 'وزير الدفاع الأم'.length)).toBe('وزير الدفاع الأميركي');
  });

  it('keeps digits with their words: «في 17 أكتوبر» and the time «12:21»', () => {
    const at = offsetOf(pentagon, 'في 17 أكتوبر');
    expect(snapped(pentagon, at + 'في 1'.length, at + 'في 17 أك'.length)).toBe('17 أكتوبر');
    const time = offsetOf(pentagon, '12:21');
    expect(snapped(pentagon, time + 1, time + 2)).toBe('12:21');
    expect(snapped(pentagon, time + 3, time + 4)).toBe('12:21');
  });

  it('drops whitespace and untouched punctuation at the edges', () => {
    const at = offsetOf(pentagon, 'لويد أوستن، في');
    expect(snapped(pentagon, at - 1, at + 'لويد أوستن'.length)).toBe('لويد أوستن'); // space before
    expect(snapped(pentagon, at + 1, at + 'لويد أوس'.length)).toBe('لويد أوستن'); // comma not added
    expect(snapped(pentagon, at, at + 'لويد أوستن، '.length)).toBe('لويد أوستن،'); // touched comma kept
  });

  it('keeps quotes that were selected or sit inside, and never adds others', () => {
    const at = offsetOf(pentagon, '"البنتاغون"،');
    expect(snapped(pentagon, at + 3, at + 5)).toBe('البنتاغون');
    expect(snapped(pentagon, at, at + 4)).toBe('"البنتاغون'); // the closing quote was not touched
    expect(snapped(pentagon, at, at + '"البنتاغون"'.length)).toBe('"البنتاغون"');
    const quoted = offsetOf(pentagon, 'إن "الضربات الدقيقة');
    expect(snapped(pentagon, quoted + 1, quoted + 'إن "الضر'.length)).toBe('إن "الضربات');
    const hayat = offsetOf(alhayat, 'لـ»الحياة«');
    expect(snapped(alhayat, hayat + 4, hayat + 5)).toBe('الحياة');
  });

  it('handles Latin runs inside Arabic text', () => {
    const text = 'نقلت قناة Alhurra الأميركية';
    expect(snapped(text, text.indexOf('hur'), text.indexOf('hur') + 3)).toBe('Alhurra');
    expect(snapped(text, text.indexOf('اة A') + 1, text.indexOf('Alh') + 1)).toBe('قناة Alhurra');
  });

  it('counts offsets in UTF-16 after an emoji and never splits one', () => {
    const text = `😀${pentagon.slice(0, 200)}`;
    const plain = snapRangeToWords(pentagon, 3, 5);
    expect(snapRangeToWords(text, 5, 7)).toEqual({ startUtf16: plain.startUtf16 + 2, endUtf16: plain.endUtf16 + 2 });
    expect(snapped('قال 👨‍👩‍👧 هنا', 5, 6)).toBe('👨‍👩‍👧');
  });

  it('never reaches into a paragraph the selection did not cover', () => {
    const lineEnd = pentagon.indexOf('\n', offsetOf(pentagon, 'مراسلة الحرة.'));
    expect(snapped(pentagon, lineEnd - 3, lineEnd + 1)).toBe('الحرة.');
    const next = snapRangeToWords(pentagon, lineEnd - 3, lineEnd + 3);
    expect(pentagon.slice(next.startUtf16, next.endUtf16)).toBe(`الحرة.\n${pentagon.slice(lineEnd + 1, next.endUtf16)}`);
    expect(pentagon.slice(lineEnd + 1, next.endUtf16)).toMatch(/^\p{L}+$/u);
  });

  it('in a long paragraph, segments only around the selection yet agrees with segmenting it all', () => {
    const flat = `😀${pentagon.replace(/\n/g, ' ')}`.repeat(3);
    const segments = [...new Intl.Segmenter('ar', { granularity: 'word' }).segment(flat)];
    const boundaries = new Set([...segments.map((s) => s.index), flat.length]);
    fc.assert(
      fc.property(fc.nat(flat.length - 40), fc.integer({ min: 1, max: 40 }), (lo, width) => {
        const hi = lo + width;
        const r = snapRangeToWords(flat, lo, hi);
        expect(boundaries.has(r.startUtf16) && boundaries.has(r.endUtf16)).toBe(true);
        for (const s of segments) {
          const touched = s.isWordLike && s.index < hi && s.index + s.segment.length > lo;
          if (touched) expect(r.startUtf16 <= s.index && s.index + s.segment.length <= r.endUtf16).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns a whitespace-only selection unchanged (nothing to snap to)', () => {
    expect(snapRangeToWords('قال  هنا', 3, 5)).toEqual({ startUtf16: 3, endUtf16: 5 });
  });

  it('stays fast on a 200,000-character document, also without line breaks', () => {
    const big = `${pentagon}\n`.repeat(Math.ceil(200_000 / pentagon.length)).slice(0, 200_000);
    const flat = big.replace(/\n/g, ' ');
    const t0 = Date.now();
    for (let i = 0; i < 500; i++) {
      snapRangeToWords(big, i * 397, i * 397 + 9);
      snapRangeToWords(flat, i * 397, i * 397 + 9);
    }
    expect(Date.now() - t0).toBeLessThan(2000); // segmenting whole 200,000-character texts would take ~100 s
  });
});

describe('snapRangeToWords properties', () => {
  const textAndRange = fc
    .array(fc.constantFrom(...ARABIC_TEST_PIECES), { minLength: 1, maxLength: 40 })
    .map((parts) => parts.join('').normalize('NFC'))
    .chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)));
  const segmenter = new Intl.Segmenter('ar', { granularity: 'word' });
  /** Whitespace and invisible format characters (ZWNJ, bidi marks), which snapping drops at the edges. */
  const BLANK_CHARS = '\\s\\u200b-\\u200f\\u2066-\\u2069\\u202a-\\u202e\\u061c\\ufeff';
  const BLANK = new RegExp(`[${BLANK_CHARS}]`, 'u');
  // Invisible format characters attached to a word (its segment) may end a result; spaces may not.
  const BLANK_EDGE = new RegExp(`^[${BLANK_CHARS}]+(?![${BLANK_CHARS}\\p{M}])|\\s$`, 'u');

  it('is idempotent, contains the selection (less edge whitespace), never splits a word or a surrogate pair', () => {
    fc.assert(
      fc.property(textAndRange, ([text, a, b]) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const r = snapRangeToWords(text, lo, hi);
        expect(snapRangeToWords(text, r.startUtf16, r.endUtf16)).toEqual(r);

        const offsets = new OffsetMap(text);
        expect(offsets.isBoundaryUtf16(r.startUtf16) && offsets.isBoundaryUtf16(r.endUtf16)).toBe(true);

        let coreStart = lo;
        let coreEnd = hi;
        while (coreStart < coreEnd && BLANK.test(text[coreStart]!)) coreStart++;
        while (coreEnd > coreStart && BLANK.test(text[coreEnd - 1]!)) coreEnd--;
        if (coreStart < coreEnd) {
          expect(r.startUtf16).toBeLessThanOrEqual(coreStart);
          expect(r.endUtf16).toBeGreaterThanOrEqual(coreEnd);
          // (a space carrying a stray combining mark is one grapheme, kept whole as a symbol)
          expect(text.slice(r.startUtf16, r.endUtf16)).not.toMatch(BLANK_EDGE);
        }

        // Result edges are word-segment boundaries: no word, grapheme or emoji sequence is cut.
        if (coreStart < coreEnd) {
          const boundaries = new Set([...segmenter.segment(text)].map((s) => s.index));
          boundaries.add(text.length);
          expect(boundaries.has(r.startUtf16) && boundaries.has(r.endUtf16)).toBe(true);
        }

        // No paragraph is entered that the selection did not touch.
        const before = lo === 0 ? -1 : text.lastIndexOf('\n', lo - 1);
        const after = text.indexOf('\n', hi);
        expect(r.startUtf16).toBeGreaterThan(before);
        if (after >= 0) expect(r.endUtf16).toBeLessThanOrEqual(after);
      }),
      { numRuns: 500 },
    );
  });
});
