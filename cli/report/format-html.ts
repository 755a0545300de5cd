// `--format html`: one self-contained page (inline CSS and SVG plots, no script, no network) that
// opens in any browser from a file. Its Content-Security-Policy allows no script at all.
import type { ReviewReport } from '../../shared/review/review-report';
import { reportCharts } from './report-charts';
import { inputLines, reportSections } from './report-sections';

export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d1d1f; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-block-start: 2rem; }
table { border-collapse: collapse; font-size: 0.9rem; margin-block: 0.5rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.6rem; text-align: start; vertical-align: top; }
th { background: #f2f2f4; } td.n { font-variant-numeric: tabular-nums; }
tr.overall td { font-weight: 600; }
.notice { background: #fff4d6; border-inline-start: 4px solid #e0a100; padding: 0.5rem 1rem; }
.warnings li { color: #8a4b00; }
figure { margin: 1rem 0; display: flex; flex-direction: column; }
/* As wide as the plot above it, whatever the caption's length. */
figcaption { font-size: 0.85rem; color: #555; width: 0; min-width: 100%; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
`;

export function formatHtml(report: ReviewReport): string {
  const parts: string[] = [];
  parts.push('<h1>Isnad agreement report</h1>');
  parts.push(`<ul>${inputLines(report, escapeHtml, (name) => `<bdi>${escapeHtml(name)}</bdi>`).map((l) => `<li>${l}</li>`).join('')}</ul>`);
  if (report.notice !== undefined) parts.push(`<p class="notice">${escapeHtml(report.notice)}</p>`);
  if (report.warnings.length > 0) parts.push(`<h2>Warnings</h2><ul class="warnings">${report.warnings.map((w) => `<li>${escapeHtml(w.message)}</li>`).join('')}</ul>`);
  parts.push(`<h2>Coding rules</h2><ul>${report.coding.rules.map((r) => `<li><strong>${escapeHtml(r.topic)}</strong>: ${escapeHtml(r.text)}</li>`).join('')}</ul>`);
  const charts = reportCharts(report);
  if (charts.length > 0) {
    parts.push('<h2>Plots</h2><div class="charts">');
    for (const chart of charts) parts.push(`<figure>${chart.svg}<figcaption>${escapeHtml(chart.caption)}</figcaption></figure>`);
    parts.push('</div>');
  }
  for (const section of reportSections(report)) {
    parts.push(`<h2>${escapeHtml(section.title)}</h2>`);
    if (section.rows.length === 0) {
      parts.push(`<p>${escapeHtml(section.empty)}</p>`);
      continue;
    }
    const head = `<tr>${section.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
    const rows = section.rows.map((row) => {
      const overall = row[1] === '(all labels)' ? ' class="overall"' : '';
      // Titles and names may be Arabic: each cell gets its own direction from its text.
      return `<tr${overall}>${row.map((c) => `<td dir="auto"${/^[-—0-9.]/.test(c) ? ' class="n"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`;
    });
    parts.push(`<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`);
  }
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Isnad agreement report</title>
<style>${STYLE}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
