// Reads a UTF-8 file line by line with synchronous reads of 1 MB, so that a huge JSONL corpus is
// imported with bounded memory inside one better-sqlite3 transaction (which must not await).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StoreError } from './database-errors';
import { findInvalidUtf8Offset } from './find-invalid-utf8-offset';

export interface FileLine {
  /** The line without its \n or \r\n. */
  text: string;
  /** 1-based. */
  number: number;
  /** Bytes of the file read so far, for a progress indicator. */
  bytesRead: number;
  totalBytes: number;
}

const CHUNK_BYTES = 1024 * 1024;

export function* readLinesSync(filePath: string, displayName = filePath): Generator<FileLine> {
  const fd = openSync(filePath, 'r');
  try {
    const totalBytes = fstatSync(fd).size;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let bytesRead = 0;
    let pending = '';
    let number = 0;
    for (;;) {
      const count = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      bytesRead += count;
      let chunk: string;
      try {
        chunk = count === 0 ? decoder.decode() : decoder.decode(buffer.subarray(0, count), { stream: true });
      } catch {
        // Lines before the chunk were yielded; count those inside it up to the first bad byte.
        const chunkBytes = buffer.subarray(0, count);
        const badAt = findInvalidUtf8Offset(chunkBytes) ?? 0;
        let line = number + 1;
        for (let i = 0; i < badAt; i++) if (chunkBytes[i] === 0x0a) line++;
        throw new StoreError('INVALID_FILE', `${displayName}, line ${line}: not valid UTF-8 text; save it as UTF-8 and import it again`);
      }
      pending += chunk;
      let newline = pending.indexOf('\n');
      let from = 0;
      while (newline >= 0) {
        const end = newline > from && pending.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        yield { text: pending.slice(from, end), number: ++number, bytesRead, totalBytes };
        from = newline + 1;
        newline = pending.indexOf('\n', from);
      }
      pending = pending.slice(from);
      if (count === 0) break;
    }
    if (pending !== '') yield { text: pending.replace(/\r$/u, ''), number: ++number, bytesRead, totalBytes };
  } finally {
    closeSync(fd);
  }
}
