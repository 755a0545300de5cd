// Word tokens as coded positions: each token gets, per label, 1 if a span of that label overlaps
// it by at least one code unit, else 0. One binary coding per label, so labels may overlap.
import type { AgreementSpan } from './types';
import { countBelow } from '../util/partition-point';
import { scanWordTokensUtf16, type WordTokenSink } from './scan-word-tokens';

/** Word-like tokens, ascending and non-overlapping, as parallel arrays (a document has thousands). */
export interface WordTokens {
  readonly count: number;
  readonly startsUtf16: Int32Array;
  readonly endsUtf16: Int32Array;
}

// Segmenters hold no per-text state; building one per document costs as much as segmenting it.
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  return segmenter;
}

/**
 * Tokens that Intl.Segmenter (granularity "word") marks isWordLike. Plain stretches of text are
 * scanned without the segmenter (scan-word-tokens.ts), which gives the same tokens about 30 times faster.
 */
export function wordTokensUtf16(text: string, locale = 'ar'): WordTokens {
  const tokens = new TokenBuffer();
  scanWordTokensUtf16(text, tokens, (startUtf16, endUtf16) => {
    for (const segment of segmenterFor(locale).segment(text.slice(startUtf16, endUtf16))) {
      if (segment.isWordLike) tokens.push(startUtf16 + segment.index, startUtf16 + segment.index + segment.segment.length);
    }
  });
  return tokens.result();
}

/** The segmenter alone, segment by segment: what wordTokensUtf16 must equal. */
export function segmenterWordTokensUtf16(text: string, locale = 'ar'): WordTokens {
  const tokens = new TokenBuffer();
  for (const segment of segmenterFor(locale).segment(text)) {
    if (segment.isWordLike) tokens.push(segment.index, segment.index + segment.segment.length);
  }
  return tokens.result();
}

/** Growable parallel arrays of token offsets. */
class TokenBuffer implements WordTokenSink {
  private starts: Int32Array = new Int32Array(256);
  private ends: Int32Array = new Int32Array(256);
  private count = 0;

  push(startUtf16: number, endUtf16: number): void {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.count] = startUtf16;
    this.ends[this.count] = endUtf16;
    this.count++;
  }

  dropFrom(startUtf16: number): void {
    while (this.count > 0 && this.starts[this.count - 1]! >= startUtf16) this.count--;
  }

  result(): WordTokens {
    // A copy of the exact size: a document's tokens live as long as the report's cache.
    return { count: this.count, startsUtf16: this.starts.slice(0, this.count), endsUtf16: this.ends.slice(0, this.count) };
  }
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

/**
 * codeTokens for every label at once, with one pass over the spans: codes[i] is what
 * codeTokens(tokens, spans, labels[i]) returns (a label given twice gets the same array twice).
 */
export function codeTokensByLabel(tokens: WordTokens, spans: readonly AgreementSpan[], labels: readonly string[]): Uint8Array[] {
  const index = new Map<string, number>();
  for (const label of labels) if (!index.has(label)) index.set(label, index.size);
  const width = tokens.count + 1;
  // A plain array: small typed arrays each get a buffer outside the heap, which costs more than they save here.
  const coverage = new Array<number>(width * index.size).fill(0);
  for (const span of spans) {
    const l = index.get(span.label);
    if (l === undefined) continue;
    const first = countBelow(tokens.endsUtf16, span.startUtf16 + 1);
    const end = countBelow(tokens.startsUtf16, span.endUtf16);
    if (first < end) {
      coverage[l * width + first]!++;
      coverage[l * width + end]!--;
    }
  }
  const codes = [...index.keys()].map((_, l) => {
    const out = new Uint8Array(tokens.count);
    let depth = 0;
    for (let i = 0; i < tokens.count; i++) {
      depth += coverage[l * width + i]!;
      out[i] = depth > 0 ? 1 : 0;
    }
    return out;
  });
  return labels.map((label) => codes[index.get(label)!]!);
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
