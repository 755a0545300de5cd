// Import bench: writes 1,000 unique Arabic articles of about 10 KB (sentences of the shared fixtures,
// rotated and numbered), then times one run of the built `isnad import` over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtureSentences, fixturesDir, root } from './bench-support.mjs';

const ARTICLE_COUNT = 1000;
const ARTICLE_BYTES = 10 * 1024;
const BUDGET_SECONDS = 10;

const bin = path.join(root, 'bin', 'isnad.js');

if (!existsSync(path.join(root, 'dist', 'cli', 'isnad.cjs'))) {
  console.error('bench-import: the CLI is not built; run npm run build:node first');
  process.exit(1);
}

const sentences = fixtureSentences();
if (sentences.length === 0) throw new Error(`no sentences found in ${fixturesDir}`);

const arabicDigits = (n) => String(n).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);

function article(index) {
  // A numbered title makes every article unique (the importer merges identical texts).
  const lines = [`مقال رقم ${arabicDigits(index + 1)}: ${sentences[index % sentences.length]}`];
  let bytes = Buffer.byteLength(lines[0]);
  for (let k = 0; bytes < ARTICLE_BYTES; k++) {
    const sentence = sentences[(index * 7 + k * 13) % sentences.length];
    lines.push(sentence);
    bytes += Buffer.byteLength(sentence) + 1;
  }
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'isnad-bench-import-'));
try {
  const names = [];
  let totalBytes = 0;
  for (let i = 0; i < ARTICLE_COUNT; i++) {
    const name = `a${String(i).padStart(4, '0')}.txt`;
    const text = article(i);
    writeFileSync(path.join(dir, name), text);
    names.push(name);
    totalBytes += Buffer.byteLength(text);
  }

  // Relative names keep the command line short (Windows caps it at 32 K characters).
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, 'import', '--db', 'bench.sqlite', ...names], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    console.error(`bench-import: isnad import failed (exit ${run.status}): ${run.stderr.trim()}`);
    process.exit(1);
  }
  const lines = run.stdout.trimEnd().split('\n');
  const imported = lines.length - 1;
  console.log(`isnad said: ${lines.at(-1)}`);
  const megabytes = totalBytes / (1024 * 1024);
  console.log(`articles:   ${imported} imported of ${ARTICLE_COUNT} written (${megabytes.toFixed(1)} MB, ${(totalBytes / ARTICLE_COUNT / 1024).toFixed(1)} KB each)`);
  console.log(`wall time:  ${seconds.toFixed(2)} s for one \`isnad import\` process (budget ${BUDGET_SECONDS} s: ${seconds <= BUDGET_SECONDS ? 'within' : 'OVER'})`);
  console.log(`throughput: ${(imported / seconds).toFixed(0)} documents/s, ${(megabytes / seconds).toFixed(1)} MB/s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
