// Encodes file bytes for documents.import, which carries raw bytes (not decoded text) as base64.
// Chunked so that large files do not overflow the argument limit of String.fromCharCode.
const CHUNK_BYTES = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK_BYTES));
  }
  return btoa(binary);
}
