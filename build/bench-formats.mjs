// Formats bench: 10,000 documents with 500,000 spans, exported and re-imported in each format, each
// direction in its own Node process (timed; peak memory from process.resourceUsage().maxRSS).
// Budgets: 20 s and 1 GB per direction. Prints numbers; never fails for slowness.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const DOCUMENTS = Number(process.env.BENCH_FORMATS_DOCUMENTS ?? 10_000);
const SPANS_PER_DOCUMENT = 50;
const BUDGET_SECONDS = 20;
const BUDGET_MB = 1024;
const FORMATS = ['isnad', 'jsonl', 'brat', 'conll', 'webanno', 'label-studio', 'doccano', 'spacy'];

const root = path.resolve(import.meta.dirname, '..');
const fixturesDir = path.resolve(root, '..', 'shared', 'fixtures');

// The worker: one task per process, so that maxRSS is the peak of that direction alone.
const WORKER_SOURCE = `
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import path from 'node:path';
import { streamExport } from './db/export-corpus';
import { collectImportInputs } from './db/collect-import-inputs';
import { importFiles, readImportInputs } from './db/import-files';
import { importCorpus } from './db/import-corpus';
import { openDatabase } from './db/open-database';
import { Store } from './db/store/Store';

const [task, work, format, documentsArg, spansArg, fixturesDir] = process.argv.slice(2);
const LABELS = ['claim', 'speaker', 'source', 'cue'];
const started = process.hrtime.bigint();
let detail = '';

function* seedDocuments(count, spansPerDocument) {
  const words = readdirSync(fixturesDir).filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(path.join(fixturesDir, name), 'utf8').split(/\\s+/u)).filter((word) => /^[\\u0621-\\u064A]{2,}$/u.test(word));
  for (let d = 0; d < count; d++) {
    // An emoji and a number first (code points and UTF-16 differ from there on), then 70 words.
    const picked = [\`😀 \${d + 1}\`];
    for (let w = 0; w < 70; w++) picked.push(words[(d * 31 + w * 7) % words.length]);
    const text = picked.join(' ');
    const starts = [];
    let offset = 0;
    for (const word of picked) { starts.push([offset, offset + word.length]); offset += word.length + 1; }
    const spans = [];
    for (let s = 0; s < spansPerDocument; s++) {
      const first = 1 + s;
      const last = Math.min(picked.length - 1, first + (s % 3));
      spans.push({ id: 's' + s, label: LABELS[s % 4], startUtf16: starts[first][0], endUtf16: starts[last][1] });
    }
    // claim → speaker, one said_by per four spans.
    const relations = [];
    for (let s = 0; s + 1 < spansPerDocument; s += 4) relations.push({ id: 'r' + s, type: 'said_by', fromSpanId: 's' + s, toSpanId: 's' + (s + 1) });
    // Metadata as a corpus brings it (stored with the document, written back by JSONL, doccano, Label Studio, spaCy and Isnad JSON).
    const meta = { source: 'الحرة', url: 'https://example.org/news/' + d, date: '2023-10-27' };
    yield { document: { id: 'doc' + d, title: 'وثيقة ' + (d + 1), text, meta, spans, relations }, file: 'seed' };
  }
}

const source = path.join(work, 'source.sqlite');
if (task === 'seed') {
  const db = openDatabase(source);
  const summary = importCorpus(db, seedDocuments(Number(documentsArg), Number(spansArg)), { annotator: 'bench' });
  db.close();
  detail = \`\${summary.documentsAdded} documents, \${summary.spansAdded} spans, \${summary.relationsAdded} relations\`;
} else if (task === 'export') {
  const db = openDatabase(source);
  const out = path.join(work, format);
  mkdirSync(out, { recursive: true });
  let fd;
  let bytes = 0;
  // Written as it is produced, as \`isnad export --out\` does: memory stays bounded by one batch.
  // W3C as \`isnad export --format webanno --out FOLDER\`: the annotations and each text as ID.txt.
  const exported = streamExport(db, { format, webAnnotationTexts: format === 'webanno' }, {
    open: (name) => { fd = openSync(path.join(out, name), 'w'); },
    write: (chunk) => { bytes += writeSync(fd, chunk); },
    close: () => closeSync(fd),
  });
  db.close();
  detail = \`\${exported.fileNames.length} file(s), \${(bytes / 1048576).toFixed(1)} MB, \${exported.warnings.length} warnings\`;
} else if (task === 'import') {
  const target = path.join(work, 'target-' + format + '.sqlite');
  const dir = path.join(work, format);
  const files = readdirSync(dir).sort();
  // W3C: the folder the export wrote (annotations.jsonld and the ID.txt texts its sources name), as
  // \`isnad import w3c/\`: the documents are created in a fresh database from those texts.
  const given = format === 'brat' ? files.filter((name) => name.endsWith('.ann')) : format === 'webanno' ? [dir] : files;
  const db = openDatabase(target);
  const store = Store.for(db);
  const setupSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The same path as \`isnad import FILES --format F\`: one transaction; line formats streamed, JSON
  // formats (Isnad JSON, W3C, Label Studio) split element by element from a window on the file.
  const inputs = collectImportInputs(given, dir, format === 'brat' || format === 'webanno' ? undefined : format);
  const result = importFiles(store, inputs, readImportInputs(inputs), { annotator: 'bench' });
  const summary = format === 'isnad' ? result.exports[0].summary : result.corpus;
  db.close();
  detail = \`\${summary.documentsAdded} documents added, \${summary.spansAdded} spans, \${summary.relationsAdded} relations\` + (setupSeconds > 0.5 ? \` (setup \${setupSeconds.toFixed(1)} s included)\` : '');
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({ seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMb: usage.maxRSS / 1024, heapMb: process.memoryUsage().heapUsed / 1048576, detail }) + '\\n');
`;

const work = process.env.BENCH_FORMATS_WORK ?? mkdtempSync(path.join(tmpdir(), 'isnad-bench-formats-'));
try {
  const workerPath = path.join(work, 'worker.cjs');
  await build({
    stdin: { contents: WORKER_SOURCE, resolveDir: root, loader: 'ts', sourcefile: 'bench-formats-worker.ts' },
    outfile: workerPath,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });

  const task = (name, format) => {
    const args = [workerPath, name, work, format, String(DOCUMENTS), String(SPANS_PER_DOCUMENT), fixturesDir];
    // The worker lives in a temporary folder: better-sqlite3 is found through NODE_PATH.
    const env = { ...process.env, NODE_PATH: path.join(root, 'node_modules') };
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env });
    if (result.status !== 0) return { error: (result.stderr || result.stdout).split('\n').find((line) => /Error/u.test(line)) ?? `exit ${result.status ?? result.signal}` };
    return JSON.parse(result.stdout.trim().split('\n').at(-1));
  };
  const show = (label, result) => {
    if (result.error) {
      console.log(`${label.padEnd(22)} FAILED: ${result.error}`);
      return;
    }
    // CPU time as well: on a shared machine the wall time also counts the time other processes had the cores.
    const time = `${result.seconds.toFixed(2).padStart(6)} s ${result.seconds <= BUDGET_SECONDS ? '   ' : 'OVER'} (cpu ${result.cpuSeconds.toFixed(1).padStart(5)} s)`;
    const memory = `${result.maxRssMb.toFixed(0).padStart(5)} MB peak RSS ${result.maxRssMb <= BUDGET_MB ? '   ' : 'OVER'}`;
    console.log(`${label.padEnd(22)} ${time}  ${memory}  ${result.detail}`);
  };

  console.log(`${DOCUMENTS.toLocaleString('en')} documents × ${SPANS_PER_DOCUMENT} spans; budgets ${BUDGET_SECONDS} s and ${BUDGET_MB} MB per direction`);
  show('seed the database', task('seed', ''));
  for (const format of FORMATS) {
    show(`export ${format}`, task('export', format));
    show(`import ${format}`, task('import', format));
  }
} finally {
  if (process.env.BENCH_FORMATS_WORK === undefined) rmSync(work, { recursive: true, force: true });
}
