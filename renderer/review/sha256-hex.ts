// SHA-256 of a text's UTF-8 bytes in the renderer (and its worker), synchronously as loadReview needs:
// crypto.subtle is async only, so the pure-JS @noble/hashes does it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(encoder.encode(text)));
}
