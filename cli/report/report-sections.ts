// The report's tables as plain cells, shared by the terminal table and the HTML page: per label ×
// measure over all documents, per annotator pair, per document. Free text (titles) comes last.
import { LINK_TYPES } from '../../shared/agreement/link-agreement';
import type { Measure } from '../../shared/agreement/types';
import type { ReviewReport } from '../../shared/review/review-report';
import { measureText, OVERALL_LABEL, pairName } from './measure-text';

export interface ReportSection {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Shown instead of an empty table. */
  readonly empty: string;
}

const ALL_LABELS = '(all labels)';
const cell = (m: Measure | undefined): string => (m === undefined ? '' : measureText(m));
const labelName = (label: string): string => (label === OVERALL_LABEL ? ALL_LABELS : label);

export function reportSections(report: ReviewReport): ReportSection[] {
  const { agreement } = report;
  const labels = agreement.labels;

  const byLabel = [...labels, OVERALL_LABEL].map((label) => {
    const overall = label === OVERALL_LABEL;
    const t = overall ? undefined : agreement.tokens.byLabel[label];
    const u = overall ? agreement.unitizing.overall : agreement.unitizing.byLabel[label];
    const exact = overall ? agreement.spanF1.exact.average.overall : agreement.spanF1.exact.average.byLabel[label];
    const overlap = overall ? agreement.spanF1.overlap.average.overall : agreement.spanF1.overlap.average.byLabel[label];
    return [labelName(label), cell(exact), cell(overlap), cell(t?.cohenAverage), cell(t?.fleiss.kappa), cell(t?.krippendorffAlpha.alpha), cell(u?.alpha)];
  });

  const pairRows: string[][] = [];
  agreement.spanF1.exact.pairs.forEach((exact, i) => {
    const overlap = agreement.spanF1.overlap.pairs[i]!;
    for (const label of [...labels, OVERALL_LABEL]) {
      const overall = label === OVERALL_LABEL;
      const scoresExact = overall ? exact.overall : exact.byLabel[label];
      const scoresOverlap = overall ? overlap.overall : overlap.byLabel[label];
      pairRows.push([
        pairName(exact.annotatorA, exact.annotatorB),
        labelName(label),
        cell(scoresExact?.f1),
        cell(scoresOverlap?.f1),
        scoresOverlap === undefined ? '' : `${scoresOverlap.matched}/${scoresOverlap.spansA}/${scoresOverlap.spansB}`,
        cell(overall ? undefined : agreement.tokens.byLabel[label]?.cohenPairs[i]?.result.kappa),
        String(exact.documentCount),
      ]);
    }
  });

  const docRows: string[][] = [];
  for (const doc of report.perDocument) {
    for (const label of [OVERALL_LABEL, ...labels]) {
      const overall = label === OVERALL_LABEL;
      const t = overall ? undefined : doc.tokens.byLabel[label];
      const missing = doc.missing.length === 0 ? '' : ` (missing: ${doc.missing.join(', ')})`;
      docRows.push([
        doc.sha256.slice(0, 12),
        labelName(label),
        cell(overall ? doc.spanF1.exact.average.overall : doc.spanF1.exact.average.byLabel[label]),
        cell(overall ? doc.spanF1.overlap.average.overall : doc.spanF1.overlap.average.byLabel[label]),
        cell(t?.cohenAverage),
        cell(t?.krippendorffAlpha.alpha),
        overall ? `${doc.annotatedBy.length}${missing}` : '',
        overall ? doc.title : '',
      ]);
    }
  }

  const linkRows: string[][] = [];
  for (const p of agreement.links.pairs) {
    const pair = pairName(p.annotatorA, p.annotatorB);
    for (const type of LINK_TYPES) {
      const t = p.byType[type];
      linkRows.push([pair, type, cell(t.f1), `${t.matched}/${t.linksA}/${t.linksB}`, cell(t.claims.share), `${t.claims.sameTargets}/${t.claims.matchedClaims}`]);
    }
    linkRows.push([pair, '(all types)', cell(p.overall.f1), `${p.overall.matched}/${p.overall.linksA}/${p.overall.linksB}`, '', '']);
  }
  const anyLinks = agreement.links.pairs.some((p) => p.overall.linksA + p.overall.linksB > 0);

  const attributeRows = agreement.attributes.pairs.flatMap((p) =>
    p.byAttribute.map((a) => [pairName(p.annotatorA, p.annotatorB), `${a.label}.${a.attribute}`, String(a.pairedValues), String(a.missingOnOneSide), cell(a.cohenKappa.kappa), cell(a.krippendorffAlpha.alpha)]),
  );

  return [
    {
      title: `All documents, per label (F1 and Cohen’s κ: mean over annotator pairs; ${agreement.tokens.tokenCount} word tokens)`,
      header: ['label', 'exact F1', 'overlap F1', 'Cohen κ', 'Fleiss κ', 'Krippendorff α', 'unitizing αU'],
      rows: byLabel,
      empty: '(no labels)',
    },
    {
      title: 'Per annotator pair (overlap matched/A/B: spans matched, marked by A, marked by B)',
      header: ['pair', 'label', 'exact F1', 'overlap F1', 'overlap matched/A/B', 'Cohen κ', 'documents'],
      rows: pairRows,
      empty: '(no pair: fewer than two annotators)',
    },
    {
      title: 'Links per annotator pair (spans matched by overlap; matched/A/B: links; same targets: matched claims linked to corresponding spans)',
      header: ['pair', 'relation', 'link F1', 'matched/A/B', 'same-target share', 'same/matched claims'],
      rows: anyLinks ? linkRows : [],
      empty: '(no relations in the files)',
    },
    {
      title: 'Attributes per annotator pair (values of matched spans; one-sided: only one annotator gave a value)',
      header: ['pair', 'label.attribute', 'compared', 'one-sided', 'Cohen κ', 'Krippendorff α'],
      rows: attributeRows,
      empty: '(no attribute values on matched spans)',
    },
    {
      title: 'Per document (sha256 prefix; means over the pairs of annotators who have the document)',
      header: ['document', 'label', 'exact F1', 'overlap F1', 'Cohen κ', 'Krippendorff α', 'annotators', 'title'],
      rows: docRows,
      empty: '(no documents)',
    },
  ];
}

/**
 * The lines above the tables: inputs, in prose. `text` escapes the prose and `name` a file or
 * annotator name, so that HTML can isolate names (Arabic beside digits and semicolons reorders).
 */
export function inputLines(report: ReviewReport, text: (s: string) => string = (s) => s, name: (s: string) => string = (s) => s): string[] {
  const { agreement } = report;
  const names = (list: readonly string[]): string => list.map(name).join(text(', '));
  const files = report.files.map((f) => `${name(f.name)}${text(' (')}${f.annotators.length === 0 ? text('no annotator') : names(f.annotators)}${text(`; ${f.documentCount} documents, ${f.spanCount} spans)`)}`);
  return [
    `${text('Files: ')}${files.join(text('; '))}`,
    `${text(`Annotators: ${report.annotators.length}: `)}${names(report.annotators.map((a) => a.key))}`,
    text(`Documents: ${agreement.documentCount}, ${agreement.documentsAnnotatedByAll} annotated by everyone`),
    `${text('Labels: ')}${agreement.labels.length === 0 ? text('(none)') : names(agreement.labels)}`,
  ];
}
