import { describe, expect, it } from 'vitest';
import { ParagraphKeyIndex } from './ParagraphKeyIndex';
import { ParagraphOffsets } from './ParagraphOffsets';

// "قال الوزير\n\nإن الضربات": paragraphs start at 0, 11 and 12.
const text = 'قال الوزير\n\nإن الضربات';
const index = new ParagraphKeyIndex(new ParagraphOffsets(text), 'root', ['p0', 'p1', 'p2'], ['t0', null, 't2']);

describe('ParagraphKeyIndex', () => {
  it('maps text points to document offsets that slice the selected words', () => {
    const range = index.selectionToRangeUtf16({ type: 'text', key: 't0', offset: 4 }, { type: 'text', key: 't2', offset: 2 });
    expect(range).toEqual({ startUtf16: 4, endUtf16: 14 });
    expect(text.slice(range!.startUtf16, range!.endUtf16)).toBe('الوزير\n\nإن');
  });

  it('orders a backwards (focus before anchor) selection', () => {
    const range = index.selectionToRangeUtf16({ type: 'text', key: 't2', offset: 2 }, { type: 'text', key: 't0', offset: 4 });
    expect(range).toEqual({ startUtf16: 4, endUtf16: 14 });
  });

  it('maps element points on paragraphs and on the root', () => {
    expect(index.pointToUtf16({ type: 'element', key: 'p1', offset: 0 })).toBe(11);
    expect(index.pointToUtf16({ type: 'element', key: 'p0', offset: 1 })).toBe(10);
    expect(index.pointToUtf16({ type: 'element', key: 'root', offset: 2 })).toBe(12);
    expect(index.pointToUtf16({ type: 'element', key: 'root', offset: 3 })).toBe(text.length);
  });

  it('refuses points from nodes it does not know', () => {
    expect(index.pointToUtf16({ type: 'text', key: 'stale', offset: 0 })).toBeNull();
  });
});
