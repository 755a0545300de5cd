// Runs the real main-process wiring (electron/main.ts, bundled as for the app) against a recording
// fake of Electron and a real SQLite file: what the desktop app does at start-up, on IPC and on
// app:// requests, without the Electron binary this machine cannot download.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/security/content-security-policy';
import type { FakeElectronConfig, FakeElectronRecord } from './test-support/fake-electron';

const repoRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const workDir = mkdtempSync(path.join(tmpdir(), 'isnad-main-test-'));
const bundlePath = path.join(workDir, 'main.cjs');
let loads = 0;
const started: FakeElectronRecord[] = [];

beforeAll(async () => {
  await build({
    absWorkingDir: repoRoot,
    entryPoints: ['electron/main.ts'],
    outfile: bundlePath,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'silent',
    plugins: [
      {
        name: 'fake-electron',
        setup(builder) {
          builder.onResolve({ filter: /^electron$/ }, () => ({ path: path.join(repoRoot, 'electron/test-support/fake-electron.ts') }));
          // The native module stays external, required from the repository's node_modules.
          builder.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: require.resolve('better-sqlite3'), external: true }));
        },
      },
    ],
  });
});

afterEach(() => {
  // 'will-quit' closes the database, as when the app quits.
  for (const record of started.splice(0)) for (const listener of record.appListeners.get('will-quit') ?? []) listener();
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Profile {
  appPath: string;
  userDataDir: string;
  databasePath: string;
}

function makeProfile(options: { built?: boolean } = {}): Profile {
  const root = mkdtempSync(path.join(workDir, 'profile-'));
  const appPath = path.join(root, 'app');
  const userDataDir = path.join(root, 'user-data');
  mkdirSync(path.join(appPath, 'dist', 'renderer', 'assets'), { recursive: true });
  mkdirSync(userDataDir, { recursive: true });
  if (options.built !== false) {
    writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Isnad</title>');
    writeFileSync(path.join(appPath, 'dist', 'renderer', 'assets', 'index.js'), 'console.log("isnad")');
  }
  writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer folder');
  return { appPath, userDataDir, databasePath: path.join(userDataDir, 'isnad.sqlite') };
}

/** Loads a fresh copy of the main bundle, as a fresh app start, and waits for whenReady's work. */
async function startMain(profile: Profile): Promise<FakeElectronRecord> {
  const config: FakeElectronConfig = { appPath: profile.appPath, userDataDir: profile.userDataDir };
  const slot: { config: FakeElectronConfig; record?: FakeElectronRecord } = { config };
  (globalThis as { __isnadFakeElectron?: typeof slot }).__isnadFakeElectron = slot;
  const copy = path.join(workDir, `main-${++loads}.cjs`);
  copyFileSync(bundlePath, copy);
  require(copy);
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (!slot.record) throw new Error('the bundle did not load the fake electron module');
  started.push(slot.record);
  return slot.record;
}

const appFrame = { url: 'app://isnad/index.html', parent: null };

function invoke(record: FakeElectronRecord, senderFrame: unknown, request: unknown): unknown {
  const handler = record.ipcHandlers.get('isnad:rpc');
  if (!handler) throw new Error('no IPC handler on isnad:rpc');
  return handler({ senderFrame }, request);
}

describe('electron/main.ts', () => {
  it('opens the database in userData and one sandboxed window on app://isnad/', async () => {
    const profile = makeProfile();
    const record = await startMain(profile);

    expect(record.errorBoxes).toEqual([]);
    expect(existsSync(profile.databasePath)).toBe(true);
    expect(record.privilegedSchemes).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(record.windows).toHaveLength(1);
    const [window] = record.windows;
    expect(window?.loadedUrls).toEqual(['app://isnad/index.html']);
    expect(window?.options.webPreferences).toMatchObject({
      preload: path.join(profile.appPath, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('uses ISNAD_USER_DATA_DIR as the profile when set (tests, portable use)', async () => {
    const profile = makeProfile();
    const elsewhere = mkdtempSync(path.join(workDir, 'override-'));
    process.env['ISNAD_USER_DATA_DIR'] = elsewhere;
    try {
      await startMain(profile);
    } finally {
      delete process.env['ISNAD_USER_DATA_DIR'];
    }
    expect(existsSync(path.join(elsewhere, 'isnad.sqlite'))).toBe(true);
    expect(existsSync(profile.databasePath)).toBe(false);
  });

  it('answers IPC from the app page through the real dispatch and database', async () => {
    const profile = makeProfile();
    const record = await startMain(profile);

    expect(invoke(record, appFrame, { method: 'app.info', payload: {} })).toMatchObject({
      ok: true,
      value: { version: '9.9.9-test', databasePath: profile.databasePath },
    });
    expect(invoke(record, appFrame, { method: 'annotators.setCurrent', payload: { name: 'Layla' } })).toMatchObject({
      ok: true,
      value: { name: 'Layla' },
    });
    expect(invoke(record, appFrame, { method: 'annotators.current', payload: {} })).toMatchObject({ ok: true, value: { name: 'Layla' } });
    // The payload is validated by the contract's schema behind the channel.
    expect(invoke(record, appFrame, { method: 'annotators.setCurrent', payload: { name: 42 } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses IPC from other origins, subframes and vanished frames', async () => {
    const record = await startMain(makeProfile());
    const request = { method: 'annotators.setCurrent', payload: { name: 'Mallory' } };
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://isnad/index.html', parent: appFrame },
      { url: 'file:///tmp/index.html', parent: null },
      null,
    ]) {
      expect(invoke(record, senderFrame, request)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(invoke(record, appFrame, { method: 'annotators.current', payload: {} })).toEqual({ ok: true, value: null });
  });

  it('formats.saveExport asks where to save and writes the export there; cancelling writes nothing', async () => {
    const profile = makeProfile();
    const record = await startMain(profile);
    invoke(record, appFrame, { method: 'annotators.setCurrent', payload: { name: 'Layla' } });
    const text = 'قال وزير الدفاع إن الضربات دقيقة.';
    const imported = invoke(record, appFrame, { method: 'documents.import', payload: { files: [{ name: 'a.txt', dataBase64: Buffer.from(text).toString('base64') }] } }) as { value: { documents: { id: string }[] } };
    invoke(record, appFrame, { method: 'spans.create', payload: { documentId: imported.value.documents[0]!.id, label: 'claim', startUtf16: 16, endUtf16: 32 } });
    const target = path.join(profile.userDataDir, 'chosen', 'corpus.jsonl');
    mkdirSync(path.dirname(target));

    record.saveDialogAnswer = null;
    expect(await invoke(record, appFrame, { method: 'formats.saveExport', payload: { format: 'jsonl' } })).toMatchObject({ ok: true, value: { saved: false } });
    expect(existsSync(target)).toBe(false);

    record.saveDialogAnswer = target;
    const saved = await invoke(record, appFrame, { method: 'formats.saveExport', payload: { format: 'jsonl' } });
    expect(saved).toMatchObject({ ok: true, value: { saved: true, fileName: 'corpus.jsonl', documentCount: 1, spanCount: 1 } });
    expect(record.saveDialogs).toHaveLength(2);
    expect(record.saveDialogs[1]).toMatchObject({ defaultPath: 'corpus.jsonl' });
    const line = JSON.parse(readFileSync(target, 'utf8').trim()) as { text: string; spans: { label: string; start: number; end: number }[] };
    expect(line.text).toBe(text);
    expect(line.spans).toMatchObject([{ label: 'claim', start: 16, end: 32 }]);

    expect(await invoke(record, appFrame, { method: 'formats.saveExport', payload: { format: 'jsonl', path: '/etc/passwd' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await invoke(record, { url: 'https://evil.example/', parent: null }, { method: 'formats.saveExport', payload: { format: 'jsonl' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(record.saveDialogs).toHaveLength(2);
  });

  it('serves the built renderer with the CSP header, and nothing outside it', async () => {
    const record = await startMain(makeProfile());
    const handle = record.protocolHandlers.get('app');
    if (!handle) throw new Error('app:// is not handled');

    const index = await handle(new Request('app://isnad/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<title>Isnad</title>');

    const script = await handle(new Request('app://isnad/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    for (const url of ['app://isnad/..%2f..%2fsecret.txt', 'app://isnad/missing.js', 'app://other/index.html']) {
      expect((await handle(new Request(url))).status, url).toBe(404);
    }
    expect((await handle(new Request('app://isnad/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('denies every permission and stamps the CSP on other responses', async () => {
    const record = await startMain(makeProfile());
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      record.permissionHandler?.({}, permission, (granted: boolean) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);

    let headers: unknown;
    record.headersListener?.({ responseHeaders: { 'content-security-policy': ['script-src *'] } }, (response: { responseHeaders: unknown }) => {
      headers = response.responseHeaders;
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('hardens every web contents: no navigation away, no windows, web links to the browser', async () => {
    const record = await startMain(makeProfile());
    const listeners = new Map<string, (event: unknown) => void>();
    let windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      getURL: () => 'app://isnad/index.html',
      on: (event: string, listener: (event: unknown) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: typeof windowOpenHandler) => {
        windowOpenHandler = handler;
      },
    };
    for (const listener of record.appListeners.get('web-contents-created') ?? []) listener({}, contents);

    const navigate = (event: string, url: string) => {
      let prevented = false;
      listeners.get(event)?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'app://isnad/index.html')).toBe(false);
    expect(navigate('will-attach-webview', 'app://isnad/index.html')).toBe(true);

    expect(windowOpenHandler?.({ url: 'https://example.com/about' })).toEqual({ action: 'deny' });
    expect(windowOpenHandler?.({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(record.openedExternally).toEqual(['https://example.com/about']);
  });

  it('sends File menu commands to the window', async () => {
    const record = await startMain(makeProfile());
    const file = (record.menuTemplate as Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }>).find(
      (menu) => menu.label === 'File',
    );
    file?.submenu?.find((item) => item.label === 'Export all…')?.click?.();
    expect(record.windows[0]?.sent).toEqual([['isnad:menu', 'export-all']]);
  });

  it('refuses a database from a newer Isnad with a message, and leaves the file untouched', async () => {
    const profile = makeProfile();
    const newer = new Database(profile.databasePath);
    newer.pragma('user_version = 9999');
    newer.close();
    const before = createHash('sha256').update(readFileSync(profile.databasePath)).digest('hex');

    const record = await startMain(profile);

    expect(record.errorBoxes).toHaveLength(1);
    expect(record.errorBoxes[0]?.content).toContain(profile.databasePath);
    expect(record.errorBoxes[0]?.content).toMatch(/newer version of Isnad/);
    expect(record.exitCodes).toEqual([1]);
    expect(record.windows).toEqual([]);
    expect(record.ipcHandlers.size).toBe(0);
    expect(createHash('sha256').update(readFileSync(profile.databasePath)).digest('hex')).toBe(before);
    expect(existsSync(`${profile.databasePath}-wal`)).toBe(false);
  });

  it('says to build first when the renderer is missing, before creating a database', async () => {
    const profile = makeProfile({ built: false });
    const record = await startMain(profile);
    expect(record.errorBoxes[0]?.content).toMatch(/npm run build/);
    expect(record.exitCodes).toEqual([1]);
    expect(existsSync(profile.databasePath)).toBe(false);
  });
});
