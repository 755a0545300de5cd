// `isnad agreement FILE...`: reads annotators' export files, matches their documents by SHA-256 and
// prints (or writes with --out) every agreement measure as a table, JSON, CSV or a self-contained HTML page.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadReview } from '../../shared/review/load-review';
import { reviewReport, type ReviewReport } from '../../shared/review/review-report';
import type { ReviewInput } from '../../shared/review/review-types';
import type { CliIo } from '../cli-io';
import { parseCommandArgs } from '../parse-command-args';
import { formatCsv } from '../report/format-csv';
import { formatTable } from '../report/format-table';
import { UsageError } from '../usage-error';

type Formatter = (report: ReviewReport) => string;

const FORMATS: Readonly<Record<string, () => Promise<Formatter>>> = {
  table: async () => formatTable,
  json: async () => (report) => `${JSON.stringify(report, null, 2)}\n`,
  csv: async () => formatCsv,
  // Loaded on demand: echarts is most of the bundle, and every other command would pay for starting it.
  html: async () => (await import('../report/format-html')).formatHtml,
};

export async function agreementCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'agreement',
    args,
    { format: { type: 'string', default: 'table' }, label: { type: 'string', multiple: true }, out: { type: 'string' } },
    true,
  );
  const loadFormat = Object.hasOwn(FORMATS, values.format) ? FORMATS[values.format] : undefined;
  if (loadFormat === undefined) throw new UsageError(`agreement: --format must be one of ${Object.keys(FORMATS).join(', ')}; see isnad --help`);
  if (positionals.length === 0) throw new UsageError('agreement: name the export files to compare; see isnad --help');
  // Every file must exist before any is parsed; then each is read only when its turn comes (memory).
  for (const given of positionals) checkExportFile(given, io.cwd);
  const inputs = (function* () {
    for (const given of positionals) yield readExportFile(given, io.cwd);
  })();
  const loaded = loadReview(inputs, { sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex') });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const report = reviewReport(loaded.review, { labels: values.label });
  const output = (await loadFormat())(report);
  if (values.out === undefined) {
    io.stdout(output);
    return 0;
  }
  const outPath = path.resolve(io.cwd, values.out);
  // Beside its final name and renamed, so an interrupted run never leaves half a report.
  const partPath = `${outPath}.${process.pid}.part`;
  try {
    writeFileSync(partPath, output, 'utf8');
    renameSync(partPath, outPath);
  } catch (error) {
    rmSync(partPath, { force: true });
    throw new Error(`cannot write «${values.out}»: ${(error as Error).message}`);
  }
  const { annotators, documentCount } = report.agreement;
  io.stdout(`Wrote the ${values.format} agreement report (${annotators.length} annotators, ${documentCount} documents) to ${outPath}\n`);
  return 0;
}

function checkExportFile(given: string, cwd: string): void {
  withReadErrors(given, () => {
    if (statSync(path.resolve(cwd, given)).isDirectory()) throw new Error(`«${given}» is a folder, not an export file`);
  });
}

/** Names the file as the user gave it, so messages match the command line. */
function readExportFile(given: string, cwd: string): ReviewInput {
  return withReadErrors(given, () => ({ name: given, content: readFileSync(path.resolve(cwd, given), 'utf8') }));
}

function withReadErrors<T>(given: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`cannot read «${given}»: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`cannot read «${given}»: permission denied`);
    throw error;
  }
}
