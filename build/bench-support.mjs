// What the build/bench-*.mjs scripts share: the fixture sentences, a seeded generator, the built
// `isnad serve` on a temp database with an RPC caller and Debian Chromium, the median, the main guard.
// A bench must measure the same work on every run, hence no Math.random here.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = path.resolve(import.meta.dirname, '..');
export const fixturesDir = path.resolve(root, '..', 'shared', 'fixtures');
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A seeded generator, so every run measures the same document and spans. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The sentences of the shared Arabic fixtures (longer than 20 characters), in file order. */
export function fixtureSentences() {
  return readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(path.join(fixturesDir, name), 'utf8').split(/(?<=[.!؟?])\s+|\n+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 20);
}

/** A document of exactly `chars` characters: the title, then paragraphs of three real sentences. */
export function buildDocument(title, chars) {
  const sentences = fixtureSentences();
  const lines = [title];
  let length = lines[0].length;
  for (let k = 0; length < chars; k++) {
    const paragraph = [0, 1, 2].map((j) => sentences[(k * 3 + j) % sentences.length]).join(' ');
    lines.push(paragraph);
    length += paragraph.length + 1;
  }
  return lines.join('\n').slice(0, chars);
}

/**
 * The built app on a temp database for a browser bench: its URL, an RPC caller, the temp folder, and
 * Chromium on demand. close() closes Chromium, stops the server and removes the folder.
 */
export async function startBenchApp(benchName) {
  // Browser benches test the built app: fail early with the fix rather than a spawn error.
  if (!existsSync(path.join(root, 'dist', 'cli', 'isnad.cjs')) || !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error(`${benchName}: build first (npm run build)`);
  }
  const { chromium } = createRequire(import.meta.url)('playwright-core');
  const dir = mkdtempSync(path.join(tmpdir(), `isnad-${benchName}-`));
  const { child, url } = await startServer(path.join(dir, 'bench.sqlite'));
  let browser;
  return {
    dir,
    url,
    rpc: rpcCaller(url),
    async launchChromium() {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
      return browser;
    },
    async close() {
      await browser?.close();
      await stopServer(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports `text` as one document over RPC and returns its id. */
export async function importText(rpc, text) {
  const { documents } = await rpc('documents.import', { files: [{ name: 'bench.txt', dataBase64: Buffer.from(text, 'utf8').toString('base64') }] });
  return documents[0].id;
}

/** Starts the built `isnad serve` on `dbPath` and resolves with the child and the URL it prints. */
export function startServer(dbPath) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'isnad.js'), 'serve', '--db', dbPath, '--port', '0', '--no-open'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) resolve({ child, url: match[0] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`isnad serve exited (${code}): ${output.trim()}`)));
  });
}

/** Stops a server from startServer and waits until it has exited (so its temp database can go). */
export async function stopServer(child) {
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
}

/** `rpc(method, payload)` against the server at `url` (with its token); throws on an RPC error. */
export function rpcCaller(url) {
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token');
  return async (method, payload) => {
    const response = await fetch(`${origin}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ method, payload }) });
    const result = await response.json();
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a bench exported by `moduleUrl` when node was started on that file; a failure exits 1 with its message. */
export function runWhenMain(moduleUrl, run) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  run().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
