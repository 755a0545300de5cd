// Renderer bench: a 200,000-character Arabic document with 2,000 overlapping spans, opened in
// headless Debian Chromium through the built `isnad serve`. Prints the time from opening to painted
// highlights (budget 0.5 s) and from a tagging shortcut to the server's confirmation (budget 50 ms,
// median of 20). Prints numbers, asserts nothing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const fixturesDir = path.resolve(root, '..', 'shared', 'fixtures');
const DOCUMENT_CHARS = 200_000;
const SPAN_COUNT = 2_000;
const TAG_RUNS = 20;
const OPEN_BUDGET_MS = 500;
const TAG_BUDGET_MS = 50;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A seeded generator, so every run measures the same document and spans. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function buildDocument() {
  const sentences = readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(path.join(fixturesDir, name), 'utf8').split(/(?<=[.!؟?])\s+|\n+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 20);
  const lines = ['وثيقة اختبار الأداء: مقال طويل من جمل حقيقية'];
  let length = lines[0].length;
  for (let k = 0; length < DOCUMENT_CHARS; k++) {
    const paragraph = [0, 1, 2].map((j) => sentences[(k * 3 + j) % sentences.length]).join(' ');
    lines.push(paragraph);
    length += paragraph.length + 1;
  }
  return lines.join('\n').slice(0, DOCUMENT_CHARS);
}

function startServer(dbPath) {
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

function rpcCaller(url) {
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token');
  return async (method, payload) => {
    const response = await fetch(`${origin}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ method, payload }) });
    const result = await response.json();
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function runRendererBench() {
  if (!existsSync(path.join(root, 'dist', 'cli', 'isnad.cjs')) || !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error('bench-renderer: build first (npm run build)');
  }
  const { chromium } = createRequire(import.meta.url)('playwright-core');
  const dir = mkdtempSync(path.join(tmpdir(), 'isnad-bench-renderer-'));
  const { child, url } = await startServer(path.join(dir, 'bench.sqlite'));
  let browser;
  try {
    const rpc = rpcCaller(url);
    await rpc('annotators.setCurrent', { name: 'bench' });
    const text = buildDocument();
    const { documents } = await rpc('documents.import', { files: [{ name: 'bench.txt', dataBase64: Buffer.from(text, 'utf8').toString('base64') }] });
    const documentId = documents[0].id;
    const labels = (await rpc('labels.list', {})).map((label) => label.name);
    const next = random(42);
    const insertStarted = performance.now();
    for (let i = 0; i < SPAN_COUNT; i++) {
      const startUtf16 = Math.floor(next() * (text.length - 500));
      const endUtf16 = startUtf16 + 5 + Math.floor(next() * 400);
      await rpc('spans.create', { documentId, label: labels[i % labels.length], startUtf16, endUtf16 });
    }
    console.log(`setup: ${text.length.toLocaleString('en')} characters, ${SPAN_COUNT.toLocaleString('en')} spans inserted over RPC in ${((performance.now() - insertStarted) / 1000).toFixed(1)} s`);

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    const item = page.locator(`[data-testid="document-list-item"][data-document-id="${documentId}"]`);
    await item.waitFor();
    // Open another state first so the click below is a real open, then measure it.
    await page.evaluate(() => performance.clearMarks());
    await item.click();
    await page.waitForFunction(() => performance.getEntriesByName('isnad:highlights-painted').length > 0, null, { timeout: 60_000 });
    const openMs = await page.evaluate(() => performance.measure('open', 'isnad:document-open-start', 'isnad:highlights-painted').duration);
    const painted = await page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => !['isnad-selected', 'isnad-flash'].includes(name)).reduce((sum, [, h]) => sum + h.size, 0));

    const tagMs = [];
    const paragraphs = await page.locator('[data-testid="editor"] p').count();
    for (let i = 0; i < TAG_RUNS; i++) {
      await page.evaluate((index) => {
        const p = document.querySelectorAll('[data-testid="editor"] p')[index];
        const node = p.querySelector('[data-lexical-text]')?.firstChild;
        p.scrollIntoView({ block: 'center' });
        window.getSelection().setBaseAndExtent(node, 0, node, Math.min(12, node.data.length));
      }, 1 + ((i * 37) % (paragraphs - 1)));
      await page.waitForTimeout(50);
      const committedBefore = await page.evaluate(() => performance.getEntriesByName('isnad:tag-committed').length);
      await page.keyboard.press('Digit1');
      await page.waitForFunction((n) => performance.getEntriesByName('isnad:tag-committed').length > n, committedBefore);
      tagMs.push(await page.evaluate(() => {
        const start = performance.getEntriesByName('isnad:tag-start').at(-1);
        const end = performance.getEntriesByName('isnad:tag-committed').at(-1);
        return end.startTime - start.startTime;
      }));
    }
    const tagMedian = median(tagMs);
    console.log(`open 200k-character document with ${painted.toLocaleString('en')} highlighted spans: ${openMs.toFixed(0)} ms (budget ${OPEN_BUDGET_MS} ms)`);
    console.log(`tag shortcut to committed span, median of ${TAG_RUNS}: ${tagMedian.toFixed(1)} ms (budget ${TAG_BUDGET_MS} ms; min ${Math.min(...tagMs).toFixed(1)}, max ${Math.max(...tagMs).toFixed(1)})`);
    return { openMs, tagMedianMs: tagMedian };
  } finally {
    await browser?.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runRendererBench().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
