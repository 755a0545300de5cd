// The review page's tables as plain rows, built from the report: per label × measure, per annotator
// pair, per link type, per attribute and per document. A cell is a Measure (a value, or no value and
// the reason), or null where the measure does not apply (e.g. Fleiss' κ is per label only).
import { LINK_TYPES } from '../../shared/agreement/link-agreement';
import type { LinkType, Measure } from '../../shared/agreement/types';
import type { ReviewReport } from '../../shared/review/review-report';
import type { PairUnitizingAlpha } from './compute-review';

export type Cell = Measure | null;

export interface LabelRow {
  /** null: all labels together. */
  readonly label: string | null;
  readonly exactF1: Cell;
  readonly overlapF1: Cell;
  readonly cohenKappa: Cell;
  readonly fleissKappa: Cell;
  readonly krippendorffAlpha: Cell;
  readonly unitizingAlpha: Cell;
}

export interface PairRow {
  readonly annotatorA: string;
  readonly annotatorB: string;
  readonly documentCount: number;
  readonly exactF1: Measure;
  readonly overlapF1: Measure;
  readonly unitizingAlpha: Measure;
  /** Cohen's κ on the token coding, in the order of the report's labels. */
  readonly cohenKappaByLabel: readonly Measure[];
  readonly linkPrecision: Measure;
  readonly linkRecall: Measure;
  readonly linkF1: Measure;
  /** Share of matched claims linked to the same speaker (said_by). */
  readonly sameSpeakerShare: Measure;
}

export interface LinkRow {
  /** null: every link type together. */
  readonly type: LinkType | null;
  readonly f1: Measure;
  /** Mean over pairs of the share of matched claims with corresponding targets; null for all types. */
  readonly sameTargetShare: Cell;
}

export interface AttributeRow {
  readonly annotatorA: string;
  readonly annotatorB: string;
  readonly label: string;
  readonly attribute: string;
  readonly pairedValues: number;
  readonly missingOnOneSide: number;
  readonly cohenKappa: Measure;
  readonly krippendorffAlpha: Measure;
}

export interface DocumentRow {
  readonly sha256: string;
  readonly title: string;
  readonly annotatedBy: readonly string[];
  readonly missing: readonly string[];
  readonly exactF1: Measure;
  readonly overlapF1: Measure;
}

export function labelRows(report: ReviewReport): LabelRow[] {
  const { agreement } = report;
  const rows: LabelRow[] = agreement.labels.map((label) => {
    const tokens = agreement.tokens.byLabel[label];
    return {
      label,
      exactF1: agreement.spanF1.exact.average.byLabel[label] ?? null,
      overlapF1: agreement.spanF1.overlap.average.byLabel[label] ?? null,
      cohenKappa: tokens?.cohenAverage ?? null,
      fleissKappa: tokens?.fleiss.kappa ?? null,
      krippendorffAlpha: tokens?.krippendorffAlpha.alpha ?? null,
      unitizingAlpha: agreement.unitizing.byLabel[label]?.alpha ?? null,
    };
  });
  rows.push({
    label: null,
    exactF1: agreement.spanF1.exact.average.overall,
    overlapF1: agreement.spanF1.overlap.average.overall,
    cohenKappa: null,
    fleissKappa: null,
    krippendorffAlpha: null,
    unitizingAlpha: agreement.unitizing.overall.alpha,
  });
  return rows;
}

export function pairRows(report: ReviewReport, pairUnitizing: readonly PairUnitizingAlpha[]): PairRow[] {
  const { agreement } = report;
  return agreement.spanF1.overlap.pairs.map((overlap): PairRow => {
    const { annotatorA, annotatorB } = overlap;
    const same = (p: { annotatorA: string; annotatorB: string }): boolean => p.annotatorA === annotatorA && p.annotatorB === annotatorB;
    const exact = agreement.spanF1.exact.pairs.find(same);
    const links = agreement.links.pairs.find(same);
    const unitizing = pairUnitizing.find(same);
    const missing: Measure = { value: undefined, reason: 'no-shared-documents' };
    return {
      annotatorA,
      annotatorB,
      documentCount: overlap.documentCount,
      exactF1: exact?.overall.f1 ?? missing,
      overlapF1: overlap.overall.f1,
      unitizingAlpha: unitizing?.result.overall.alpha ?? missing,
      cohenKappaByLabel: agreement.labels.map((label) => agreement.tokens.byLabel[label]?.cohenPairs.find(same)?.result.kappa ?? missing),
      linkPrecision: links?.overall.precision ?? missing,
      linkRecall: links?.overall.recall ?? missing,
      linkF1: links?.overall.f1 ?? missing,
      sameSpeakerShare: links?.byType.said_by.claims.share ?? missing,
    };
  });
}

export function linkRows(report: ReviewReport): LinkRow[] {
  const { average } = report.agreement.links;
  return [...LINK_TYPES.map((type): LinkRow => ({ type, f1: average.byType[type].f1, sameTargetShare: average.byType[type].sameTargetShare })), { type: null, f1: average.f1, sameTargetShare: null }];
}

export function attributeRows(report: ReviewReport): AttributeRow[] {
  return report.agreement.attributes.pairs.flatMap((pair) =>
    pair.byAttribute.map((a) => ({
      annotatorA: pair.annotatorA,
      annotatorB: pair.annotatorB,
      label: a.label,
      attribute: a.attribute,
      pairedValues: a.pairedValues,
      missingOnOneSide: a.missingOnOneSide,
      cohenKappa: a.cohenKappa.kappa,
      krippendorffAlpha: a.krippendorffAlpha.alpha,
    })),
  );
}

export function documentRows(report: ReviewReport): DocumentRow[] {
  return report.perDocument.map((doc) => ({
    sha256: doc.sha256,
    title: doc.title,
    annotatedBy: doc.annotatedBy,
    missing: doc.missing,
    exactF1: doc.spanF1.exact.average.overall,
    overlapF1: doc.spanF1.overlap.average.overall,
  }));
}

/** One document's own results per label (among the annotators who have it); αU and links are corpus-wide only. */
export function documentLabelRows(report: ReviewReport, sha256: string): LabelRow[] {
  const doc = report.perDocument.find((d) => d.sha256 === sha256);
  if (doc === undefined) return [];
  const rows: LabelRow[] = report.agreement.labels.map((label) => {
    const tokens = doc.tokens.byLabel[label];
    return {
      label,
      exactF1: doc.spanF1.exact.average.byLabel[label] ?? null,
      overlapF1: doc.spanF1.overlap.average.byLabel[label] ?? null,
      cohenKappa: tokens?.cohenAverage ?? null,
      fleissKappa: tokens?.fleiss.kappa ?? null,
      krippendorffAlpha: tokens?.krippendorffAlpha.alpha ?? null,
      unitizingAlpha: null,
    };
  });
  rows.push({ label: null, exactF1: doc.spanF1.exact.average.overall, overlapF1: doc.spanF1.overlap.average.overall, cohenKappa: null, fleissKappa: null, krippendorffAlpha: null, unitizingAlpha: null });
  return rows;
}
