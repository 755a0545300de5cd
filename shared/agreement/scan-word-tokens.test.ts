// The fast word scanner must give exactly the tokens of Intl.Segmenter: on real articles, for every
// character it classifies (in every context that matters to UAX #29), and on random mixed text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanWordTokensUtf16, WORD_BREAK_CLASS, wordBreakClasses } from './scan-word-tokens';
import { segmenterWordTokensUtf16, wordTokensUtf16, type WordTokens } from './token-coding';

// Real Arabic news articles (repoRoot/../shared/fixtures), imported as text so the test needs no Node API.
import pentagon from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';
import alhayat1 from '../../../shared/fixtures/ud-arabic-padt-alhayat.20010204.0082-ar.txt?raw';
import alhayat2 from '../../../shared/fixtures/ud-arabic-padt-alhayat.20010207.0075-ar.txt?raw';
import assabah1 from '../../../shared/fixtures/ud-arabic-padt-assabah.20041005.0017-ar.txt?raw';
import assabah2 from '../../../shared/fixtures/ud-arabic-padt-assabah.20041013.0022-ar.txt?raw';

function asPairs(tokens: WordTokens): [number, number][] {
  return Array.from({ length: tokens.count }, (_, i) => [tokens.startsUtf16[i]!, tokens.endsUtf16[i]!]);
}

function expectSameTokens(text: string, locale = 'ar'): void {
  expect(asPairs(wordTokensUtf16(text, locale)), JSON.stringify(text)).toEqual(asPairs(segmenterWordTokensUtf16(text, locale)));
}

/** The texts (of many) on which the scanner and the segmenter differ; one expect for all, so the test stays fast. */
function differing(texts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const text of texts) if (JSON.stringify(asPairs(wordTokensUtf16(text))) !== JSON.stringify(asPairs(segmenterWordTokensUtf16(text)))) out.push(text);
  return out;
}

// Characters of every class and a few the scanner leaves to the segmenter (Hebrew, emoji, CJK, Thai, "_", CR).
const ALPHABET = [
  ...'بتجحدرسعفقكلمنهويءأإآؤئةىـ',
  ...'azAZ09٠٩۰۹',
  ' ',
  '\n',
  ...'.,:;\'"،؛؟!()«»-_/@#%&*٫٬۔',
  '\u064b',
  '\u0651',
  '\u0670',
  '\u06dd',
  '\u0600',
  '\u00ad',
  '\u00a0',
  '\t',
  '\r',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200f',
  '\u061c',
  '\u2019',
  '\u2066',
  '\ufe0f',
  '\u0301',
  'א',
  '😀',
  '👍🏽',
  '🇸🇦',
  'ア',
  '中文',
  'ไทย',
];

describe('wordTokensUtf16 (scanner) equals Intl.Segmenter', () => {
  it('on real Arabic articles, and on them run together', () => {
    const articles = [pentagon, alhayat1, alhayat2, assabah1, assabah2].map((text) => text.normalize('NFC'));
    for (const text of articles) expectSameTokens(text);
    expectSameTokens(articles.join('\n'));
    expect(wordTokensUtf16(pentagon.normalize('NFC')).count).toBeGreaterThan(500);
  });

  it('for every character it classifies, between letters, digits, spaces and marks', () => {
    const classes = wordBreakClasses();
    const contexts = ['ب', 'a', '1', '٣', ' ', '.', '\u064e', '(', '_', ''];
    const texts: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (classes[unit] === WORD_BREAK_CLASS.OTHER) continue;
      const ch = String.fromCharCode(unit);
      for (const before of contexts) for (const after of contexts) texts.push(`${before}${ch}${after} ${ch}${before}${ch}`);
    }
    expect(texts.length).toBeGreaterThan(50_000);
    expect(differing(texts)).toEqual([]);
  });

  it('on random text mixing every class with what it leaves to the segmenter', () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => expectSameTokens(t)),
      { numRuns: 5000 },
    );
  });

  it('for other locales too', () => {
    for (const locale of ['en', 'fa', 'fi', 'en-US-u-va-posix']) expectSameTokens('قال: «نعم» a.b, 3.5، well-known c:d e\'f ۱۲٫۵ می‌خواهم', locale);
  });

  it('hands the segmenter a stretch it cannot judge without losing the words before it', () => {
    const tokens = wordTokensUtf16('قال الوزير a.b و 😀 انتهى');
    expect(tokens.count).toBe(5);
    expectSameTokens('قال الوزير a.b و \u064eب انتهى');
  });

  it('hands each character to the segmenter at most once, however many chunks it cannot judge', () => {
    // Hebrew words (left to the segmenter) and words that start with a mark (which may belong to the space before).
    for (const word of ['שלום', '\u064eكتب', 'a.b']) {
      const text = Array.from({ length: 5000 }, () => word).join(' ');
      let handedOver = 0;
      const tokens: number[] = [];
      scanWordTokensUtf16(text, { push: (start) => tokens.push(start), dropFrom: (start) => void tokens.splice(tokens.findIndex((t) => t >= start) >>> 0) }, (start, end) => {
        handedOver += end - start;
      });
      expect(handedOver).toBeGreaterThan(0);
      expect(handedOver).toBeLessThanOrEqual(text.length);
    }
    expectSameTokens(Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? 'قال' : i % 3 === 1 ? '\u064eكتب' : 'שלום')).join(' '));
  });
});
