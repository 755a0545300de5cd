// `--format table` (the default): the report for a terminal, after the inputs, warnings and coding rules.
import type { ReviewReport } from '../../shared/review/review-report';
import { inputLines, reportSections } from './report-sections';
import { textTable } from './text-table';

export function formatTable(report: ReviewReport): string {
  const out: string[] = ['Isnad agreement report', '', ...inputLines(report)];
  if (report.notice !== undefined) out.push('', `NOTE: ${report.notice}`);
  if (report.warnings.length > 0) out.push('', 'Warnings:', ...report.warnings.map((w) => `  - ${w.message}`));
  out.push('', 'Coding rules:', ...report.coding.rules.map((r) => `  - ${r.topic}: ${r.text}`));
  for (const section of reportSections(report)) {
    out.push('', section.title, section.rows.length === 0 ? `  ${section.empty}` : textTable(section.header, section.rows));
  }
  return `${out.join('\n')}\n`;
}
