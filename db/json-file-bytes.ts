// A JSON file as JsonBytes (shared/formats/split-json-array.ts) read through an 8 MB window with
// positioned synchronous reads: a 300 MB W3C, Label Studio or Isnad JSON file is split and parsed
// element by element without the file, or its text, ever being held whole.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { JsonBytes } from '../shared/formats/split-json-array';
import { StoreError } from './database-errors';

const WINDOW_BYTES = 8 * 1024 * 1024;
/** Kept before the position a read starts at: the splitter looks back over backslashes. */
const LOOK_BEHIND_BYTES = 4096;

export interface JsonFileBytes extends JsonBytes {
  close(): void;
}

/** Throws INVALID_FILE (naming `name`) when a decoded stretch is not UTF-8. Call close() when done. */
export function openJsonFileBytes(filePath: string, name: string, windowBytes = WINDOW_BYTES): JsonFileBytes {
  const fd = openSync(filePath, 'r');
  const length = fstatSync(fd).size;
  const window = Buffer.allocUnsafe(Math.min(windowBytes, Math.max(length, 1)));
  let windowStart = 0;
  let windowLength = 0;
  let closed = false;
  const load = (position: number) => {
    windowStart = Math.max(0, Math.min(position - Math.min(LOOK_BEHIND_BYTES, window.length >> 2), length - window.length));
    windowLength = readFully(fd, window, window.length, windowStart);
  };
  let chunk = { bytes: window.subarray(0, 0), start: 0 };
  const decodeBytes = (bytes: Buffer): string => {
    if (!isUtf8(bytes)) throw new StoreError('INVALID_FILE', `${name}: not valid UTF-8 text; save it as UTF-8 and import it again`);
    return bytes.toString('utf8');
  };
  return {
    length,
    chunkAt(i) {
      if (i < windowStart || i >= windowStart + windowLength || chunk.bytes.length !== windowLength || chunk.start !== windowStart) {
        if (i < windowStart || i >= windowStart + windowLength) load(i);
        chunk = { bytes: window.subarray(0, windowLength), start: windowStart };
      }
      return chunk;
    },
    decode(start, end) {
      if (end - start > window.length) {
        const bytes = Buffer.allocUnsafe(end - start);
        readFully(fd, bytes, bytes.length, start);
        return decodeBytes(bytes);
      }
      if (start < windowStart || end > windowStart + windowLength) {
        // Elements are read in order: the window moves on to start at this one.
        windowStart = Math.max(0, Math.min(start, length - window.length));
        windowLength = readFully(fd, window, window.length, windowStart);
      }
      return decodeBytes(window.subarray(start - windowStart, end - windowStart));
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}

function readFully(fd: number, buffer: Buffer, count: number, position: number): number {
  let done = 0;
  while (done < count) {
    const read = readSync(fd, buffer, done, count - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}
