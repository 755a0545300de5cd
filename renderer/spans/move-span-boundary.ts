// Moving one end of a span by a character (a whole grapheme, so a letter keeps its diacritics and
// a surrogate pair is never split) or by a word. Offsets are logical: "start" is where the span
// begins in reading order, whatever the direction on screen. Returns null when the move is impossible.
import type { TextRangeUtf16 } from '../../shared/text/text-range';

export type SpanEdge = 'start' | 'end';
export type MoveUnit = 'character' | 'word';
/** -1 toward the beginning of the text, +1 toward its end. */
export type MoveDirection = -1 | 1;

/** How far around the span the text is segmented: enough for any word, cheap for any document. */
const WINDOW_UTF16 = 200;

let graphemes: Intl.Segmenter | undefined;
let words: Intl.Segmenter | undefined;

export function moveSpanBoundary(text: string, range: TextRangeUtf16, edge: SpanEdge, direction: MoveDirection, unit: MoveUnit): TextRangeUtf16 | null {
  const from = edge === 'start' ? range.startUtf16 : range.endUtf16;
  const to = unit === 'character' ? nextGraphemeBoundary(text, from, direction) : nextWordBoundary(text, from, direction, edge);
  if (to === null) return null;
  const moved = edge === 'start' ? { startUtf16: to, endUtf16: range.endUtf16 } : { startUtf16: range.startUtf16, endUtf16: to };
  return moved.startUtf16 < moved.endUtf16 ? moved : null;
}

function windowAround(text: string, offsetUtf16: number): { fromUtf16: number; slice: string } {
  const fromUtf16 = Math.max(0, offsetUtf16 - WINDOW_UTF16);
  return { fromUtf16, slice: text.slice(fromUtf16, Math.min(text.length, offsetUtf16 + WINDOW_UTF16)) };
}

function boundaries(text: string, offsetUtf16: number, segmenter: Intl.Segmenter, keep: (segment: Intl.SegmentData) => boolean, side: 'start' | 'end'): number[] {
  const { fromUtf16, slice } = windowAround(text, offsetUtf16);
  const result: number[] = [];
  for (const segment of segmenter.segment(slice)) {
    if (!keep(segment)) continue;
    result.push(fromUtf16 + segment.index + (side === 'end' ? segment.segment.length : 0));
  }
  return result;
}

function nextGraphemeBoundary(text: string, offsetUtf16: number, direction: MoveDirection): number | null {
  graphemes ??= new Intl.Segmenter('ar', { granularity: 'grapheme' });
  const all = boundaries(text, offsetUtf16, graphemes, () => true, 'start');
  all.push(Math.min(text.length, offsetUtf16 + WINDOW_UTF16));
  const candidate = direction < 0 ? all.filter((b) => b < offsetUtf16).pop() : all.find((b) => b > offsetUtf16);
  return candidate === undefined || candidate > text.length ? null : candidate;
}

/** A span's start lands on the start of a word, its end on the end of one; punctuation counts as a word. */
function nextWordBoundary(text: string, offsetUtf16: number, direction: MoveDirection, edge: SpanEdge): number | null {
  words ??= new Intl.Segmenter('ar', { granularity: 'word' });
  const isToken = (segment: Intl.SegmentData) => segment.segment.trim() !== '';
  const all = boundaries(text, offsetUtf16, words, isToken, edge);
  const candidate = direction < 0 ? all.filter((b) => b < offsetUtf16).pop() : all.find((b) => b > offsetUtf16);
  return candidate ?? null;
}
