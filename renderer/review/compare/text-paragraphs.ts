// The article split into paragraphs at "\n", as the comparison columns render it (one text node per
// paragraph), and the mapping between UTF-16 offsets of the whole text and paragraph positions.

export interface TextParagraph {
  readonly startUtf16: number;
  readonly text: string;
}

export function splitParagraphs(text: string): TextParagraph[] {
  const paragraphs: TextParagraph[] = [];
  let startUtf16 = 0;
  for (const line of text.split('\n')) {
    paragraphs.push({ startUtf16, text: line });
    startUtf16 += line.length + 1;
  }
  return paragraphs;
}

/**
 * The paragraph holding an offset and the offset inside it. An offset on a "\n" belongs to the end
 * of the paragraph before it, so a span ending at a line end stays inside its paragraph.
 */
export function locateOffset(paragraphs: readonly TextParagraph[], offsetUtf16: number): { index: number; offsetUtf16: number } {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (paragraphs[middle]!.startUtf16 <= offsetUtf16) low = middle;
    else high = middle - 1;
  }
  const paragraph = paragraphs[low]!;
  return { index: low, offsetUtf16: Math.min(offsetUtf16 - paragraph.startUtf16, paragraph.text.length) };
}

const wordSegmenter = new Intl.Segmenter('ar', { granularity: 'word' });

/**
 * The next word boundary from an offset in a direction (for nudging a gold span's start or end by a
 * word): the nearest start or end of a word-like segment strictly beyond the offset.
 */
export function nextWordBoundary(text: string, offsetUtf16: number, direction: 1 | -1): number {
  const boundaries: number[] = [];
  for (const segment of wordSegmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    boundaries.push(segment.index, segment.index + segment.segment.length);
  }
  if (direction === 1) return boundaries.find((boundary) => boundary > offsetUtf16) ?? text.length;
  let found = 0;
  for (const boundary of boundaries) if (boundary < offsetUtf16) found = boundary;
  return found;
}
