// Word tokens as coded positions: each token gets, per label, 1 if a span of that label overlaps
// it by at least one code unit, else 0. One binary coding per label, so labels may overlap.
import type { AgreementSpan } from './types';
import { countBelow } from '../util/partition-point';

/** Word-like tokens, ascending and non-overlapping, as parallel arrays (a document has thousands). */
export interface WordTokens {
  readonly count: number;
  readonly startsUtf16: Int32Array;
  readonly endsUtf16: Int32Array;
}

// Segmenters hold no per-text state; building one per document costs as much as segmenting it.
const segmenters = new Map<string, Intl.Segmenter>();

/** Tokens that Intl.Segmenter (granularity "word") marks isWordLike. */
export function wordTokensUtf16(text: string, locale = 'ar'): WordTokens {
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  let starts: Int32Array = new Int32Array(64);
  let ends: Int32Array = new Int32Array(64);
  let count = 0;
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    if (count === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
    }
    starts[count] = segment.index;
    ends[count] = segment.index + segment.segment.length;
    count++;
  }
  return { count, startsUtf16: starts.subarray(0, count), endsUtf16: ends.subarray(0, count) };
}

/** 1 for every token that a span of `label` overlaps, else 0. O(spans log tokens + tokens). */
export function codeTokens(tokens: WordTokens, spans: readonly AgreementSpan[], label: string): Uint8Array {
  const coverage = new Int32Array(tokens.count + 1);
  for (const span of spans) {
    if (span.label !== label) continue;
    // First token ending after the span starts, first token starting at or after the span ends.
    const first = countBelow(tokens.endsUtf16, span.startUtf16 + 1);
    const end = countBelow(tokens.startsUtf16, span.endUtf16);
    if (first < end) {
      coverage[first]!++;
      coverage[end]!--;
    }
  }
  const codes = new Uint8Array(tokens.count);
  let depth = 0;
  for (let i = 0; i < tokens.count; i++) {
    depth += coverage[i]!;
    codes[i] = depth > 0 ? 1 : 0;
  }
  return codes;
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
