#!/usr/bin/env node
// The `isnad` command: checks the Node version, then loads the bundled CLI built by `npm run build`.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  // better-sqlite3 13 loads under older Node and then crashes; say why before that happens.
  process.stderr.write(`isnad: needs Node 22 or newer (this is Node ${process.versions.node})\n`);
  process.exit(1);
}

const bundlePath = fileURLToPath(new URL('../dist/cli/isnad.cjs', import.meta.url));
if (!existsSync(bundlePath)) {
  process.stderr.write('isnad: not built yet; run npm run build\n');
  process.exit(1);
}
const require = createRequire(import.meta.url);
await require(bundlePath).main(process.argv.slice(2));
