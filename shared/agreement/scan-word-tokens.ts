// Word tokens at a fraction of Intl.Segmenter's cost: on plain Arabic or Latin text a word is a run of
// letters and digits (UAX #29 rules WB4–WB10), and every stretch of text this scanner cannot be sure
// of is handed to the segmenter itself, so the tokens are exactly the segmenter's word-like segments.

/** Receives tokens in text order; `segment` must push the word-like segments of text[start, end). */
export interface WordTokenSink {
  push(startUtf16: number, endUtf16: number): void;
  /** Forgets the tokens that start at or after the offset (the scanner hands their text to `segment`). */
  dropFrom(startUtf16: number): void;
}

const OTHER = 0; // not known here: the segmenter decides
const LETTER = 1; // ALetter or Numeric: joins any LETTER before or after it (WB5, WB8–WB10)
const EXTEND = 2; // Extend or Format: belongs to the character before it (WB4)
const BREAK = 3; // a segment on its own whatever surrounds it (WB999), never word-like
const MID = 4; // MidLetter, MidNum, MidNumLet: may join two LETTERs (WB6, WB7, WB11, WB12)
const SPACE = 5; // space and line feed: a break before and after, so the segmenter can start after one

// Ranges checked against ICU's word break rules; scan-word-tokens.test.ts compares each character
// with Intl.Segmenter in context, so a class that a future ICU changes fails that test.
const CLASS_RANGES: readonly (readonly [number, number, number])[] = [
  [0x00, 0x1f, BREAK],
  [0x20, 0x26, BREAK],
  [0x27, 0x27, MID],
  [0x28, 0x2b, BREAK],
  [0x2c, 0x2c, MID],
  [0x2d, 0x2d, BREAK],
  [0x2e, 0x2e, MID],
  [0x2f, 0x2f, BREAK],
  [0x30, 0x39, LETTER],
  [0x3a, 0x3b, MID],
  [0x3c, 0x40, BREAK],
  [0x41, 0x5a, LETTER],
  [0x5b, 0x5e, BREAK],
  [0x60, 0x60, BREAK],
  [0x61, 0x7a, LETTER],
  [0x7b, 0x7f, BREAK],
  [0xa0, 0xa9, BREAK],
  [0xab, 0xac, BREAK],
  [0xad, 0xad, EXTEND],
  [0xbb, 0xbf, BREAK],
  [0xd7, 0xd7, BREAK],
  [0xf7, 0xf7, BREAK],
  [0x606, 0x60b, BREAK],
  [0x60c, 0x60d, MID],
  [0x60e, 0x60f, BREAK],
  [0x610, 0x61a, EXTEND],
  [0x61b, 0x61b, BREAK],
  [0x61c, 0x61c, EXTEND],
  [0x61d, 0x61f, BREAK],
  [0x620, 0x64a, LETTER],
  [0x64b, 0x65f, EXTEND],
  [0x660, 0x669, LETTER],
  [0x66a, 0x66a, BREAK],
  [0x66c, 0x66c, MID],
  [0x66d, 0x66d, BREAK],
  [0x66e, 0x66f, LETTER],
  [0x670, 0x670, EXTEND],
  [0x671, 0x6d3, LETTER],
  [0x6d4, 0x6d4, BREAK],
  [0x6d5, 0x6d5, LETTER],
  [0x6d6, 0x6dc, EXTEND],
  [0x6df, 0x6e4, EXTEND],
  [0x6e7, 0x6e8, EXTEND],
  [0x6ea, 0x6ed, EXTEND],
  [0x6ee, 0x6fc, LETTER],
  [0x6fd, 0x6fe, BREAK],
  [0x6ff, 0x6ff, LETTER],
  [0x750, 0x77f, LETTER],
  [0x2000, 0x200b, BREAK],
  [0x200c, 0x200f, EXTEND],
  [0x2010, 0x2017, BREAK],
  [0x2018, 0x2019, MID],
  [0x201a, 0x2023, BREAK],
  [0x2025, 0x2026, BREAK],
  [0x202a, 0x202e, EXTEND],
  [0x2030, 0x203e, BREAK],
  [0x2066, 0x2069, EXTEND],
];

let classes: Uint8Array | undefined;

/** One class per UTF-16 code unit; surrogates stay OTHER. */
export function wordBreakClasses(): Uint8Array {
  if (classes === undefined) {
    classes = new Uint8Array(0x10000);
    for (const [from, to, cls] of CLASS_RANGES) classes.fill(cls, from, to + 1);
    classes[0x20] = SPACE;
    classes[0x0a] = SPACE;
  }
  return classes;
}

export const WORD_BREAK_CLASS = { OTHER, LETTER, EXTEND, BREAK, MID, SPACE } as const;

/**
 * Pushes the word-like tokens of `text` into `sink`. Whitespace-separated chunks that hold only
 * letters, digits, marks after them and punctuation that cannot join words are scanned here; a chunk
 * with anything else (other scripts, emoji, "a.b", a mark after a space) goes to `segment`, together
 * with the chunks before it back to one whose first character surely starts a segment (a mark or a
 * format character may belong to the space before it). Stretches that meet are handed over as one,
 * so every character reaches `segment` at most once.
 */
export function scanWordTokensUtf16(text: string, sink: WordTokenSink, segment: (startUtf16: number, endUtf16: number) => void): void {
  const cls = wordBreakClasses();
  const length = text.length;
  // Start of the latest chunk that surely begins a segment: the segmenter may start there.
  let runStart = 0;
  let pendingStart = -1;
  let pendingEnd = -1;
  let i = 0;
  while (i < length) {
    while (i < length && cls[text.charCodeAt(i)] === SPACE) i++;
    if (i >= length) break;
    const chunkStart = i;
    if (chunkStart === 0 || !mayJoinSpaceBefore(text, chunkStart, cls)) {
      if (pendingStart >= 0) segment(pendingStart, pendingEnd);
      pendingStart = -1;
      runStart = chunkStart;
    }
    let wordStart = -1;
    let simple = pendingStart < 0;
    while (simple && i < length) {
      const c = cls[text.charCodeAt(i)]!;
      if (c === SPACE) break;
      if (c === LETTER || (c === EXTEND && wordStart >= 0)) {
        if (wordStart < 0) wordStart = i;
        i++;
      } else if (c === BREAK || (c === MID && !(wordStart >= 0 && i + 1 < length && mayJoin(cls[text.charCodeAt(i + 1)]!)))) {
        if (wordStart >= 0) sink.push(wordStart, i);
        wordStart = -1;
        i++;
      } else {
        // OTHER, a mark that follows no letter, or a MID between letters: the segmenter takes the chunk.
        simple = false;
      }
    }
    if (simple) {
      if (wordStart >= 0) sink.push(wordStart, i);
      continue;
    }
    while (i < length && cls[text.charCodeAt(i)] !== SPACE) i++;
    if (pendingStart < 0) {
      sink.dropFrom(runStart);
      pendingStart = runStart;
    }
    pendingEnd = i;
  }
  if (pendingStart >= 0) segment(pendingStart, pendingEnd);
}

/** After a MID that follows a word: a letter, a mark or an unknown character may continue the word. */
function mayJoin(next: number): boolean {
  return next === LETTER || next === EXTEND || next === OTHER;
}

// Word_Break Extend, Format and ZWJ lie within these (marks, format characters, Grapheme_Extend, skin tones).
const MAY_ATTACH = /^[\p{M}\p{Cf}\p{Grapheme_Extend}\p{Emoji_Modifier}]/u;

/** Whether the character at offset may belong to the space before it (UAX #29 WB4) rather than start a segment. */
function mayJoinSpaceBefore(text: string, offsetUtf16: number, cls: Uint8Array): boolean {
  const c = cls[text.charCodeAt(offsetUtf16)]!;
  if (c === EXTEND) return true;
  if (c !== OTHER) return false;
  return MAY_ATTACH.test(text.slice(offsetUtf16, offsetUtf16 + 2));
}
