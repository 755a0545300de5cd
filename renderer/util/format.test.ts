import { describe, expect, it } from 'vitest';
import { fileSizeParts, formatNumber, formatRelativeTime, keyLabelForCode } from './format';

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

  it('gives a file size in bytes, KB or MB with one decimal', () => {
    expect(fileSizeParts(0)).toEqual({ unit: 'b', value: 0 });
    expect(fileSizeParts(1023)).toEqual({ unit: 'b', value: 1023 });
    expect(fileSizeParts(1024)).toEqual({ unit: 'kb', value: 1 });
    expect(fileSizeParts(41_984)).toEqual({ unit: 'kb', value: 41 });
    expect(fileSizeParts(1_048_575)).toEqual({ unit: 'mb', value: 1 });
    expect(fileSizeParts(12.34 * 1_048_576)).toEqual({ unit: 'mb', value: 12.3 });
  });

  it('names the physical key of a shortcut code', () => {
    expect(keyLabelForCode('Digit1')).toBe('1');
    expect(keyLabelForCode('KeyQ')).toBe('Q');
    expect(keyLabelForCode('F2')).toBe('F2');
  });
});
