// The spill of GET /export: what the response does not take at once waits in a temporary file and
// follows in order, so a slow client costs disk, not memory, and still receives every byte.
import { Writable } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SpillingResponseSink } from './SpillingResponseSink';

/** A response that takes one small piece per event-loop turn, like a slow socket. */
function slowResponse() {
  const received: Buffer[] = [];
  const headers: unknown[] = [];
  const res = new Writable({
    highWaterMark: 4096,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk);
      setImmediate(callback);
    },
  }) as Writable & { headersSent: boolean; writeHead: (status: number, head: unknown) => void };
  res.headersSent = false;
  res.writeHead = (status, head) => {
    headers.push([status, head]);
    res.headersSent = true;
  };
  return { res: res as unknown as ServerResponse, received, headers };
}

describe('SpillingResponseSink', () => {
  it('sends what the response takes, spills the rest and sends it after, in order', async () => {
    const { res, received, headers } = slowResponse();
    const sink = new SpillingResponseSink(res, (name) => ({ 'Content-Disposition': `attachment; filename="${name}"` }));
    sink.open('corpus.jsonl');
    const lines = Array.from({ length: 300 }, (_, index) => `${JSON.stringify({ id: index, text: 'قال الوزير إن الاتفاق سيوقع غدا. '.repeat(20) })}\n`);
    for (const line of lines) sink.write(line);
    sink.close();
    expect(sink.sentBytes).toBeGreaterThan(0);
    expect(sink.spilledBytes).toBeGreaterThan(sink.sentBytes);
    await sink.finish();
    expect(Buffer.concat(received).toString('utf8')).toBe(lines.join(''));
    expect(headers).toEqual([[200, { 'Content-Disposition': 'attachment; filename="corpus.jsonl"' }]]);
  });

  it('ends at once when nothing was spilled', async () => {
    const { res, received } = slowResponse();
    const sink = new SpillingResponseSink(res, () => ({}));
    sink.open('a.json');
    sink.write('{}\n');
    await sink.finish();
    expect(sink.spilledBytes).toBe(0);
    expect(Buffer.concat(received).toString('utf8')).toBe('{}\n');
  });
});
