// Excluding attached particles from a speaker/source span, on words of the real articles: the
// clitic goes, root letters stay, and only the start of the span ever moves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeText } from './canonical-text';
import { ArabicSearchIndex } from './find-arabic';
import { excludeLeadingClitics } from './strip-clitics';
import { offsetOf } from './test-support/arabic-test-pieces';
import alhayatRaw from '../../../shared/fixtures/ud-arabic-padt-alhayat.20010207.0075-ar.txt?raw';
import assabahRaw from '../../../shared/fixtures/ud-arabic-padt-assabah.20041020.0001-ar.txt?raw';
import pentagonRaw from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';

const pentagon = canonicalizeText(pentagonRaw);
const alhayat = canonicalizeText(alhayatRaw);
const assabah = canonicalizeText(assabahRaw);

/** Applies the action to the span covering `phrase` (its first occurrence, or the n-th) and returns the span's text. */
function exclude(text: string, phrase: string, options: { article?: boolean } = {}, occurrence = 0): string {
  const start = offsetOf(text, phrase, occurrence);
  const r = excludeLeadingClitics(text, start, start + phrase.length, options);
  expect(r.endUtf16).toBe(start + phrase.length);
  return text.slice(r.startUtf16, r.endUtf16);
}

describe('excludeLeadingClitics on real articles', () => {
  it('removes و before the article, keeping or removing the article on request', () => {
    expect(exclude(pentagon, 'والدفاع عن قواتنا')).toBe('الدفاع عن قواتنا');
    expect(exclude(pentagon, 'والدفاع عن قواتنا', { article: true })).toBe('دفاع عن قواتنا');
    expect(exclude(pentagon, 'والعراق')).toBe('العراق');
  });

  it('removes ب before the article («بالمنطقة»), but not the root letters of «بالغة»', () => {
    expect(exclude(pentagon, 'بالمنطقة')).toBe('المنطقة');
    expect(exclude(pentagon, 'بالمنطقة', { article: true })).toBe('منطقة');
    expect(exclude(assabah, 'بالغة')).toBe('بالغة');
  });

  it('removes ل with its fused article: «للحرس الثوري» → «حرس الثوري» in both modes', () => {
    expect(exclude(pentagon, 'للحرس الثوري')).toBe('حرس الثوري');
    expect(exclude(pentagon, 'للحرس الثوري', { article: true })).toBe('حرس الثوري');
  });

  it('removes a preposition before a word the article uses elsewhere: «لمنشأتين» → «منشأتين»', () => {
    expect(exclude(pentagon, 'لمنشأتين')).toBe('منشأتين');
  });

  it('removes و before a verb or noun attested in the article: «وقال» → «قال»', () => {
    expect(exclude(pentagon, 'وقال وزير الدفاع')).toBe('قال وزير الدفاع');
  });

  it('keeps root letters: «وزارة», «لويد», «واشنطن», «كتائب», «وكلاء»', () => {
    for (const word of ['وزارة الدفاع', 'لويد أوستن', 'واشنطن', 'كان', 'كبيرة', 'كتائب', 'وكلاء إيران', 'بين إسرائيل']) {
      expect(exclude(pentagon, word)).toBe(word);
      expect(exclude(pentagon, word, { article: true })).toBe(word);
    }
  });

  it('handles tatweel and diacritics in the first word («بـ"نوبة», «اتهــم», a vocalized «وَبِالحَرَسِ»)', () => {
    const text = `${pentagon}\nوَبِالحَرَسِ الثوري. بـالحرس. والبنتاغون. ولويد`;
    expect(exclude(text, 'والبنتاغون')).toBe('البنتاغون');
    expect(exclude(text, 'والبنتاغون', { article: true })).toBe('بنتاغون');
    expect(exclude(text, 'ولويد')).toBe('لويد');
    expect(exclude(text, 'وَبِالحَرَسِ الثوري')).toBe('الحَرَسِ الثوري');
    expect(exclude(text, 'وَبِالحَرَسِ الثوري', { article: true })).toBe('حَرَسِ الثوري');
    expect(exclude(text, 'بـالحرس')).toBe('الحرس');
    expect(exclude(alhayat, 'اتهــم')).toBe('اتهــم');
  });

  it('keeps relative pronouns and «الله» whole, after removing a real و', () => {
    expect(exclude(pentagon, 'والتي', { article: true })).toBe('التي');
    expect(exclude('قال إن الله وبالله', 'بالله', { article: true })).toBe('الله');
  });

  it('leaves an empty or out-of-range span unchanged', () => {
    expect(excludeLeadingClitics('والبنتاغون', 3, 3)).toEqual({ startUtf16: 3, endUtf16: 3 });
    expect(excludeLeadingClitics('والبنتاغون', -1, 4)).toEqual({ startUtf16: -1, endUtf16: 4 });
  });

  it('leaves a span that does not start with an Arabic letter unchanged', () => {
    expect(exclude(pentagon, '"البنتاغون"')).toBe('"البنتاغون"');
    expect(exclude(pentagon, '12:21')).toBe('12:21');
    expect(exclude(`😀${pentagon}`, '😀')).toBe('😀');
  });
});

describe('excludeLeadingClitics with a document-wide index', () => {
  it('uses the given index and needs attestation for a bare preposition: «لوزارة» → «وزارة»', () => {
    const text = 'قال مصدر لوزارة الخارجية إن لويد وصل. ولبنان بلد.';
    const index = new ArabicSearchIndex(text);
    expect(exclude(text, 'لوزارة', {})).toBe('وزارة'); // «وزارة» is a frequent attribution head
    expect(exclude(text, 'لويد')).toBe('لويد');
    const at = offsetOf(text, 'ولبنان');
    const r = excludeLeadingClitics(text, at, at + 'ولبنان'.length, { searchIndex: index });
    expect(text.slice(r.startUtf16, r.endUtf16)).toBe('ولبنان'); // «لبنان» never occurs alone here
    const attested = `${text} زار لبنان.`;
    expect(exclude(attested, 'ولبنان')).toBe('لبنان');
    expect(exclude(`${attested} للبنان`, 'للبنان')).toBe('لبنان');
  });

  it('only ever moves the start forward inside the first word, never the end', () => {
    const words = pentagon.split(/[\s"«»،.:]+/u).filter((w) => w !== '');
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.boolean(), (word, article) => {
        const start = offsetOf(pentagon, word);
        const end = start + word.length;
        const r = excludeLeadingClitics(pentagon, start, end, { article });
        expect(r.endUtf16).toBe(end);
        expect(r.startUtf16).toBeGreaterThanOrEqual(start);
        const removed = pentagon.slice(start, r.startUtf16).replace(/[\u064b-\u065f\u0640]/gu, '');
        expect(removed).toMatch(/^[وف]?[بلك]?(ال|ل)?$/u);
        if (r.startUtf16 > start) {
          expect(pentagon.slice(r.startUtf16, end).replace(/[\u064b-\u065f\u0640]/gu, '').length).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
