// `npm run schema`: writes docs/isnad-export-v1.schema.json from the zod schema the code validates
// with, so the published JSON Schema cannot drift from the exporter (a test compares them).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bundled = await build({
  entryPoints: [path.join(root, 'shared/export/export-schema-json.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'error',
});
const { exportSchemaJson } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const target = path.join(root, 'docs', 'isnad-export-v1.schema.json');
writeFileSync(target, exportSchemaJson());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
