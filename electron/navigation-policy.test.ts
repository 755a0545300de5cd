// The window never leaves the app page, and only http(s) links are handed to the OS browser.
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';
import { externalUrlToOpen, isNavigationAllowed } from './navigation-policy';

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://isnad/index.html?lang=en#x')).toBe(true);
    for (const url of [
      'app://isnad.evil.example/index.html',
      'app://evil/index.html',
      'app://isnad:8080/index.html',
      'app://user@isnad/index.html',
      'file:///index.html',
      'https://isnad/index.html',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isNavigationAllowed', () => {
  it('allows only the same app page', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL, APP_ENTRY_URL)).toBe(true);
  });

  it('blocks leaving the page, to the web, to files or to another app path', () => {
    for (const target of [
      'https://example.com/',
      'http://127.0.0.1:8080/rpc',
      'file:///etc/passwd',
      'app://isnad/other.html',
      'app://evil/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      expect(isNavigationAllowed(APP_ENTRY_URL, target), target).toBe(false);
    }
  });

  it('blocks everything when the current page is not the app (e.g. an error page)', () => {
    expect(isNavigationAllowed('chrome-error://chromewebdata/', 'chrome-error://chromewebdata/')).toBe(false);
    expect(isNavigationAllowed('', APP_ENTRY_URL)).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  it('passes web links to the browser', () => {
    expect(externalUrlToOpen('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(externalUrlToOpen('http://example.com')).toBe('http://example.com/');
  });

  it('never hands other schemes or credentials to the OS', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share',
      'javascript:alert(1)',
      'ms-msdt:/id%20PCWDiagnostic',
      'app://isnad/index.html',
      'https://user:pass@example.com/',
      'not a url',
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });
});
