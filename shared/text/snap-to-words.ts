// Snaps a selection to whole words with Intl.Segmenter('ar', word), as the annotator UI does by
// default (holding Alt keeps the exact characters). Only the paragraph(s) the selection touches are
// segmented (and only ~512 characters around the selection in a long paragraph), so the cost does not
// grow with the document.
//
// Rules, in order:
// 1. A selection is made of "tokens": word-like segments (Arabic words with their diacritics and
//    tatweel, Latin runs such as «Alhurra», numbers such as «17», «3.5», «١٢٫٥») and every other
//    non-whitespace segment (one punctuation mark, quote, bracket, emoji sequence). Every token the
//    selection touches is included whole, so a word, a grapheme or a surrogate pair is never split,
//    and a selection inside one word becomes that word.
// 2. Whitespace at either end of the result is dropped (a span never starts or ends with a space or
//    a line break); whitespace inside stays. (A space carrying a stray combining mark is one grapheme
//    and counts as a symbol: it is not split.) Nothing the user did not touch is added, so punctuation
//    and quotes next to the selection are never pulled in.
// 3. Quotes and brackets (« » " “ ” ( ) …) are ordinary tokens: kept when the selection touches them
//    or when they sit inside it, never added otherwise, even when their partner was selected
//    (the annotator decides whether a claim span includes its quotation marks).
// 4. Digit groups joined by ':' '/' '.' ',' '٫' '٬' (times «12:21», dates «2001/02/07») count as one token,
//    which the segmenter would otherwise split at ':' and '/'.
// 5. Paragraphs are separated by '\n', which is whitespace: a result never reaches into a paragraph
//    the selection did not already cover.
// A collapsed selection (start = end) inside a word becomes that word; elsewhere it stays collapsed.
// A selection of whitespace only has nothing to snap to and is returned unchanged.
// Consequence: the result contains the input range except for whitespace dropped at its ends.
import type { TextRangeUtf16 } from './text-range';

let segmenter: Intl.Segmenter | undefined;

function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('ar', { granularity: 'word' });
  return segmenter;
}

interface Token {
  startUtf16: number;
  endUtf16: number;
  whitespace: boolean;
  numeric: boolean;
}

const WHITESPACE_ONLY = /^[\s\u200b-\u200f\u2066-\u2069\u202a-\u202e\u061c\ufeff]+$/u;
const NUMBER = /^[\p{Nd}]+([.,٫٬][\p{Nd}]+)*$/u;
const NUMBER_JOINERS = new Set([':', '/', '.', ',', '٫', '٬']);

export function snapRangeToWords(text: string, startUtf16: number, endUtf16: number): TextRangeUtf16 {
  const lo = clamp(Math.min(startUtf16, endUtf16), text.length);
  const hi = clamp(Math.max(startUtf16, endUtf16), text.length);
  const paragraphStartUtf16 = lo === 0 ? 0 : text.lastIndexOf('\n', lo - 1) + 1;
  const newlineAfter = text.indexOf('\n', hi);
  const paragraphEndUtf16 = newlineAfter < 0 ? text.length : newlineAfter;
  const regionStartUtf16 = cutBefore(text, lo - WINDOW_UTF16, paragraphStartUtf16);
  const regionEndUtf16 = cutAfter(text, hi + WINDOW_UTF16, paragraphEndUtf16);
  const tokens = tokenize(text, regionStartUtf16, regionEndUtf16);

  if (lo === hi) {
    const inside = tokens.find((t) => !t.whitespace && t.startUtf16 < lo && lo < t.endUtf16);
    return inside ? { startUtf16: inside.startUtf16, endUtf16: inside.endUtf16 } : { startUtf16: lo, endUtf16: hi };
  }
  let first: Token | undefined;
  let last: Token | undefined;
  for (const token of tokens) {
    if (token.whitespace || token.endUtf16 <= lo || token.startUtf16 >= hi) continue;
    first ??= token;
    last = token;
  }
  if (!first || !last) return { startUtf16: lo, endUtf16: hi };
  return { startUtf16: first.startUtf16, endUtf16: last.endUtf16 };
}

/**
 * A long paragraph is segmented only around the selection: the region is cut where a letter or digit
 * is followed by a space, which is a word boundary whatever surrounds it, so tokens come out the same.
 */
const WINDOW_UTF16 = 512;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function cutBefore(text: string, fromUtf16: number, floorUtf16: number): number {
  for (let i = fromUtf16; i > floorUtf16; i--) {
    if (text[i] === ' ' && WORD_CHAR.test(text[i - 1]!)) return i;
  }
  return floorUtf16;
}

function cutAfter(text: string, fromUtf16: number, ceilingUtf16: number): number {
  for (let i = Math.max(fromUtf16, 1); i < ceilingUtf16; i++) {
    if (text[i] === ' ' && WORD_CHAR.test(text[i - 1]!)) return i;
  }
  return ceilingUtf16;
}

/** Tokens of text[fromUtf16, toUtf16), which must start and end at word boundaries. */
function tokenize(text: string, fromUtf16: number, toUtf16: number): Token[] {
  const tokens: Token[] = [];
  for (const { segment, index } of wordSegmenter().segment(text.slice(fromUtf16, toUtf16))) {
    const token: Token = {
      startUtf16: fromUtf16 + index,
      endUtf16: fromUtf16 + index + segment.length,
      whitespace: WHITESPACE_ONLY.test(segment),
      numeric: NUMBER.test(segment),
    };
    const joiner = tokens[tokens.length - 1];
    const beforeJoiner = tokens[tokens.length - 2];
    if (
      token.numeric &&
      joiner &&
      beforeJoiner?.numeric &&
      joiner.endUtf16 - joiner.startUtf16 === 1 &&
      NUMBER_JOINERS.has(text[joiner.startUtf16]!)
    ) {
      tokens.length -= 2;
      tokens.push({ ...beforeJoiner, endUtf16: token.endUtf16 });
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}

function clamp(offsetUtf16: number, lengthUtf16: number): number {
  if (Number.isNaN(offsetUtf16)) return 0;
  return Math.min(Math.max(0, Math.trunc(offsetUtf16)), lengthUtf16);
}
