// What only the HTTP transport must do: refuse callers without this run's token, foreign Host and
// Origin headers, path traversal and oversized bodies, and listen on 127.0.0.1 alone.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/rpc/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';
import { rawHttpRequest, type RawRequest, type RawResponse } from '../helpers/raw-http-request';
import { fixturePath, PENTAGON_FIXTURE } from '../helpers/repo-paths';
import { openHttpBackend, type HttpRpcBackend } from '../helpers/rpc-backends';
import { MAX_RPC_BODY_BYTES } from '../../cli/server/handle-rpc';
import { createTempDir, type TempDir } from '../helpers/temp-dir';

const SECRET = 'SECRET-OUTSIDE-THE-STATIC-FOLDER';

let site: TempDir;
let backend: HttpRpcBackend;
let port: number;

beforeEach(async () => {
  // site/package.json lies next to the static folder: what a traversal would try to read.
  site = createTempDir('isnad-static-');
  const staticDir = path.join(site.path, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(site.path, 'package.json'), `{"secret": "${SECRET}"}`);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html lang="ar" dir="rtl"><title>إسناد</title></html>');
  writeFileSync(path.join(staticDir, 'assets', 'index-abc123.js'), 'console.log("isnad");');
  writeFileSync(path.join(staticDir, 'assets', 'index-abc123.css'), 'body { margin: 0 }');
  writeFileSync(path.join(staticDir, 'assets', 'naskh.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(staticDir, '.env'), SECRET);
  symlinkSync(path.join(site.path, 'package.json'), path.join(staticDir, 'assets', 'linked.json'));
  backend = await openHttpBackend({ staticDir });
  port = backend.server.port;
});

afterEach(async () => {
  await backend.close();
  site.remove();
});

function request(options: Omit<RawRequest, 'port'>): Promise<RawResponse> {
  return rawHttpRequest({ port, ...options });
}

function rpc(body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return request({
    method: 'POST',
    path: '/rpc',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.server.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const setAnnotator = { method: 'annotators.setCurrent', payload: { name: 'Mallory' } };

function annotatorCount(): number {
  return backend.db.prepare('SELECT count(*) FROM annotators').pluck().get() as number;
}

function expectRefusal(response: RawResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
}

describe('listening address', () => {
  it('listens on 127.0.0.1 only, and prints a tokened 127.0.0.1 URL', async () => {
    expect(backend.server.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port });
    expect(backend.server.url).toBe(`http://127.0.0.1:${port}/?token=${backend.server.token}`);
    expect(Buffer.from(backend.server.token, 'base64url')).toHaveLength(32);
  });

  it('cannot be reached on another interface of this machine', async (context) => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((info) => info?.family === 'IPv4' && !info.internal);
    if (!external) {
      context.skip('this machine has no non-loopback IPv4 address to try');
      return;
    }
    const outcome = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: external.address, port }, () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      // A firewall may drop instead of refusing: no answer at all is just as unreachable.
      socket.setTimeout(3000, () => {
        socket.destroy();
        resolve('timed out');
      });
    });
    expect(outcome).not.toBe('connected');
    expect(['ECONNREFUSED', 'timed out']).toContain(outcome);
  });
});

describe('token', () => {
  it('answers a call without a token with 401 and leaves the database unchanged', async () => {
    const response = await rpc(setAnnotator, { authorization: '' });
    expectRefusal(response, 401, 'UNAUTHORIZED');
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(annotatorCount()).toBe(0);
  });

  it('answers a wrong token, another scheme or a token in the query string with 401', async () => {
    const token = backend.server.token;
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const authorization of [`Bearer ${wrong}`, `Bearer ${token}x`, 'Bearer', `Basic ${token}`, token]) {
      expectRefusal(await rpc(setAnnotator, { authorization }), 401, 'UNAUTHORIZED');
    }
    const inQuery = await request({
      method: 'POST',
      path: `/rpc?token=${token}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(setAnnotator),
    });
    expectRefusal(inQuery, 401, 'UNAUTHORIZED');
    expect(annotatorCount()).toBe(0);
  });

  it('accepts the right token', async () => {
    const response = await rpc(setAnnotator);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: 'Mallory' } });
    expect(annotatorCount()).toBe(1);
  });
});

describe('Host and Origin (DNS rebinding and cross-site requests)', () => {
  it('refuses a foreign Host with 403, even with the right token', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `0.0.0.0:${port}`, `[::1]:${port}`]) {
      expectRefusal(await rpc(setAnnotator, { host }), 403, 'UNAUTHORIZED');
      expectRefusal(await request({ path: '/', headers: { host } }), 403, 'UNAUTHORIZED');
    }
    expect(annotatorCount()).toBe(0);
  });

  it('accepts Host 127.0.0.1:PORT and localhost:PORT', async () => {
    expect((await rpc({ method: 'labels.list', payload: {} }, { host: `localhost:${port}` })).status).toBe(200);
    expect((await request({ path: '/', headers: { host: `LOCALHOST:${port}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin with 403, even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, 'null']) {
      expectRefusal(await rpc(setAnnotator, { origin }), 403, 'UNAUTHORIZED');
    }
    expect(annotatorCount()).toBe(0);
  });

  it('accepts our own origin, as the renderer sends it', async () => {
    expect((await rpc(setAnnotator, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await rpc(setAnnotator, { origin: `http://localhost:${port}` })).status).toBe(200);
  });
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    expectRefusal(await rpc('{"method": "labels.list", '), 400, 'BAD_REQUEST');
    expectRefusal(await rpc('[1, 2]'), 400, 'BAD_REQUEST');
    expectRefusal(await rpc({ payload: {} }), 400, 'BAD_REQUEST');
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    expectRefusal(await rpc(setAnnotator, { 'content-type': 'text/plain' }), 415, 'BAD_REQUEST');
    expect(annotatorCount()).toBe(0);
  });

  it('answers an RPC-level error with status 200 and the RpcResult', async () => {
    const response = await rpc({ method: 'no.such.method', payload: {} });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const huge = JSON.stringify({ method: 'documents.import', payload: { files: [{ name: 'big.txt', dataBase64: 'A'.repeat(MAX_RPC_BODY_BYTES) }] } });
    const declared = await rpc(huge);
    expectRefusal(declared, 413, 'BAD_REQUEST');
    expect(JSON.parse(declared.body).error.message).toContain(`${Math.round(MAX_RPC_BODY_BYTES / (1024 * 1024))} MB`);

    // A chunked body carries no Content-Length: the limit must hold while reading.
    const small = await openHttpBackend({ maxBodyBytes: 1000 });
    try {
      const streamed = await rawHttpRequest({
        port: small.server.port,
        method: 'POST',
        path: '/rpc',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${small.server.token}`, 'transfer-encoding': 'chunked' },
        body: JSON.stringify({ method: 'annotators.setCurrent', payload: { name: 'x'.repeat(2000) } }),
      });
      expectRefusal(streamed, 413, 'BAD_REQUEST');
    } finally {
      await small.close();
    }
  });

  it('takes one file at the import size limit in one request', async () => {
    const line = readFileSync(fixturePath(PENTAGON_FIXTURE), 'utf8');
    const bytes = Buffer.from(line.repeat(Math.ceil(MAX_IMPORT_BYTES / Buffer.byteLength(line)))).subarray(0, MAX_IMPORT_BYTES);
    // Cut back to the last whole line so the bytes stay valid UTF-8.
    const text = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
    const response = await rpc({ method: 'documents.import', payload: { files: [{ name: 'big.txt', dataBase64: text.toString('base64') }] } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true });
  });
});

describe('static files', () => {
  it('serves index.html for / (with or without the token) as HTML that is never cached', async () => {
    for (const url of ['/', `/?token=${backend.server.token}`, '/index.html']) {
      const response = await request({ path: url });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('إسناد');
    }
  });

  it('serves assets with their content types, and HEAD without a body', async () => {
    const types: Record<string, string> = {
      '/assets/index-abc123.js': 'text/javascript; charset=utf-8',
      '/assets/index-abc123.css': 'text/css; charset=utf-8',
      '/assets/naskh.woff2': 'font/woff2',
    };
    for (const [url, type] of Object.entries(types)) {
      const response = await request({ path: url });
      expect(response.status, url).toBe(200);
      expect(response.headers['content-type']).toBe(type);
    }
    const head = await request({ method: 'HEAD', path: '/assets/index-abc123.js' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('console.log("isnad");'.length));
    expect(head.body).toBe('');
  });

  it('finds nothing outside the static folder, however the path is spelled', async () => {
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%5cpackage.json',
      '/%2e%2e%5cpackage.json',
      `/${encodeURIComponent(path.join(site.path, 'package.json'))}`,
      '//etc/passwd',
      '/assets/linked.json',
      '/.env',
      '/assets/',
      '/index.html%00.js',
      '/%E0%A4%A',
    ];
    for (const attempt of attempts) {
      const response = await request({ path: attempt });
      expect(response.status, attempt).toBe(404);
      expect(response.body).not.toContain(SECRET);
    }
  });

  it('answers other methods and unknown paths with 405 and 404', async () => {
    expect((await request({ path: '/missing.js' })).status).toBe(404);
    expect((await request({ method: 'POST', path: '/' })).status).toBe(405);
    expect((await request({ method: 'DELETE', path: '/index.html' })).status).toBe(405);
    expect((await request({ path: '/rpc' })).status).toBe(405);
    expect((await request({ method: 'PUT', path: '/rpc', headers: { authorization: `Bearer ${backend.server.token}` } })).status).toBe(405);
  });
});

describe('security headers', () => {
  it('sends the CSP, nosniff and no-referrer on every kind of response', async () => {
    const responses = [
      await request({ path: '/' }),
      await request({ path: '/assets/index-abc123.js' }),
      await request({ path: '/missing' }),
      await rpc({ method: 'labels.list', payload: {} }),
      await rpc(setAnnotator, { authorization: '' }),
      await rpc(setAnnotator, { host: 'evil.example' }),
      await rpc('not json'),
    ];
    // The header form (with frame-ancestors, which a meta tag cannot carry); its directives are tested in shared/security.
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    for (const response of responses) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(responses[3]?.headers['cache-control']).toBe('no-store');
  });
});
