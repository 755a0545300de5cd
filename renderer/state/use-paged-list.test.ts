import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, windowFor } from './use-paged-list';

describe('windowFor', () => {
  it('shows the first page of a long list', () => {
    expect(windowFor({ start: 0, end: PAGE_SIZE }, 2000, -1)).toEqual({ start: 0, end: PAGE_SIZE });
  });

  it('jumps to a selected item far down without rendering everything before it', () => {
    const shown = windowFor({ start: 0, end: PAGE_SIZE }, 2000, 1500);
    expect(shown.start).toBeLessThanOrEqual(1500);
    expect(shown.end).toBeGreaterThan(1500);
    expect(shown.end - shown.start).toBeLessThanOrEqual(PAGE_SIZE);
  });

  it('keeps a grown window that already holds the selected item', () => {
    expect(windowFor({ start: 0, end: 3 * PAGE_SIZE }, 2000, 100)).toEqual({ start: 0, end: 3 * PAGE_SIZE });
  });

  it('stays inside a short list', () => {
    expect(windowFor({ start: 0, end: PAGE_SIZE }, 5, 4)).toEqual({ start: 0, end: 5 });
    expect(windowFor({ start: 30, end: 70 }, 10, -1)).toEqual({ start: 0, end: 10 });
  });
});
