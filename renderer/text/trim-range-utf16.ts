// Shrinks a selected range so it neither starts nor ends with whitespace: annotators drag loosely,
// but a span's edges should be its first and last visible characters.
export interface RangeUtf16 {
  startUtf16: number;
  endUtf16: number;
}

const WHITESPACE = /\s/u;

/** The trimmed range, or null when nothing but whitespace was selected. */
export function trimRangeUtf16(text: string, startUtf16: number, endUtf16: number): RangeUtf16 | null {
  let start = Math.max(0, Math.min(startUtf16, endUtf16));
  let end = Math.min(text.length, Math.max(startUtf16, endUtf16));
  while (start < end && WHITESPACE.test(text[start]!)) start++;
  while (end > start && WHITESPACE.test(text[end - 1]!)) end--;
  return start < end ? { startUtf16: start, endUtf16: end } : null;
}
