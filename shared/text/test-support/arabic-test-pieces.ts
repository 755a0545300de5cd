// Test support for the Arabic text helpers: pieces from which property tests build random mixed
// Arabic text, and a way to locate a word in a fixture that fails loudly when the fixture changes.

/** Letters (with hamza and ya/ta-marbuta variants), marks, tatweel, digits, Latin, quotes, emoji, breaks. */
export const ARABIC_TEST_PIECES: readonly string[] = [
  'ا', 'أ', 'إ', 'آ', 'ٱ', 'ب', 'ت', 'ة', 'ه', 'ى', 'ي', 'ئ', 'ؤ', 'و', 'ل', 'ك', 'ف', 'م', 'ن', 'ع', 'ء', 'ش', 'ح',
  '\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b', '\u0670', '\u0654', 'ـ',
  '0', '1', '7', '٠', '١', '٧', '۷', ':', '.', '،', ',', 'A', 'l', 'h', 'u', 'r', 'x',
  ' ', ' ', ' ', '  ', '\n', '\u00a0', '\u200c', '«', '»', '"', '(', ')', 'ﻻ', '😀', '👨‍👩‍👧', '🇸🇾',
  'قال', 'وزارة', 'والبنتاغون', 'بالحرس', 'الكُشح', 'قضـــية', 'في 17 أكتوبر', '12:21', 'Alhurra',
];

/** UTF-16 start of the n-th occurrence (0-based) of `needle` in `text`. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`«${needle}» occurs fewer than ${occurrence + 1} times`);
  }
  return at;
}
