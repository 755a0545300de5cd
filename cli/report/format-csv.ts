// `--format csv`: one row per (scope, label, measure, pair) with its value or the reason it has none.
import type { ReviewReport } from '../../shared/review/review-report';
import { reportRows } from './report-rows';

export const CSV_HEADER = ['scope', 'label', 'measure', 'pair', 'value', 'undefined_reason'] as const;

export function formatCsv(report: ReviewReport): string {
  const lines = [CSV_HEADER.join(',')];
  for (const row of reportRows(report)) {
    const value = row.measureValue.value === undefined ? '' : String(row.measureValue.value);
    const reason = row.measureValue.value === undefined ? row.measureValue.reason : '';
    lines.push([csvText(row.scope), csvText(row.label), row.measure, csvText(row.pair), value, reason].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Quotes when needed; a leading = + - @ is defused, since annotator names come from the files and spreadsheets run formulas. */
function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
