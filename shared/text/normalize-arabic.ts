// Arabic-aware normal form for matching (find in article, register name matching): ignores
// diacritics, tatweel and invisible marks, folds letter variants and digits, and can keep a map
// from every normalized UTF-16 unit back to the original UTF-16 range it came from.
//
// Folding choices (deliberately lossy, for matching only, never for storage):
// - Harakat, tanwin, shadda, sukun, hamza/madda marks (U+064B–U+065F), superscript alef (U+0670),
//   Quranic annotation marks (U+0610–U+061A, U+06D6–U+06ED) are removed.
// - Tatweel (U+0640) and invisible format characters (ZWNJ/ZWJ, LRM/RLM/ALM, bidi controls,
//   soft hyphen, BOM) are removed.
// - أ إ آ ٱ (and the rare wavy-hamza alefs) → ا, because writers drop the hamza seat freely.
// - ى → ي: alef maksura and ya are swapped constantly in news and web text (Egyptian style
//   writes final ya without dots). Cost: «على» and «علي» collide; acceptable for find.
// - ة → ه: word-final ta marbuta is often typed as ha («وزاره»). Cost: «مدرسة»/«مدرسه»-style
//   pairs collide, and a final ة never matches a query ending in ت (we do not fold ة → ت).
// - ؤ → و and ئ → ي: the hamza on a seat is often omitted or misplaced; folding to the seat
//   letter is what removing the decomposed hamza mark (U+0654) gives anyway, so composed and
//   decomposed spellings agree. Bare hamza ء is kept.
// - Persian keheh ک → ك and farsi yeh ی → ي, heh variants ۀ ھ ہ ۂ ە → ه, ۓ → ے (Persian/Urdu keyboards;
//   also keeps composed and decomposed hamza spellings equal).
// - Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits → 0–9; ٫ → '.', ٬ → ',', ٪ → '%'.
// - Other non-ASCII characters go through NFKC one by one (presentation forms such as ﻻ or ﷲ become
//   ordinary letters, full-width Latin becomes ASCII) and are lowercased.
// - Every whitespace run becomes one space. normalizeArabicForMatch also trims.
// Unicode: input is expected in NFC (canonical document text is). normalizeArabicForMatch applies
// NFC itself; the mapped variant cannot (it would lose offsets) and works per code point.

export interface NormalizedText {
  /** The normalized text (not trimmed, so that indices line up with the map). */
  readonly normalized: string;
  /** For each UTF-16 unit of `normalized`: start (UTF-16, original text) of the character it came from. */
  readonly sourceStartUtf16: Int32Array;
  /**
   * For each UTF-16 unit of `normalized`: end (UTF-16, original text) of the character it came from,
   * extended over the removed diacritics that follow it, so a match covers a letter with its marks.
   */
  readonly sourceEndUtf16: Int32Array;
}

const REMOVED_MARK = 1; // removed, belongs to the preceding character
const IGNORED = 2; // removed, stands alone (tatweel, invisible controls)
const SPACE = 3;
type Fold = string | typeof REMOVED_MARK | typeof IGNORED | typeof SPACE;

const LETTER_FOLDS: Record<number, string> = {
  0x0622: 'ا', 0x0623: 'ا', 0x0625: 'ا', 0x0671: 'ا', 0x0672: 'ا', 0x0673: 'ا',
  0x0649: 'ي', 0x0626: 'ي', 0x06cc: 'ي',
  0x0629: 'ه', 0x06c0: 'ه', 0x06be: 'ه', 0x06c1: 'ه', 0x06c2: 'ه', 0x06d5: 'ه', 0x06d3: 'ے',
  0x0624: 'و',
  0x06a9: 'ك',
  0x066b: '.', 0x066c: ',', 0x066a: '%',
};

function isRemovedMark(cp: number): boolean {
  return (
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x06d6 && cp <= 0x06dc) ||
    (cp >= 0x06df && cp <= 0x06e8) ||
    (cp >= 0x06ea && cp <= 0x06ed)
  );
}

function isIgnored(cp: number): boolean {
  return (
    cp === 0x0640 ||
    cp === 0x00ad ||
    cp === 0x061c ||
    cp === 0xfeff ||
    cp === 0x2060 ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  );
}

const WHITESPACE = /\s/u;

/** Folds one code point without NFKC; `null` means "not a simple case, use the slow path". */
function foldSimple(cp: number): Fold | null {
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 0x20);
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return SPACE;
    return String.fromCharCode(cp);
  }
  if (isRemovedMark(cp)) return REMOVED_MARK;
  if (isIgnored(cp)) return IGNORED;
  const letter = LETTER_FOLDS[cp];
  if (letter !== undefined) return letter;
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(cp - 0x0660 + 0x30);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(cp - 0x06f0 + 0x30);
  if (cp >= 0x0600 && cp <= 0x06ff) return String.fromCharCode(cp);
  return null;
}

/** The folds of one original character (usually one; NFKC may expand, e.g. ﻻ → ل ا). */
function foldCharacter(cp: number, char: string): Fold[] {
  const simple = foldSimple(cp);
  if (simple !== null) return [simple];
  if (WHITESPACE.test(char)) return [SPACE];
  const folds: Fold[] = [];
  for (const part of char.normalize('NFKC').toLowerCase()) {
    const partCp = part.codePointAt(0)!;
    const partFold = foldSimple(partCp);
    folds.push(partFold ?? (WHITESPACE.test(part) ? SPACE : part));
  }
  return folds;
}

/** Normalizes `text` for matching and keeps, for every normalized unit, where it came from. */
export function normalizeArabicWithMap(text: string): NormalizedText {
  const pieces: string[] = [];
  let starts = new Int32Array(Math.max(16, text.length));
  let ends = new Int32Array(starts.length);
  let length = 0;
  let lastWasSpace = false;
  // Units [attachFrom, length) came from the last emitted character; marks extend their end.
  let attachFrom = -1;

  const push = (unit: string, startUtf16: number, endUtf16: number): void => {
    if (length === starts.length) {
      const grownStarts = new Int32Array(length * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Int32Array(length * 2);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    starts[length] = startUtf16;
    ends[length] = endUtf16;
    length++;
    pieces.push(unit);
  };

  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const char = size === 1 ? text[i]! : text.slice(i, i + 2);
    const endUtf16 = i + size;
    let emittedFrom = -1;
    for (const fold of foldCharacter(cp, char)) {
      if (fold === REMOVED_MARK) {
        if (attachFrom >= 0) ends.fill(endUtf16, attachFrom, length);
      } else if (fold === IGNORED) {
        attachFrom = -1;
      } else if (fold === SPACE) {
        if (lastWasSpace) {
          ends[length - 1] = endUtf16;
        } else {
          if (emittedFrom < 0) emittedFrom = length;
          push(' ', i, endUtf16);
          lastWasSpace = true;
        }
      } else {
        if (emittedFrom < 0) emittedFrom = length;
        for (let unit = 0; unit < fold.length; unit++) push(fold[unit]!, i, endUtf16);
        lastWasSpace = false;
      }
    }
    if (emittedFrom >= 0) attachFrom = emittedFrom;
    i = endUtf16;
  }
  return { normalized: pieces.join(''), sourceStartUtf16: starts.slice(0, length), sourceEndUtf16: ends.slice(0, length) };
}

/** The matching form of a name or query: NFC, folded as documented above, whitespace collapsed and trimmed. */
export function normalizeArabicForMatch(text: string): string {
  return normalizeArabicWithMap(text.normalize('NFC')).normalized.trim();
}
