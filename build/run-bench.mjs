// `npm run bench`: runs each benchmark script in its own Node process and prints its figures.
// Benches print numbers against a budget; they never fail the run for being slow.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

// Add a bench here: a script that prints its own figures. Renderer benches go below the import one.
const BENCHES = [
  { name: 'import 1,000 articles with `isnad import`', script: 'build/bench-import.mjs' },
  { name: 'undo the last change on a document with 2,000 spans (history.undo)', script: 'build/bench-undo.mjs' },
  { name: 'agreement: 1,000 documents × 3 annotators × 100 spans, every measure', script: 'build/bench-agreement.mjs' },
  { name: 'formats: 10,000 documents with 500,000 spans exported and re-imported in each format', script: 'build/bench-formats.mjs' },
  { name: 'renderer: open a 200,000-character document with 2,000 spans; tag latency', script: 'build/bench-renderer.mjs' },
  { name: 'review page: 3 annotators’ exports of a 20,000-character document to painted measures', script: 'build/bench-review.mjs' },
];

let failed = 0;
for (const bench of BENCHES) {
  console.log(`\n== ${bench.name}`);
  const result = spawnSync(process.execPath, [path.join(root, bench.script)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`bench: ${bench.script} could not run (exit ${result.status ?? result.signal})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
