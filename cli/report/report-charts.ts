// The HTML report's plots as SVG strings: pairwise overlap F1 between annotators, Cohen's κ per
// label and pair, and the confusion matrix of labels between annotators.
import type { ReviewReport } from '../../shared/review/review-report';
import { heatmapSvg } from './heatmap-svg';
import { pairName } from './measure-text';

export interface ReportChart {
  readonly caption: string;
  readonly svg: string;
}

export function reportCharts(report: ReviewReport): ReportChart[] {
  const { agreement } = report;
  const annotators = agreement.annotators;
  if (annotators.length < 2) return [];
  const charts: ReportChart[] = [];

  const f1Cells: [number, number, number][] = [];
  for (const p of agreement.spanF1.overlap.pairs) {
    const a = annotators.indexOf(p.annotatorA);
    const b = annotators.indexOf(p.annotatorB);
    if (p.overall.f1.value === undefined) continue;
    f1Cells.push([a, b, p.overall.f1.value], [b, a, p.overall.f1.value]);
  }
  charts.push({
    caption: `Overlap span F1 (IoU ≥ ${agreement.spanF1.overlap.rule.kind === 'overlap' ? agreement.spanF1.overlap.rule.minIoU : 1}) of each annotator pair, all labels. Blank: undefined (see the tables).`,
    svg: heatmapSvg({ title: 'Pairwise overlap F1', xLabels: annotators, yLabels: annotators, cells: f1Cells, min: 0, max: 1, digits: 2 }),
  });

  const pairs = agreement.spanF1.overlap.pairs.map((p) => pairName(p.annotatorA, p.annotatorB));
  const kappaCells: [number, number, number][] = [];
  agreement.labels.forEach((label, x) => {
    agreement.tokens.byLabel[label]?.cohenPairs.forEach((p, y) => {
      if (p.result.kappa.value !== undefined) kappaCells.push([x, y, p.result.kappa.value]);
    });
  });
  const lowest = Math.min(0, ...kappaCells.map((c) => c[2]));
  charts.push({
    caption: 'Cohen’s κ on the word-token coding of each label (columns), per annotator pair (rows). Blank: undefined (see the tables).',
    svg: heatmapSvg({ title: 'Cohen’s κ per label and pair', xLabels: agreement.labels, yLabels: pairs, cells: kappaCells, min: lowest < 0 ? -1 : 0, max: 1, digits: 2 }),
  });

  const confusion = report.labelConfusion;
  const confusionCells: [number, number, number][] = [];
  const none = confusion.categories.length - 1;
  // (none) against (none) is empty by definition: left blank.
  confusion.counts.forEach((row, y) => row.forEach((count, x) => (x === none && y === none ? undefined : confusionCells.push([x, y, count]))));
  charts.push({
    caption: `Confusion matrix of labels between annotators, over every ordered pair: spans matched within their label (the diagonal), then the spans left over matched across labels (off the diagonal), both by overlap (IoU ≥ ${confusion.minIoU}); (none): no matching span.`,
    svg: heatmapSvg({
      title: 'Label confusion between annotators',
      xLabels: confusion.categories,
      yLabels: confusion.categories,
      cells: confusionCells,
      min: 0,
      max: Math.max(1, ...confusionCells.map((c) => c[2])),
      digits: 0,
    }),
  });
  return charts;
}
