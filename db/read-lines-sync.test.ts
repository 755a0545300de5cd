// Line reading for streamed imports: lines and their numbers survive 1 MB chunk boundaries that fall
// inside a multi-byte Arabic letter or between \r and \n; a bad byte is reported with its line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLinesSync } from './read-lines-sync';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-lines-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readLinesSync', () => {
  it('gives back 3 MB of Arabic lines (\\r\\n and \\n, no final newline) exactly, with 1-based numbers and progress', () => {
    const lines = Array.from({ length: 30_000 }, (_, index) => `${index} ${'قال الوزير 😀 '.repeat(1 + (index % 7))}`);
    const content = lines.map((line, index) => (index % 2 === 0 ? `${line}\r\n` : `${line}\n`)).join('').replace(/\n$/u, '');
    const file = path.join(dir, 'big.jsonl');
    writeFileSync(file, content);
    const read = [...readLinesSync(file)];
    expect(read.map((line) => line.text)).toEqual(lines);
    expect(read.map((line) => line.number)).toEqual(lines.map((_, index) => index + 1));
    expect(read.at(-1)!.bytesRead).toBe(Buffer.byteLength(content));
    expect(read[0]!.bytesRead).toBeLessThan(Buffer.byteLength(content));
  });

  it('names the line of an invalid UTF-8 byte', () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from('سطر أول\nسطر ثان\n'), Buffer.from([0xff, 0x0a])]));
    expect(() => [...readLinesSync(file, 'bad.jsonl')]).toThrow(/bad\.jsonl, line 3: not valid UTF-8/u);
  });
});
