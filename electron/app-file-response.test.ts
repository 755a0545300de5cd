// app:// request → file mapping (no escape from dist/renderer) and the headers every app file carries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../shared/security/content-security-policy';
import { appResponseHeaders, contentTypeFor, resolveAppFilePath, withContentSecurityPolicy } from './app-file-response';

const root = path.resolve('/opt/isnad/dist/renderer');

describe('resolveAppFilePath', () => {
  it('serves index.html for the origin root and files below the renderer folder', () => {
    expect(resolveAppFilePath(root, 'app://isnad/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFilePath(root, 'app://isnad/index.html?x=1#top')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFilePath(root, 'app://isnad/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppFilePath(root, 'app://isnad/assets/a%20b.woff2')).toBe(path.join(root, 'assets', 'a b.woff2'));
  });

  it('refuses paths that escape the renderer folder, however they are spelled', () => {
    for (const url of [
      'app://isnad/%2e%2e/%2e%2e/etc/passwd',
      'app://isnad/assets/..%2f..%2f..%2fpackage.json',
      'app://isnad/..%5c..%5csecret',
      'app://isnad/a%00.js',
      'app://isnad/%E0%A4%A',
    ]) {
      const resolved = resolveAppFilePath(root, url);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
    }
    // Encoded separators survive URL parsing and only become '..' segments after decoding.
    expect(resolveAppFilePath(root, 'app://isnad/assets/..%2f..%2f..%2fpackage.json')).toBeNull();
    expect(resolveAppFilePath(root, 'app://isnad/a%00.js')).toBeNull();
    expect(resolveAppFilePath(root, 'app://isnad/%E0%A4%A')).toBeNull();
  });

  it('refuses other origins', () => {
    expect(resolveAppFilePath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFilePath(root, 'file:///opt/isnad/dist/renderer/index.html')).toBeNull();
    expect(resolveAppFilePath(root, 'https://isnad/index.html')).toBeNull();
  });
});

describe('response headers', () => {
  it('gives module scripts, styles and fonts their real types', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/assets/index.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/assets/index.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/assets/noto-naskh-arabic.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });

  it('serves every app file with the CSP and nosniff', () => {
    const headers = appResponseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('replaces a looser CSP on other responses instead of adding a second one', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] });
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy')).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(withContentSecurityPolicy(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it("matches renderer/index.html's meta tag, so the header and the tag enforce one policy", () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY_META);
  });
});
