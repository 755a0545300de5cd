import { describe, expect, it } from 'vitest';
import { formatNumber, formatRelativeTime, keyLabelForCode } from './format';

describe('format', () => {
  it('uses Western digits in the Arabic interface and groups thousands', () => {
    expect(formatNumber(8175, 'en')).toBe('8,175');
    expect(formatNumber(8175, 'ar')).toMatch(/^8.175$/);
  });

  it('says how long ago a recent change was, in the interface language', () => {
    const now = Date.parse('2026-11-05T12:00:00Z');
    expect(formatRelativeTime('2026-11-05T11:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-11-05T11:55:00Z', 'ar', now)).toContain('5');
    expect(formatRelativeTime('2026-10-01T11:55:00Z', 'en', now)).toContain('2026');
    expect(formatRelativeTime('not a date', 'en', now)).toBe('');
  });

  it('names the physical key of a shortcut code', () => {
    expect(keyLabelForCode('Digit1')).toBe('1');
    expect(keyLabelForCode('KeyQ')).toBe('Q');
    expect(keyLabelForCode('F2')).toBe('F2');
  });
});
