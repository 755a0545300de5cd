// Converts offsets between UTF-16 code units (DOM, Lexical, our store) and Unicode code points
// (exports, Python, brat). They differ only after characters outside the Basic Multilingual Plane.
import { countBelow, partitionPoint } from '../util/partition-point';

export class OffsetMap {
  /** UTF-16 index of every high surrogate that starts a valid pair, ascending. */
  private readonly astralUtf16: number[] = [];
  readonly lengthUtf16: number;
  readonly lengthCodePoints: number;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.astralUtf16.push(i);
          i++;
        }
      }
    }
    this.lengthUtf16 = text.length;
    this.lengthCodePoints = text.length - this.astralUtf16.length;
  }

  /** False for offsets outside the text or between the two halves of a surrogate pair. */
  isBoundaryUtf16(offsetUtf16: number): boolean {
    if (!Number.isInteger(offsetUtf16) || offsetUtf16 < 0 || offsetUtf16 > this.lengthUtf16) return false;
    const pairStart = this.astralUtf16[countBelow(this.astralUtf16, offsetUtf16) - 1];
    return pairStart === undefined || pairStart + 1 !== offsetUtf16;
  }

  toCodePoint(offsetUtf16: number): number {
    if (!this.isBoundaryUtf16(offsetUtf16)) throw new RangeError(`UTF-16 offset ${offsetUtf16} is not a character boundary`);
    return offsetUtf16 - countBelow(this.astralUtf16, offsetUtf16);
  }

  toUtf16(offsetCodePoints: number): number {
    if (!Number.isInteger(offsetCodePoints) || offsetCodePoints < 0 || offsetCodePoints > this.lengthCodePoints) {
      throw new RangeError(`code point offset ${offsetCodePoints} is outside the text (0..${this.lengthCodePoints})`);
    }
    // The k-th astral character starts at code point astralUtf16[k] - k; count those before the offset.
    return offsetCodePoints + partitionPoint(this.astralUtf16.length, (k) => this.astralUtf16[k]! - k < offsetCodePoints);
  }

  sliceUtf16(startUtf16: number, endUtf16: number): string {
    return this.text.slice(startUtf16, endUtf16);
  }
}
