import { describe, expect, it } from 'vitest';
import { ParagraphOffsets } from './ParagraphOffsets';

// The shared fixtures live beside the repository (repoRoot/../shared/fixtures); ?raw keeps this test DOM- and Node-free.
import rawFixture from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';

const fixture = rawFixture.replace(/\r\n?/g, '\n');

describe('ParagraphOffsets', () => {
  it('round-trips every offset of a real Arabic article through (paragraph, offset)', () => {
    const offsets = new ParagraphOffsets(fixture);
    const lines = fixture.split('\n');
    expect(offsets.count).toBe(lines.length);
    for (let offset = 0; offset <= fixture.length; offset++) {
      const point = offsets.locateUtf16(offset);
      expect(offsets.toDocumentUtf16(point.paragraphIndex, point.offsetInParagraphUtf16)).toBe(offset);
    }
  });

  it('finds the line that a paragraph-relative offset points into', () => {
    const offsets = new ParagraphOffsets(fixture);
    const lines = fixture.split('\n');
    const third = lines.slice(0, 3).join('\n').length + 1;
    expect(offsets.startUtf16(3)).toBe(third);
    expect(fixture.slice(offsets.toDocumentUtf16(3, 0), offsets.endUtf16(3))).toBe(lines[3]);
  });

  it('treats blank lines as empty paragraphs and newlines as line ends', () => {
    const offsets = new ParagraphOffsets('أ\n\nب');
    expect(offsets.startsUtf16).toEqual([0, 2, 3]);
    expect(offsets.locateUtf16(1)).toEqual({ paragraphIndex: 0, offsetInParagraphUtf16: 1 });
    expect(offsets.locateUtf16(2)).toEqual({ paragraphIndex: 1, offsetInParagraphUtf16: 0 });
    expect(offsets.endUtf16(1)).toBe(2);
    expect(offsets.toDocumentUtf16(1, 5)).toBe(2);
    expect(offsets.toDocumentUtf16(9, 0)).toBe(4);
  });

  it('counts UTF-16 units, so an emoji takes two', () => {
    const offsets = new ParagraphOffsets('😀\nنص');
    expect(offsets.startUtf16(1)).toBe(3);
  });
});
