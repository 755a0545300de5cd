// Find in the article with Arabic-aware matching: query and text are compared in the folded form
// of normalize-arabic.ts and every hit is mapped back to exact UTF-16 offsets of the original text,
// covering whole characters with their diacritics. Build one ArabicSearchIndex per document.
import { normalizeArabicForMatch, normalizeArabicWithMap, type NormalizedText } from './normalize-arabic';
import type { TextRangeUtf16 } from './text-range';

export interface FindArabicOptions {
  /** Only hits not preceded or followed by a letter or digit (after folding). Clitics count as letters: «وزارة» does not match inside «والوزارة». */
  wholeWord?: boolean;
}

export class ArabicSearchIndex {
  private readonly folded: NormalizedText;

  constructor(readonly text: string) {
    this.folded = normalizeArabicWithMap(text);
  }

  /** Non-overlapping hits, left to right; an empty query (after folding) finds nothing. */
  find(query: string, options: FindArabicOptions = {}): TextRangeUtf16[] {
    const needle = normalizeArabicForMatch(query);
    const hits: TextRangeUtf16[] = [];
    if (needle === '') return hits;
    const { normalized, sourceStartUtf16, sourceEndUtf16 } = this.folded;
    let from = 0;
    while (from <= normalized.length - needle.length) {
      const startIndex = normalized.indexOf(needle, from);
      if (startIndex < 0) break;
      const endIndex = startIndex + needle.length; // exclusive
      if (this.coversWholeCharacters(startIndex, endIndex) && (!options.wholeWord || this.isWholeWord(startIndex, endIndex))) {
        hits.push({ startUtf16: sourceStartUtf16[startIndex]!, endUtf16: sourceEndUtf16[endIndex - 1]! });
        from = endIndex;
      } else {
        from = startIndex + 1;
      }
    }
    return hits;
  }

  /**
   * A hit may not start or end inside the expansion of one original character (ﻻ → لا, or the two
   * halves of an emoji): its original range would then not fold to the query.
   */
  private coversWholeCharacters(startIndex: number, endIndex: number): boolean {
    const starts = this.folded.sourceStartUtf16;
    const startsCharacter = startIndex === 0 || starts[startIndex - 1] !== starts[startIndex];
    const endsCharacter = endIndex === starts.length || starts[endIndex] !== starts[endIndex - 1];
    return startsCharacter && endsCharacter;
  }

  private isWholeWord(startIndex: number, endIndex: number): boolean {
    const { normalized } = this.folded;
    return !isWordUnit(codePointBefore(normalized, startIndex)) && !isWordUnit(normalized.codePointAt(endIndex));
  }
}

const WORD_UNIT = /[\p{L}\p{N}\p{M}]/u;

function isWordUnit(codePoint: number | undefined): boolean {
  return codePoint !== undefined && WORD_UNIT.test(String.fromCodePoint(codePoint));
}

function codePointBefore(text: string, indexUtf16: number): number | undefined {
  if (indexUtf16 <= 0) return undefined;
  const unit = text.charCodeAt(indexUtf16 - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && indexUtf16 >= 2) {
    const high = text.charCodeAt(indexUtf16 - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(indexUtf16 - 2);
  }
  return unit;
}

/** One-off search; for repeated searches in the same document keep an ArabicSearchIndex. */
export function findAllArabic(text: string, query: string, options: FindArabicOptions = {}): TextRangeUtf16[] {
  return new ArabicSearchIndex(text).find(query, options);
}
