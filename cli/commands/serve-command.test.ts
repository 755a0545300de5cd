// `isnad serve` in-process: prints a tokened 127.0.0.1 address that answers RPC calls, serves the
// renderer, and on stop closes the server and the database.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database';
import { runCli } from '../run-cli';
import { captureIo } from '../test-support/capture-io';

let dir: string;
let staticDir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-serve-'));
  staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>إسناد</title>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Waits until serve has printed its address. */
async function addressPrinted(out: string[]): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out.join(''));
    if (match) return match[0];
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`serve printed no address: ${out.join('')}`);
}

describe('isnad serve', () => {
  it('serves the renderer and RPC with the printed token until stopped, then releases the database', async () => {
    const dbPath = path.join(dir, 'isnad.sqlite');
    const io = captureIo({ cwd: dir, staticDir });
    const running = runCli(['serve', '--db', dbPath, '--port', '0'], io);
    const address = new URL(await addressPrinted(io.out));
    expect(io.opened).toEqual([address.href]);
    const token = address.searchParams.get('token')!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    const page = await fetch(address);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('إسناد');

    const call = (authorization: string) =>
      fetch(new URL('/rpc', address), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: authorization },
        body: JSON.stringify({ method: 'annotators.setCurrent', payload: { name: 'سارة' } }),
      });
    expect((await call('Bearer not-the-token')).status).toBe(401);
    const answer = await call(`Bearer ${token}`);
    expect(await answer.json()).toMatchObject({ ok: true, value: { name: 'سارة' } });
    expect(io.out.join('')).toContain(dbPath);

    io.stop();
    expect(await running).toBe(0);
    await expect(fetch(address)).rejects.toThrow();
    // The write made through the server is in the file, and the file is free to open again.
    const db = openDatabase(dbPath);
    expect(db.prepare('SELECT name FROM annotators').pluck().all()).toEqual(['سارة']);
    db.close();
  });

  it('does not open a browser with --no-open', async () => {
    const io = captureIo({ cwd: dir, staticDir });
    const running = runCli(['serve', '--db', 'x.sqlite', '--no-open'], io);
    await addressPrinted(io.out);
    io.stop();
    expect(await running).toBe(0);
    expect(io.opened).toEqual([]);
  });

  it('fails in one line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const io = captureIo({ cwd: dir, staticDir });
      expect(await runCli(['serve', '--db', 'x.sqlite', '--port', String(port), '--no-open'], io)).toBe(1);
      expect(io.err.join('')).toMatch(new RegExp(`^isnad: port ${port} is already in use[^\\n]*\\n$`));
    } finally {
      blocker.close();
    }
  });

  it('fails in one line when the renderer is not built', async () => {
    const io = captureIo({ cwd: dir, staticDir: path.join(dir, 'missing') });
    expect(await runCli(['serve', '--db', 'x.sqlite', '--no-open'], io)).toBe(1);
    expect(io.err.join('')).toMatch(/^isnad: the web interface is not built[^\n]*npm run build\n$/);
  });
});
