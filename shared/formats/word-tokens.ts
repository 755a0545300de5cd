// Tokens for the token-based exports (CoNLL, spaCy): every non-whitespace Intl.Segmenter word
// segment, so punctuation is a token of its own, as in ANERcorp and spaCy's tokenizer.
import { partitionPoint } from '../util/partition-point';

export interface TextToken {
  startUtf16: number;
  endUtf16: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${locale}/${granularity}`;
  let found = segmenters.get(key);
  if (found === undefined) segmenters.set(key, (found = new Intl.Segmenter(locale, { granularity })));
  return found;
}

/** Sentences (Intl.Segmenter, which also breaks at every line break), each a list of tokens. */
export function segmentSentences(text: string, locale = 'ar'): TextToken[][] {
  const sentences: TextToken[][] = [];
  for (const sentence of segmenter(locale, 'sentence').segment(text)) {
    const tokens: TextToken[] = [];
    for (const word of segmenter(locale, 'word').segment(sentence.segment)) {
      // A combining mark after a space makes one segment with it (" َ"): a token never holds whitespace.
      for (const part of word.segment.matchAll(/\S+/gu)) {
        const startUtf16 = sentence.index + word.index + part.index;
        tokens.push({ startUtf16, endUtf16: startUtf16 + part[0].length });
      }
    }
    if (tokens.length > 0) sentences.push(tokens);
  }
  return sentences;
}

/** Whitespace-separated tokens, one sentence per line: exact for texts rebuilt from token files. */
export function whitespaceSentences(text: string): TextToken[][] {
  const sentences: TextToken[][] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const tokens: TextToken[] = [];
    for (const match of line.matchAll(/\S+/gu)) {
      tokens.push({ startUtf16: lineStart + match.index, endUtf16: lineStart + match.index + match[0].length });
    }
    if (tokens.length > 0) sentences.push(tokens);
    lineStart += line.length + 1;
  }
  return sentences;
}

/** Index of the first token that ends after the offset (tokens ascending). */
export function firstTokenEndingAfter(tokens: readonly TextToken[], offsetUtf16: number): number {
  return partitionPoint(tokens.length, (i) => tokens[i]!.endUtf16 <= offsetUtf16);
}

/** Index of the first token that starts at or after the offset (tokens ascending). */
export function firstTokenStartingAtOrAfter(tokens: readonly TextToken[], offsetUtf16: number): number {
  return partitionPoint(tokens.length, (i) => tokens[i]!.startUtf16 < offsetUtf16);
}
