// The renderer's SHA-256 must match Node's (the command line hashes with node:crypto), or files
// would not match across the app and the CLI. Node's Web Crypto (OpenSSL) is the reference here.
import { describe, expect, it } from 'vitest';
import pentagonRaw from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';
import { canonicalizeText } from '../../shared/text/canonical-text';
import { sha256Hex } from './sha256-hex';

async function nodeSha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('sha256Hex', () => {
  it('equals Node’s SHA-256 on a real Arabic article, an empty text and a text outside the BMP', async () => {
    const texts = [canonicalizeText(pentagonRaw), '', 'قال 😀 المتحدث'];
    for (const text of texts) expect(sha256Hex(text)).toBe(await nodeSha256Hex(text));
  });

  it('is the well-known digest of "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
