// Flattens a review report into one row per (scope, label, measure, pair): the CSV format, and the
// one place that decides which measure is called what outside the typed JSON.
import type { SpanF1Section } from '../../shared/agreement/agreement-report';
import { LINK_TYPES } from '../../shared/agreement/link-agreement';
import type { TokenAgreement } from '../../shared/agreement/token-agreement';
import type { Measure } from '../../shared/agreement/types';
import type { ReviewReport } from '../../shared/review/review-report';
import { OVERALL_LABEL, pairName } from './measure-text';

export interface ReportRow {
  /** 'all', or 'document:<sha256>'. */
  readonly scope: string;
  /** A label, or '*' for all labels together. */
  readonly label: string;
  readonly measure: string;
  /** 'A | B' for a pair, 'mean' for the mean over pairs, 'all' for a measure over every annotator. */
  readonly pair: string;
  readonly measureValue: Measure;
}

export function reportRows(report: ReviewReport): ReportRow[] {
  const rows: ReportRow[] = [];
  const { agreement } = report;
  const labels = agreement.labels;
  spanRows(rows, 'all', 'exact_f1', agreement.spanF1.exact, labels);
  spanRows(rows, 'all', 'overlap_f1', agreement.spanF1.overlap, labels);
  tokenRows(rows, 'all', agreement.tokens, labels, true);
  for (const label of [...labels, OVERALL_LABEL]) {
    const unitizing = label === OVERALL_LABEL ? agreement.unitizing.overall : agreement.unitizing.byLabel[label];
    if (unitizing !== undefined) rows.push({ scope: 'all', label, measure: 'unitizing_alpha', pair: 'all', measureValue: unitizing.alpha });
  }
  // For link measures the label column holds the relation type ('*': all types).
  for (const p of agreement.links.pairs) rows.push({ scope: 'all', label: OVERALL_LABEL, measure: 'link_f1', pair: pairName(p.annotatorA, p.annotatorB), measureValue: p.overall.f1 });
  rows.push({ scope: 'all', label: OVERALL_LABEL, measure: 'link_f1', pair: 'mean', measureValue: agreement.links.average.f1 });
  for (const type of LINK_TYPES) {
    for (const p of agreement.links.pairs) {
      const pair = pairName(p.annotatorA, p.annotatorB);
      rows.push({ scope: 'all', label: type, measure: 'link_f1', pair, measureValue: p.byType[type].f1 });
      rows.push({ scope: 'all', label: type, measure: 'same_target_share', pair, measureValue: p.byType[type].claims.share });
    }
    rows.push({ scope: 'all', label: type, measure: 'link_f1', pair: 'mean', measureValue: agreement.links.average.byType[type].f1 });
    rows.push({ scope: 'all', label: type, measure: 'same_target_share', pair: 'mean', measureValue: agreement.links.average.byType[type].sameTargetShare });
  }
  // For attribute measures the label column holds label.attribute.
  for (const p of agreement.attributes.pairs) {
    for (const a of p.byAttribute) {
      const common = { scope: 'all', label: `${a.label}.${a.attribute}`, pair: pairName(p.annotatorA, p.annotatorB) };
      rows.push({ ...common, measure: 'attribute_kappa', measureValue: a.cohenKappa.kappa });
      rows.push({ ...common, measure: 'attribute_alpha', measureValue: a.krippendorffAlpha.alpha });
    }
  }
  for (const doc of report.perDocument) {
    const scope = `document:${doc.sha256}`;
    spanRows(rows, scope, 'exact_f1', doc.spanF1.exact, labels);
    spanRows(rows, scope, 'overlap_f1', doc.spanF1.overlap, labels);
    tokenRows(rows, scope, doc.tokens, labels, false);
  }
  return rows;
}

function spanRows(rows: ReportRow[], scope: string, measure: string, section: SpanF1Section, labels: readonly string[]): void {
  for (const label of [...labels, OVERALL_LABEL]) {
    for (const p of section.pairs) {
      const scores = label === OVERALL_LABEL ? p.overall : p.byLabel[label];
      if (scores !== undefined) rows.push({ scope, label, measure, pair: pairName(p.annotatorA, p.annotatorB), measureValue: scores.f1 });
    }
    const mean = label === OVERALL_LABEL ? section.average.overall : section.average.byLabel[label];
    if (mean !== undefined) rows.push({ scope, label, measure, pair: 'mean', measureValue: mean });
  }
}

function tokenRows(rows: ReportRow[], scope: string, tokens: TokenAgreement, labels: readonly string[], withFleiss: boolean): void {
  for (const label of labels) {
    const t = tokens.byLabel[label];
    if (t === undefined) continue;
    for (const p of t.cohenPairs) rows.push({ scope, label, measure: 'cohen_kappa', pair: pairName(p.annotatorA, p.annotatorB), measureValue: p.result.kappa });
    rows.push({ scope, label, measure: 'cohen_kappa', pair: 'mean', measureValue: t.cohenAverage });
    if (withFleiss) rows.push({ scope, label, measure: 'fleiss_kappa', pair: 'all', measureValue: t.fleiss.kappa });
    rows.push({ scope, label, measure: 'krippendorff_alpha', pair: 'all', measureValue: t.krippendorffAlpha.alpha });
  }
}
