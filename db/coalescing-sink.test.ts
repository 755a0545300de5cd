// The export sink that gathers small writes: what reaches the file is the same text, in the same
// files, in far fewer writes.
import { describe, expect, it } from 'vitest';
import { CoalescingSink } from './coalescing-sink';
import type { ExportSink } from './export-sink';

function recordingSink(): ExportSink & { calls: string[]; files: Map<string, string> } {
  const files = new Map<string, string>();
  const calls: string[] = [];
  let current = '';
  return {
    calls,
    files,
    open: (name) => {
      calls.push(`open ${name}`);
      current = name;
      files.set(name, '');
    },
    write: (chunk) => {
      calls.push('write');
      files.set(current, files.get(current)! + chunk);
    },
    close: () => calls.push('close'),
  };
}

describe('CoalescingSink', () => {
  it('passes 200,000 small writes on as a few pieces, with the same text', () => {
    const target = recordingSink();
    const sink = new CoalescingSink(target);
    sink.open('annotations.jsonld');
    const chunks = Array.from({ length: 200_000 }, (_, index) => `{"id": "span-${index}", "label": "قول"},\n`);
    for (const chunk of chunks) sink.write(chunk);
    sink.close();
    expect(target.files.get('annotations.jsonld')).toBe(chunks.join(''));
    const writes = target.calls.filter((call) => call === 'write').length;
    expect(writes).toBeGreaterThan(1);
    expect(writes).toBeLessThan(20);
    expect(target.calls.at(-1)).toBe('close');
  });

  it('keeps each file of a many-file export (brat) to its own text', () => {
    const target = recordingSink();
    const sink = new CoalescingSink(target);
    for (const name of ['a.txt', 'a.ann', 'b.txt']) {
      sink.open(name);
      sink.write(`${name}:1 `);
      sink.write(`${name}:2`);
      sink.close();
    }
    expect(Object.fromEntries(target.files)).toEqual({ 'a.txt': 'a.txt:1 a.txt:2', 'a.ann': 'a.ann:1 a.ann:2', 'b.txt': 'b.txt:1 b.txt:2' });
    expect(target.calls).toEqual(['open a.txt', 'write', 'close', 'open a.ann', 'write', 'close', 'open b.txt', 'write', 'close']);
  });
});
