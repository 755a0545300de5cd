// alpha_U over annotated documents: each document is a section of the character continuum
// (code points), over the documents that every given annotator annotated.
import { OffsetMap } from '../text/offset-map';
import { annotatedByAll } from './annotator-pairs';
import { notMeasured } from './measure';
import { mergedSegments, unitizingAlphaOfSegments, type Segments, type UnitizingAlphaResult } from './unitizing-alpha';
import type { AnnotatedDocument, AnnotatorId } from './types';

export interface DocumentsUnitizingAlpha extends UnitizingAlphaResult {
  readonly documentCount: number;
  /** Documents left out because some annotator did not annotate them (alpha_U has no missing data). */
  readonly excludedDocumentCount: number;
}

export function documentsUnitizingAlpha(
  documents: readonly AnnotatedDocument[],
  annotatorIds: readonly AnnotatorId[],
  labels: readonly string[],
): DocumentsUnitizingAlpha {
  // Each label's segments, per document, per annotator: cut straight from the spans, without the
  // unit objects and per-label grouping that unitizingAlpha needs for a general study.
  const labelNumber = new Map<string, number>();
  for (const label of labels) if (!labelNumber.has(label)) labelNumber.set(label, labelNumber.size);
  const segmentsByLabel: Segments[][][] = Array.from({ length: labelNumber.size }, () => []);
  let documentCount = 0;
  let L = 0;
  let excluded = 0;
  for (const doc of documents) {
    if (!annotatedByAll(doc, annotatorIds)) {
      excluded++;
      continue;
    }
    documentCount++;
    const offsets = new OffsetMap(doc.text);
    // Without characters outside the BMP (most Arabic news), both units count the same.
    const toCodePoint = offsets.lengthCodePoints === offsets.lengthUtf16 ? (offsetUtf16: number) => offsetUtf16 : (offsetUtf16: number) => offsets.toCodePoint(offsetUtf16);
    const end = offsets.lengthCodePoints;
    L += end;
    const perLabel = segmentsByLabel.map(() => new Array<Segments>(annotatorIds.length));
    // A unit as one number, start·(length+1) + end, so that sorting numbers orders by start (then end)
    // without an object per unit; exact below 2^53, that is for texts under 94 million characters.
    const base = end + 1;
    const asKeys = base * base <= Number.MAX_SAFE_INTEGER;
    annotatorIds.forEach((id, annotator) => {
      const units: number[][] = perLabel.map(() => []);
      for (const span of doc.annotations.get(id)!.spans) {
        const n = labelNumber.get(span.label);
        if (n === undefined) continue;
        const startCodePoints = toCodePoint(span.startUtf16);
        const endCodePoints = toCodePoint(span.endUtf16);
        if (asKeys) units[n]!.push(startCodePoints * base + endCodePoints);
        else units[n]!.push(startCodePoints, endCodePoints);
      }
      units.forEach((list, n) => {
        if (asKeys) {
          const keys = list.sort((x, y) => x - y);
          perLabel[n]![annotator] = mergedSegments(0, end, keys.length, (k) => Math.floor(keys[k]! / base), (k) => keys[k]! % base);
        } else {
          const order = Array.from({ length: list.length / 2 }, (_, k) => k).sort((x, y) => list[2 * x]! - list[2 * y]!);
          perLabel[n]![annotator] = mergedSegments(0, end, order.length, (k) => list[2 * order[k]!]!, (k) => list[2 * order[k]! + 1]!);
        }
      });
    });
    perLabel.forEach((segments, n) => segmentsByLabel[n]!.push(segments));
  }
  const result = unitizingAlphaOfSegments(labels, annotatorIds.length, L, (label) => segmentsByLabel[labelNumber.get(label)!]!);
  if (annotatorIds.length >= 2 && documentCount === 0 && excluded > 0) {
    // Every document lacks some annotator: say so rather than "no-items".
    const none = { alpha: notMeasured('no-shared-documents'), observedDisagreement: undefined, expectedDisagreement: undefined };
    const byLabel = Object.fromEntries(Object.keys(result.byLabel).map((label) => [label, { ...none, unitCount: 0 }]));
    return { ...result, overall: none, byLabel, documentCount: 0, excludedDocumentCount: excluded };
  }
  return { ...result, documentCount, excludedDocumentCount: excluded };
}
