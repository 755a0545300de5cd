// An interpolated name is wrapped in exactly one isolate pair, whatever its own direction.
import { describe, expect, it } from 'vitest';
import { isolateBidi } from './isolate-bidi';

describe('isolateBidi', () => {
  it('wraps Arabic and Latin text in FSI … PDI', () => {
    expect(isolateBidi('لويد أوستن')).toBe('\u2068لويد أوستن\u2069');
    expect([...isolateBidi('Austin')].filter((char) => char === '\u2068' || char === '\u2069')).toHaveLength(2);
  });
});
