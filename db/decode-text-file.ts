// Turns one imported file's raw bytes into a canonical document, or throws INVALID_FILE with a
// message naming the file: the user fixes the file, so the message says what is wrong with it.
import { createHash } from 'node:crypto';
import { MAX_IMPORT_BYTES } from '../shared/rpc/contract';
import { canonicalizeText, titleFromText } from '../shared/text/canonical-text';
import { OffsetMap } from '../shared/text/offset-map';
import { StoreError } from './database-errors';
import { findInvalidUtf8Offset } from './find-invalid-utf8-offset';
import type { NewDocument } from './store/Store';

export interface TextFile {
  name: string;
  bytes: Uint8Array;
}

const BYTES_PER_MB = 1024 * 1024;

export function decodeTextFile(file: TextFile, maxBytes = MAX_IMPORT_BYTES): NewDocument {
  const { name, bytes } = file;
  const invalid = (problem: string) => new StoreError('INVALID_FILE', `«${name}» ${problem}`);

  if (bytes.length > maxBytes) throw invalid(`is ${formatOversize(bytes.length, maxBytes)} MB; the limit is ${formatMegabytes(tenthsOfMegabyte(maxBytes))} MB`);
  if (bytes.length === 0) throw invalid('is empty');
  // Windows editors save "Unicode" as UTF-16, whose NUL bytes would otherwise read as "binary".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw invalid('is UTF-16 text, not UTF-8; save it as UTF-8 and import it again');
  }
  if (bytes.includes(0)) throw invalid('looks like a binary file, not text');

  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = findInvalidUtf8Offset(bytes);
    const where = offset === undefined ? '' : ` (first invalid byte at offset ${offset})`;
    throw invalid(`is not valid UTF-8 text${where}; save it as UTF-8 and import it again`);
  }

  const text = canonicalizeText(decoded);
  if (text.trim() === '') throw invalid('is empty');
  return {
    sourceName: name,
    title: titleFromText(text, name.replace(/\.[^./\\]*$/, '')),
    text,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    lengthCodePoints: new OffsetMap(text).lengthCodePoints,
  };
}

function tenthsOfMegabyte(bytes: number): number {
  return Math.round((bytes / BYTES_PER_MB) * 10);
}

/** Rounded to one decimal, but never shown as equal to (or below) the limit it exceeds. */
function formatOversize(bytes: number, maxBytes: number): string {
  return formatMegabytes(Math.max(tenthsOfMegabyte(bytes), tenthsOfMegabyte(maxBytes) + 1));
}

/** "10", not "10.0"; "12.3". */
function formatMegabytes(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
