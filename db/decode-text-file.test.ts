// Each kind of bad file gets INVALID_FILE with a message naming the file and what is wrong;
// good files come out canonical, titled and hashed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../shared/rpc/contract';
import { StoreError } from './database-errors';
import { decodeTextFile } from './decode-text-file';

const utf8 = (text: string) => new TextEncoder().encode(text);

function rejection(name: string, bytes: Uint8Array, maxBytes?: number): StoreError {
  try {
    decodeTextFile({ name, bytes }, maxBytes);
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('decodeTextFile', () => {
  it('canonicalizes the text and derives title, hash and code-point length', () => {
    const document = decodeTextFile({ name: 'خبر.txt', bytes: utf8('\ufeff\r\n🙂 قال الوزير\r\nإن الاتفاق \u0627\u0653\r\n') });
    expect(document.text).toBe('\n🙂 قال الوزير\nإن الاتفاق \u0622\n');
    expect(document.title).toBe('🙂 قال الوزير');
    expect(document.sourceName).toBe('خبر.txt');
    expect(document.lengthCodePoints).toBe(Array.from(document.text).length);
    expect(document.lengthCodePoints).toBe(document.text.length - 1);
    expect(document.sha256).toBe(createHash('sha256').update(Buffer.from(document.text, 'utf8')).digest('hex'));
  });

  it('rejects empty files, including whitespace-only and BOM-only ones', () => {
    for (const bytes of [new Uint8Array(), utf8(' \n\t\r\n '), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const error = rejection('x.txt', bytes);
      expect(error.code).toBe('INVALID_FILE');
      expect(error.message).toBe('«x.txt» is empty');
    }
  });

  it('rejects a file over the limit, saying both sizes', () => {
    const bytes = new Uint8Array(Math.round(12.3 * 1024 * 1024)).fill(0x41);
    expect(rejection('x.txt', bytes).message).toBe('«x.txt» is 12.3 MB; the limit is 10 MB');
    // One byte over must not read as "10 MB; the limit is 10 MB".
    expect(rejection('y.txt', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41)).message).toBe('«y.txt» is 10.1 MB; the limit is 10 MB');
    expect(decodeTextFile({ name: 'z.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES).fill(0x41) }).lengthCodePoints).toBe(MAX_IMPORT_BYTES);
  });

  it('rejects binary files with NUL bytes', () => {
    expect(rejection('scan.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])).message).toBe('«scan.pdf» looks like a binary file, not text');
    expect(rejection('x.txt', new Uint8Array([0xd8, 0x00, 0xff])).message).toBe('«x.txt» looks like a binary file, not text');
  });

  it('recognizes UTF-16 text and says to save it as UTF-8', () => {
    const utf16le = new Uint8Array([0xff, 0xfe, 0x42, 0x06, 0x27, 0x06]);
    expect(rejection('notepad.txt', utf16le).message).toBe('«notepad.txt» is UTF-16 text, not UTF-8; save it as UTF-8 and import it again');
  });

  it('rejects invalid UTF-8 (e.g. Windows-1256 Arabic) and points at the first bad byte', () => {
    const windows1256 = new Uint8Array([0x41, 0x20, 0xde, 0xc7, 0xe1]); // "A قال" in cp1256
    const error = rejection('old.txt', windows1256);
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toBe('«old.txt» is not valid UTF-8 text (first invalid byte at offset 2); save it as UTF-8 and import it again');
    expect(rejection('x.txt', new Uint8Array([0xd8, 0x20, 0xff])).message).toMatch(/^«x\.txt» is not valid UTF-8 text \(first invalid byte at offset 0\)/);
  });
});
