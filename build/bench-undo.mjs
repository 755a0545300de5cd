// Undo bench: a 200,000-character Arabic document with 2,000 spans (and claim frames joining some
// of them) in a temp-file database, then 20 times: relabel a span, and time `history.undo` of
// that change through dispatch, including the document's spans and relations it returns so the UI
// can redraw. Prints the median against the 50 ms budget; asserts nothing.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { fixturesDir, random, root } from './bench-support.mjs';

const DOCUMENT_CHARS = 200_000;
const SPAN_COUNT = 2_000;
const UNDO_RUNS = 20;
const BUDGET_MS = 50;
const require = createRequire(import.meta.url);

// The store is TypeScript: bundle it, keeping better-sqlite3 (native) as an absolute external path
// so the bundle loads from a temp folder.
const betterSqlite3 = require.resolve('better-sqlite3');
const bundled = await build({
  absWorkingDir: root,
  stdin: {
    contents: `export { createDispatch } from './db/create-dispatch'; export { openDatabase } from './db/open-database';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  logLevel: 'error',
  plugins: [{ name: 'native-external', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: betterSqlite3, external: true })) }],
});

const dir = mkdtempSync(path.join(tmpdir(), 'isnad-bench-undo-'));
try {
  const bundlePath = path.join(dir, 'store.cjs');
  writeFileSync(bundlePath, bundled.outputFiles[0].text);
  const { createDispatch, openDatabase } = require(bundlePath);

  const source = readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(fixturesDir, name), 'utf8'))
    .join('\n');
  let text = '';
  while (text.length < DOCUMENT_CHARS) text += `${source}\n`;
  text = text.slice(0, DOCUMENT_CHARS);

  const databasePath = path.join(dir, 'bench.sqlite');
  const db = openDatabase(databasePath);
  const dispatch = createDispatch(db, { databasePath, appVersion: 'bench' });
  const call = (method, payload) => {
    const result = dispatch(method, payload);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  call('annotators.setCurrent', { name: 'bench' });
  const [document] = call('documents.import', { files: [{ name: 'long.txt', dataBase64: Buffer.from(text).toString('base64') }] }).documents;
  const stored = call('documents.get', { documentId: document.id }).document.text;

  const next = random(7);
  const labels = ['claim', 'speaker', 'source', 'cue'];
  const spans = [];
  const setup = process.hrtime.bigint();
  db.transaction(() => {
    for (let i = 0; i < SPAN_COUNT; i++) {
      let startUtf16 = Math.floor(next() * (stored.length - 200));
      let endUtf16 = startUtf16 + 5 + Math.floor(next() * 150);
      // Never split a surrogate pair (the fixtures are BMP-only, but stay honest).
      if (/[\uDC00-\uDFFF]/.test(stored[startUtf16])) startUtf16++;
      if (/[\uDC00-\uDFFF]/.test(stored[endUtf16] ?? '')) endUtf16++;
      spans.push(call('spans.create', { documentId: document.id, label: labels[i % 4], startUtf16, endUtf16 }));
    }
    for (let i = 0; i + 1 < SPAN_COUNT; i += 4) call('relations.create', { type: 'said_by', fromSpanId: spans[i].id, toSpanId: spans[i + 1].id });
  })();
  console.log(`setup:      ${SPAN_COUNT} spans and ${SPAN_COUNT / 4} relations in ${(Number(process.hrtime.bigint() - setup) / 1e6).toFixed(0)} ms`);

  const timings = [];
  for (let run = 0; run < UNDO_RUNS; run++) {
    const span = spans[Math.floor(next() * spans.length)];
    call('spans.setLabel', { spanId: span.id, label: span.label === 'cue' ? 'claim' : 'cue' });
    const started = process.hrtime.bigint();
    const undone = call('history.undo', { documentId: document.id });
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (!undone.changed || undone.spans.length !== SPAN_COUNT) throw new Error('undo did not restore the document');
  }
  db.close();
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)];
  console.log(`undo:       median ${median.toFixed(1)} ms over ${UNDO_RUNS} undos of a relabel, returning ${SPAN_COUNT} spans (budget ${BUDGET_MS} ms: ${median <= BUDGET_MS ? 'within' : 'OVER'})`);
  console.log(`            fastest ${timings[0].toFixed(1)} ms, slowest ${timings.at(-1).toFixed(1)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
