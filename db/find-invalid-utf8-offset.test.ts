// The byte offset reported for invalid UTF-8 must agree with the WHATWG decoder on what is invalid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInvalidUtf8Offset } from './find-invalid-utf8-offset';

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

function decodes(bytes: Uint8Array): boolean {
  try {
    fatalDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('findInvalidUtf8Offset', () => {
  it('finds nothing in valid Arabic, emoji and ASCII', () => {
    expect(findInvalidUtf8Offset(new TextEncoder().encode('قال الوزير 🙂 ok'))).toBeUndefined();
  });

  it('points at the first ill-formed sequence', () => {
    const valid = new TextEncoder().encode('قال ');
    expect(findInvalidUtf8Offset(new Uint8Array([...valid, 0xff, 0x41]))).toBe(valid.length);
    expect(findInvalidUtf8Offset(new Uint8Array([0xd8, 0x20, 0xff]))).toBe(0); // Arabic lead byte cut short
    expect(findInvalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(findInvalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // encoded surrogate
    expect(findInvalidUtf8Offset(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(findInvalidUtf8Offset(new Uint8Array([0x41, 0x42, 0xe2, 0x82]))).toBe(2); // truncated at the end
  });

  it('agrees with TextDecoder on validity for arbitrary bytes and for corrupted UTF-8', () => {
    const corruptedText = fc
      .tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.nat(), fc.integer({ min: 0, max: 255 }))
      .map(([text, position, byte]) => {
        const bytes = new TextEncoder().encode(text);
        if (bytes.length > 0) bytes[position % bytes.length] = byte;
        return bytes;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 24 }), corruptedText), (bytes) => {
        const offset = findInvalidUtf8Offset(bytes);
        expect(offset === undefined).toBe(decodes(bytes));
        // Everything before the reported offset is valid on its own.
        if (offset !== undefined) expect(decodes(bytes.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
