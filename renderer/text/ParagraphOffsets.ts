// Table of paragraph starts (UTF-16) over a document's canonical text: paragraph i is line i and
// starts after i newlines. Maps (paragraph, offset in paragraph) <-> document offsets both ways.
import { partitionPoint } from '../../shared/util/partition-point';

export interface ParagraphPointUtf16 {
  paragraphIndex: number;
  offsetInParagraphUtf16: number;
}

export class ParagraphOffsets {
  /** Start of every paragraph, ascending; startsUtf16[0] is 0. */
  readonly startsUtf16: readonly number[];
  readonly lengthUtf16: number;

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.startsUtf16 = starts;
    this.lengthUtf16 = text.length;
  }

  get count(): number {
    return this.startsUtf16.length;
  }

  startUtf16(paragraphIndex: number): number {
    return this.startsUtf16[paragraphIndex] ?? this.lengthUtf16;
  }

  /** End of the paragraph's own text: just before its newline, or the end of the document. */
  endUtf16(paragraphIndex: number): number {
    const next = this.startsUtf16[paragraphIndex + 1];
    return next === undefined ? this.lengthUtf16 : next - 1;
  }

  /** Document offset of a point inside a paragraph, clamped to that paragraph. */
  toDocumentUtf16(paragraphIndex: number, offsetInParagraphUtf16: number): number {
    if (paragraphIndex >= this.count) return this.lengthUtf16;
    const start = this.startUtf16(paragraphIndex);
    const end = this.endUtf16(paragraphIndex);
    return Math.min(end, start + Math.max(0, offsetInParagraphUtf16));
  }

  /** The paragraph holding a document offset (binary search). The offset of a newline is the end of its line. */
  locateUtf16(offsetUtf16: number): ParagraphPointUtf16 {
    const offset = Math.min(Math.max(0, offsetUtf16), this.lengthUtf16);
    // The last paragraph starting at or before the offset; paragraph 0 starts at 0.
    const paragraphIndex = partitionPoint(this.startsUtf16.length, (i) => this.startsUtf16[i]! <= offset) - 1;
    return { paragraphIndex, offsetInParagraphUtf16: offset - this.startsUtf16[paragraphIndex]! };
  }
}
