// Krippendorff's unitizing alpha (alpha_U, Krippendorff 1995; 2004 ch. 12), per label over a
// continuum of characters, ported from DKPro Agreement's KrippendorffAlphaUnitizingAgreement.
// Extension: the continuum may consist of several sections (documents) that units never cross.
import { measured, notMeasured } from './measure';
import type { Measure } from './types';

export interface UnitizingUnit {
  /** Index of the annotator, 0 .. annotatorCount-1. */
  readonly annotator: number;
  readonly label: string;
  /** Half-open [start, end) in code points of the section's text. */
  readonly startCodePoints: number;
  readonly endCodePoints: number;
}

export interface UnitizingSection {
  /** Where the section's continuum starts (0 for a whole document). */
  readonly beginCodePoints?: number;
  readonly lengthCodePoints: number;
  readonly units: readonly UnitizingUnit[];
}

export interface UnitizingStudy {
  /** Every annotator unitized every section; units only mark where they found something. */
  readonly annotatorCount: number;
  readonly sections: readonly UnitizingSection[];
}

export interface UnitizingDisagreement {
  readonly alpha: Measure;
  /** uD_o; undefined when alpha is undefined for lack of annotators, text or units. */
  readonly observedDisagreement: number | undefined;
  /** uD_e; as above. */
  readonly expectedDisagreement: number | undefined;
}

export interface UnitizingLabelResult extends UnitizingDisagreement {
  /** Units of the label after merging each annotator's overlapping units. */
  readonly unitCount: number;
}

export interface UnitizingAlphaResult {
  /** 1 - mean(uD_o) / mean(uD_e) over the labels that have units (as DKPro and Krippendorff 2004 do). */
  readonly overall: UnitizingDisagreement;
  readonly byLabel: Readonly<Record<string, UnitizingLabelResult>>;
  readonly continuumLengthCodePoints: number;
}

/**
 * One annotator's partition of a section into alternating units and gaps: segment k is
 * [bounds[k], bounds[k+1]). Flat arrays, because a corpus has millions of segments.
 */
export interface Segments {
  readonly bounds: number[];
  readonly isUnit: boolean[];
}

/**
 * Krippendorff's delta^2 between two overlapping segments (units, or gaps between units): two
 * units differ by the squared differences of their ends; a unit inside a gap differs by its
 * squared length; everything else is 0.
 */
export function unitizingDistance(start1: number, length1: number, isUnit1: boolean, start2: number, length2: number, isUnit2: boolean): number {
  const beginDiff = start1 - start2;
  const lengthDiff = length1 - length2;
  if (isUnit1 && isUnit2 && -length1 < beginDiff && beginDiff < length2) return beginDiff ** 2 + (beginDiff + lengthDiff) ** 2;
  if (isUnit1 && !isUnit2 && -lengthDiff >= beginDiff && beginDiff >= 0) return length1 ** 2;
  if (!isUnit1 && isUnit2 && -lengthDiff <= beginDiff && beginDiff <= 0) return length2 ** 2;
  return 0;
}

/** alpha_U per label (labels default to those that occur) and overall. */
export function unitizingAlpha(study: UnitizingStudy, labels?: readonly string[]): UnitizingAlphaResult {
  const labelList = labels ?? [...new Set(study.sections.flatMap((s) => s.units.map((u) => u.label)))].sort();
  const R = study.annotatorCount;
  const L = study.sections.reduce((sum, s) => sum + s.lengthCodePoints, 0);
  const sectionsByLabel = study.sections.map(unitsByLabel);
  return unitizingAlphaOfSegments(labelList, R, L, (label) => study.sections.map((section, i) => annotatorSegments(section, sectionsByLabel[i]!.get(label) ?? [], R)));
}

/**
 * alpha_U from each label's segments (per section, per annotator), for callers that cut their
 * sections into segments themselves (documents-unitizing-alpha.ts, without a unit object per span).
 */
export function unitizingAlphaOfSegments(labelList: readonly string[], R: number, L: number, segmentsOf: (label: string) => readonly (readonly Segments[])[]): UnitizingAlphaResult {
  const byLabel: Record<string, UnitizingLabelResult> = {};
  let observedSum = 0;
  let expectedSum = 0;
  let labelsWithUnits = 0;
  for (const label of labelList) {
    const segments = segmentsOf(label);
    let unitCount = 0;
    for (const perAnnotator of segments) for (const segs of perAnnotator) for (const isUnit of segs.isUnit) if (isUnit) unitCount++;
    if (R < 2 || L === 0 || unitCount === 0) {
      const reason = R < 2 ? 'fewer-than-two-annotators' : L === 0 ? 'no-items' : 'no-spans';
      byLabel[label] = { alpha: notMeasured(reason), observedDisagreement: undefined, expectedDisagreement: undefined, unitCount };
      continue;
    }
    const observed = observedDisagreement(segments, R, L);
    const expected = expectedDisagreement(segments, R, L);
    byLabel[label] = { ...disagreementAlpha(observed, expected), unitCount };
    observedSum += observed;
    expectedSum += expected;
    labelsWithUnits++;
  }
  let overall: UnitizingDisagreement;
  if (R < 2) overall = { alpha: notMeasured('fewer-than-two-annotators'), observedDisagreement: undefined, expectedDisagreement: undefined };
  else if (L === 0) overall = { alpha: notMeasured('no-items'), observedDisagreement: undefined, expectedDisagreement: undefined };
  else if (labelsWithUnits === 0) overall = { alpha: notMeasured('no-spans'), observedDisagreement: undefined, expectedDisagreement: undefined };
  else overall = disagreementAlpha(observedSum / labelsWithUnits, expectedSum / labelsWithUnits);
  return { overall, byLabel, continuumLengthCodePoints: L };
}

function disagreementAlpha(observed: number, expected: number): UnitizingDisagreement {
  const alpha = expected > 0 ? measured(1 - observed / expected) : notMeasured('no-variation');
  return { alpha, observedDisagreement: observed, expectedDisagreement: expected };
}

function unitsByLabel(section: UnitizingSection): Map<string, UnitizingUnit[]> {
  const byLabel = new Map<string, UnitizingUnit[]>();
  for (const u of section.units) {
    const list = byLabel.get(u.label);
    if (list === undefined) byLabel.set(u.label, [u]);
    else list.push(u);
  }
  return byLabel;
}

/**
 * For each annotator, the section cut into alternating units and gaps. An annotator's overlapping
 * units of one label are merged into their union (alpha_U assumes they do not overlap); units
 * that merely touch stay separate.
 */
function annotatorSegments(section: UnitizingSection, labelUnits: readonly UnitizingUnit[], annotatorCount: number): Segments[] {
  const begin = section.beginCodePoints ?? 0;
  const end = begin + section.lengthCodePoints;
  const perAnnotator: UnitizingUnit[][] = Array.from({ length: annotatorCount }, () => []);
  for (const u of labelUnits) {
    const list = perAnnotator[u.annotator];
    if (list === undefined) throw new RangeError(`unit of annotator ${u.annotator}, study has ${annotatorCount}`);
    list.push(u);
  }
  return perAnnotator.map((units) => {
    units.sort((x, y) => x.startCodePoints - y.startCodePoints);
    return mergedSegments(
      begin,
      end,
      units.length,
      (k) => units[k]!.startCodePoints,
      (k) => units[k]!.endCodePoints,
    );
  });
}

/**
 * One annotator's units (k = 0 .. count-1, ascending by start) merged where they overlap and
 * clipped to [begin, end), with the gaps between them.
 */
export function mergedSegments(begin: number, end: number, count: number, startOf: (k: number) => number, endOf: (k: number) => number): Segments {
  const bounds = [begin];
  const isUnit: boolean[] = [];
  let unitStart = 0;
  let unitEnd = -Infinity;
  const flush = (): void => {
    if (unitEnd === -Infinity) return;
    if (unitStart > bounds[bounds.length - 1]!) {
      isUnit.push(false);
      bounds.push(unitStart);
    }
    isUnit.push(true);
    bounds.push(unitEnd);
  };
  for (let k = 0; k < count; k++) {
    const start = Math.max(begin, startOf(k));
    const stop = Math.min(end, endOf(k));
    if (start >= stop) continue;
    if (start < unitEnd) unitEnd = Math.max(unitEnd, stop);
    else {
      flush();
      unitStart = start;
      unitEnd = stop;
    }
  }
  flush();
  if (bounds[bounds.length - 1]! < end) {
    isUnit.push(false);
    bounds.push(end);
  }
  return { bounds, isUnit };
}

/** uD_o = 2 / (R(R-1)L^2) · sum over annotator pairs and overlapping segment pairs of delta^2. */
function observedDisagreement(sections: readonly (readonly Segments[])[], R: number, L: number): number {
  let sum = 0;
  for (const perAnnotator of sections) {
    for (let r1 = 0; r1 < R; r1++) {
      for (let r2 = r1 + 1; r2 < R; r2++) {
        const s1 = perAnnotator[r1]!;
        const s2 = perAnnotator[r2]!;
        // Both partition the same section, so the current segments always overlap.
        let i = 0;
        let j = 0;
        while (i < s1.isUnit.length && j < s2.isUnit.length) {
          const start1 = s1.bounds[i]!;
          const end1 = s1.bounds[i + 1]!;
          const start2 = s2.bounds[j]!;
          const end2 = s2.bounds[j + 1]!;
          sum += unitizingDistance(start1, end1 - start1, s1.isUnit[i]!, start2, end2 - start2, s2.isUnit[j]!);
          if (end1 <= end2) i++;
          if (end2 <= end1) j++;
        }
      }
    }
  }
  return (2 * sum) / (R * (R - 1) * L * L);
}

/**
 * uD_e (Krippendorff 2004: 253): every unit compared with every other unit placed to overlap it,
 * and with every gap wide enough to hold it. Gaps are sorted once with suffix sums, so each unit
 * costs a binary search instead of a pass over all gaps.
 */
function expectedDisagreement(sections: readonly (readonly Segments[])[], R: number, L: number): number {
  let unitTotal = 0;
  let gapTotal = 0;
  for (const perAnnotator of sections) {
    for (const { isUnit } of perAnnotator) for (const unit of isUnit) if (unit) unitTotal++;
  }
  for (const perAnnotator of sections) for (const { isUnit } of perAnnotator) gapTotal += isUnit.length;
  gapTotal -= unitTotal;
  // Typed arrays: a numeric sort without a comparator call per step, and no boxing.
  const unitLengths = new Float64Array(unitTotal);
  const gapLengths = new Float64Array(gapTotal);
  let u = 0;
  let g = 0;
  for (const perAnnotator of sections) {
    for (const { bounds, isUnit } of perAnnotator) {
      for (let k = 0; k < isUnit.length; k++) {
        if (isUnit[k]) unitLengths[u++] = bounds[k + 1]! - bounds[k]!;
        else gapLengths[g++] = bounds[k + 1]! - bounds[k]!;
      }
    }
  }
  gapLengths.sort();
  const suffixSums = new Float64Array(gapLengths.length + 1);
  for (let k = gapLengths.length - 1; k >= 0; k--) suffixSums[k] = suffixSums[k + 1]! + gapLengths[k]!;
  const N = unitLengths.length;
  let squaredLengths = 0;
  let sum = 0;
  for (let k = 0; k < N; k++) {
    const l = unitLengths[k]!;
    squaredLengths += l * (l - 1);
    // countBelow(gapLengths, l), inline: this loop runs once per unit of the whole corpus.
    let first = 0;
    let high = gapLengths.length;
    while (first < high) {
      const mid = (first + high) >>> 1;
      if (gapLengths[mid]! < l) first = mid + 1;
      else high = mid;
    }
    const fittingGaps = gapLengths.length - first;
    // sum over gaps g >= l of (g - l + 1): the positions at which the unit fits inside the gap.
    const placements = suffixSums[first]! - (l - 1) * fittingGaps;
    sum += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l ** 2 * placements;
  }
  return ((2 / L) * sum) / (R * L * (R * L - 1) - squaredLengths);
}
