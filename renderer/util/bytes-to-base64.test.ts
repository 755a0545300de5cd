import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './bytes-to-base64';

describe('bytesToBase64', () => {
  it('encodes UTF-8 Arabic bytes so they decode back to the same text', () => {
    const bytes = new TextEncoder().encode('\ufeffأعلنت وزارة الدفاع\r\n');
    const decoded = Uint8Array.from(atob(bytesToBase64(bytes)), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(bytes);
  });

  it('keeps invalid UTF-8 bytes intact (the server must see them to refuse the file)', () => {
    expect(bytesToBase64(new Uint8Array([0xff, 0xfe, 0x00, 0x80]))).toBe('//4AgA==');
  });

  it('handles files larger than one chunk', () => {
    const bytes = new Uint8Array(100_001).map((_, i) => i % 251);
    const decoded = Uint8Array.from(atob(bytesToBase64(bytes)), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(bytes);
  });
});
