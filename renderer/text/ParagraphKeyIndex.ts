// Links the Lexical nodes built for a document (one ParagraphNode per line, one TextNode per
// non-empty line) to paragraph indexes, and maps a Lexical selection point to a document offset.
import type { ParagraphOffsets } from './ParagraphOffsets';

/** The parts of a Lexical selection point the mapping needs (kept structural so it is testable without Lexical). */
export interface SelectionPointLike {
  type: 'text' | 'element';
  key: string;
  offset: number;
}

export class ParagraphKeyIndex {
  private readonly paragraphByKey = new Map<string, number>();

  constructor(
    readonly offsets: ParagraphOffsets,
    readonly rootKey: string,
    /** Lexical key of each paragraph, in order. */
    readonly paragraphKeys: readonly string[],
    /** Lexical key of each paragraph's TextNode; null for a blank line. */
    readonly textKeys: readonly (string | null)[],
  ) {
    paragraphKeys.forEach((key, index) => this.paragraphByKey.set(key, index));
    textKeys.forEach((key, index) => {
      if (key !== null) this.paragraphByKey.set(key, index);
    });
  }

  /** Document offset of a selection point, or null if the point is not in this document's nodes. */
  pointToUtf16(point: SelectionPointLike): number | null {
    if (point.key === this.rootKey) {
      // An element point on the root sits before its offset-th paragraph.
      return point.offset >= this.offsets.count ? this.offsets.lengthUtf16 : this.offsets.startUtf16(point.offset);
    }
    const paragraphIndex = this.paragraphByKey.get(point.key);
    if (paragraphIndex === undefined) return null;
    if (point.type === 'text') return this.offsets.toDocumentUtf16(paragraphIndex, point.offset);
    // Element point on a paragraph: before (0) or after its single TextNode.
    return point.offset === 0 ? this.offsets.startUtf16(paragraphIndex) : this.offsets.endUtf16(paragraphIndex);
  }

  /** [start, end) of a selection with start <= end whatever the direction it was made in. */
  selectionToRangeUtf16(anchor: SelectionPointLike, focus: SelectionPointLike): { startUtf16: number; endUtf16: number } | null {
    const a = this.pointToUtf16(anchor);
    const f = this.pointToUtf16(focus);
    if (a === null || f === null) return null;
    return { startUtf16: Math.min(a, f), endUtf16: Math.max(a, f) };
  }
}
