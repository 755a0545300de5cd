// Agreement bench: writes three annotators' export files for 1,000 Arabic documents of about 3,000
// characters (fixture sentences) with 100 spans each that partly agree (claims with a claim type and
// a said_by relation), then loads them and computes every measure in a fresh Node process
// (shared/review bundled by esbuild), so that its peak memory is the report's alone, and prints
// time and peak memory against the budgets (it never fails for them).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const DOCUMENT_COUNT = 1000;
const DOCUMENT_CHARS = 3000;
const ANNOTATORS = ['أمل', 'بدر', 'شادي'];
const SPANS_PER_DOCUMENT = 100;
const BUDGET_SECONDS = 2;
const BUDGET_MB = 500;
const LABELS = ['claim', 'claim', 'speaker', 'source', 'cue'];

const root = path.resolve(import.meta.dirname, '..');
const fixturesDir = path.resolve(root, '..', 'shared', 'fixtures');
const measureDir = process.argv[2] === '--measure' ? process.argv[3] : undefined;

// Bundle the loader, the measures and the formatters the way the CLI bundle includes them.
const ENTRY = `
export { loadReview } from './shared/review/load-review';
export { reviewReport } from './shared/review/review-report';
export { agreementReport } from './shared/agreement/agreement-report';
export { formatTable } from './cli/report/format-table';
export { formatCsv } from './cli/report/format-csv';
export { formatHtml } from './cli/report/format-html';
`;

/** Deterministic random numbers (mulberry32), so every run measures the same data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

function writeExportFiles(dir) {
  const sentences = readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(path.join(fixturesDir, name), 'utf8').split(/(?<=[.!؟?])\s+|\n+/))
    .map((s) => s.trim().normalize('NFC'))
    .filter((s) => s.length > 20);
  if (sentences.length === 0) throw new Error(`no sentences in ${fixturesDir}`);
  const next = random(42);
  const at = '2026-11-25T12:00:00.000Z';
  const files = ANNOTATORS.map((name, i) => ({ format: 'isnad', version: 1, exportedAt: at, annotators: [{ id: `annotator-${i}`, name }], documents: [] }));
  let chars = 0;
  for (let d = 0; d < DOCUMENT_COUNT; d++) {
    const lines = [`مقال رقم ${d + 1}: ${sentences[d % sentences.length]}`];
    let length = lines[0].length;
    for (let k = 0; length < DOCUMENT_CHARS; k++) {
      const sentence = sentences[(d * 7 + k * 13) % sentences.length];
      lines.push(sentence);
      length += sentence.length + 1;
    }
    const text = lines.join('\n');
    chars += text.length;
    const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
    const pick = (n) => Math.floor(next() * n);
    const spanAt = (first, count, label) => {
      const a = Math.max(0, Math.min(first, words.length - 1));
      const b = Math.max(a, Math.min(a + count - 1, words.length - 1));
      return { label, startUtf16: words[a][0], endUtf16: words[b][1], first: a, count: b - a + 1 };
    };
    const randomSpan = () => spanAt(pick(words.length), 1 + pick(10), LABELS[pick(LABELS.length)]);
    const reference = Array.from({ length: SPANS_PER_DOCUMENT }, randomSpan);
    const sha256 = sha256Hex(text);
    files.forEach((file, i) => {
      // Each annotator keeps most reference spans, moves some boundaries by a word, relabels or replaces a few.
      const spans = reference.map((ref, k) => {
        const r = next();
        const span = r < 0.6 ? ref : r < 0.8 ? spanAt(ref.first + (next() < 0.5 ? -1 : 1), ref.count + 1, ref.label) : r < 0.9 ? { ...ref, label: LABELS[pick(LABELS.length)] } : randomSpan();
        // Documents have no characters outside the BMP here, so code points equal UTF-16 offsets.
        return { id: `s${i}-${d}-${k}`, annotator: `annotator-${i}`, label: span.label, start: span.startUtf16, end: span.endUtf16, startUtf16: span.startUtf16, endUtf16: span.endUtf16, text: text.slice(span.startUtf16, span.endUtf16), createdAt: at, updatedAt: at };
      });
      // Claims carry a claim type and are said_by the next speaker, as annotators' files do.
      const speakers = spans.filter((span) => span.label === 'speaker');
      const relations = [];
      spans.forEach((span, k) => {
        if (span.label !== 'claim') return;
        span.attributes = { claimType: next() < 0.5 ? 'quote' : 'paraphrase' };
        const speaker = speakers.find((candidate) => candidate.startUtf16 >= span.endUtf16) ?? speakers[0];
        if (speaker !== undefined) relations.push({ id: `r${i}-${d}-${k}`, annotator: `annotator-${i}`, type: 'said_by', from: span.id, to: speaker.id, createdAt: at });
      });
      file.documents.push({ id: `doc-${i}-${d}`, title: lines[0], lang: 'ar', direction: 'rtl', sha256, text, spans, relations });
    });
  }
  const names = files.map((file, i) => {
    const name = path.join(dir, `annotator-${i}.json`);
    writeFileSync(name, JSON.stringify(file));
    return name;
  });
  return { names, chars };
}

const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(0);
const peakMb = () => mb(process.resourceUsage().maxRSS * 1024);
const seconds = (from) => Number(process.hrtime.bigint() - from) / 1e9;
const cpuSeconds = (from) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

if (measureDir === undefined) {
  const dir = mkdtempSync(path.join(tmpdir(), 'isnad-bench-agreement-'));
  try {
    await build({ stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' }, bundle: true, outfile: path.join(dir, 'agreement-bundle.mjs'), format: 'esm', platform: 'node', target: 'node22', logLevel: 'error' });
    const { names, chars } = writeExportFiles(dir);
    const bytes = names.reduce((sum, name) => sum + readFileSync(name).length, 0);
    console.log(`data:         ${DOCUMENT_COUNT} documents (${(chars / DOCUMENT_COUNT).toFixed(0)} characters each) × ${ANNOTATORS.length} annotators × ${SPANS_PER_DOCUMENT} spans, in ${names.length} export files of ${mb(bytes)} MB in all`);
    const child = spawnSync(process.execPath, [import.meta.filename, '--measure', dir], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const { loadReview, reviewReport, agreementReport, formatTable, formatCsv, formatHtml } = await import(pathToFileURL(path.join(measureDir, 'agreement-bundle.mjs')).href);
  const names = readdirSync(measureDir).filter((name) => name.endsWith('.json')).sort();
  let started = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  // As the CLI does: each file is read when its turn comes.
  const inputs = (function* () {
    for (const name of names) yield { name, content: readFileSync(path.join(measureDir, name), 'utf8') };
  })();
  const loaded = loadReview(inputs, { sha256Hex });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const loadSeconds = seconds(started);
  const loadCpu = cpuSeconds(cpu);
  const loadPeak = peakMb();

  started = process.hrtime.bigint();
  cpu = process.cpuUsage();
  const report = reviewReport(loaded.review);
  const measureSeconds = seconds(started);
  const measureCpu = cpuSeconds(cpu);
  const measurePeak = peakMb();

  const formatSeconds = [];
  for (const [name, format] of Object.entries({ table: formatTable, json: (r) => JSON.stringify(r, null, 2), csv: formatCsv, html: formatHtml })) {
    started = process.hrtime.bigint();
    const text = format(report);
    formatSeconds.push(`${name} ${seconds(started).toFixed(2)} s (${mb(Buffer.byteLength(text))} MB)`);
  }
  const peak = peakMb();

  // For comparison with shared/agreement/README.md: its report alone, without per-document results or the confusion matrix.
  started = process.hrtime.bigint();
  cpu = process.cpuUsage();
  agreementReport(loaded.review.documents);
  const aloneSeconds = seconds(started);
  const aloneCpu = cpuSeconds(cpu);

  const overlap = report.agreement.spanF1.overlap.average.overall.value;
  const alpha = report.agreement.unitizing.overall.alpha.value;
  const within = (ok) => (ok ? 'within' : 'OVER');
  console.log(`results:      mean overlap F1 ${overlap?.toFixed(3)}, unitizing αU ${alpha?.toFixed(3)}, ${report.agreement.tokens.tokenCount} word tokens`);
  console.log(`load:         ${loadSeconds.toFixed(2)} s (CPU ${loadCpu.toFixed(2)} s) to read, validate (zod, SHA-256, span offsets and text) and join the files`);
  console.log(`measures:     ${measureSeconds.toFixed(2)} s (CPU ${measureCpu.toFixed(2)} s) for every measure, over all documents and per document, and the label confusion (budget ${BUDGET_SECONDS} s: ${within(measureSeconds <= BUDGET_SECONDS)})`);
  console.log(`compare:      agreementReport alone (shared/agreement: no per-document results, no confusion matrix, segmenting again) takes ${aloneSeconds.toFixed(2)} s (CPU ${aloneCpu.toFixed(2)} s)`);
  console.log(`load+measure: ${(loadSeconds + measureSeconds).toFixed(2)} s`);
  console.log(`formats:      ${formatSeconds.join(', ')}`);
  console.log(`peak rss:     ${loadPeak} MB after loading, ${measurePeak} MB after the measures (budget ${BUDGET_MB} MB: ${within(Number(measurePeak) <= BUDGET_MB)}), ${peak} MB after every format`);
  console.log(`machine:      load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores (other jobs slow these figures)`);
}
