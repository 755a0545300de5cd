// Bundles the Node-side entry points into CommonJS files under dist/: the command line always, the
// Electron main process and preload when electron/ has them. Native and Electron modules stay external.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const entries = [
  { entry: 'cli/isnad.ts', out: 'dist/cli/isnad.cjs' },
  { entry: 'electron/main.ts', out: 'dist/electron/main.cjs', optional: true },
  { entry: 'electron/preload.ts', out: 'dist/electron/preload.cjs', optional: true },
];

let failed = false;
for (const { entry, out, optional } of entries) {
  if (!existsSync(path.join(root, entry))) {
    if (!optional) throw new Error(`${entry} is missing`);
    console.log(`bundle-node: skipped ${entry} (not written yet)`);
    continue;
  }
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // better-sqlite3 loads its native binary from node_modules; electron is provided by the runtime.
    external: ['better-sqlite3', 'electron'],
    define: { ISNAD_APP_VERSION: JSON.stringify(version) },
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
  }).catch((error) => {
    failed = true;
    console.error(`bundle-node: ${entry} failed: ${error.message}`);
    return null;
  });
  if (result) {
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    console.log(`bundle-node: ${entry} -> ${out} (${Math.round(bytes / 1024)} KB with source map)`);
  }
}
if (failed) process.exit(1);
