// alpha_U over annotated documents: each document is a section of the character continuum
// (code points), over the documents that every given annotator annotated.
import { OffsetMap } from '../text/offset-map';
import { annotatedByAll } from './annotator-pairs';
import { notMeasured } from './measure';
import { unitizingAlpha, type UnitizingAlphaResult, type UnitizingSection, type UnitizingUnit } from './unitizing-alpha';
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
  const sections: UnitizingSection[] = [];
  let excluded = 0;
  for (const doc of documents) {
    if (!annotatedByAll(doc, annotatorIds)) {
      excluded++;
      continue;
    }
    const offsets = new OffsetMap(doc.text);
    // Without characters outside the BMP (most Arabic news), both units count the same.
    const toCodePoint = offsets.lengthCodePoints === offsets.lengthUtf16 ? (offsetUtf16: number) => offsetUtf16 : (offsetUtf16: number) => offsets.toCodePoint(offsetUtf16);
    const units: UnitizingUnit[] = [];
    annotatorIds.forEach((id, annotator) => {
      for (const span of doc.annotations.get(id)!.spans) {
        units.push({ annotator, label: span.label, startCodePoints: toCodePoint(span.startUtf16), endCodePoints: toCodePoint(span.endUtf16) });
      }
    });
    sections.push({ lengthCodePoints: offsets.lengthCodePoints, units });
  }
  const result = unitizingAlpha({ annotatorCount: annotatorIds.length, sections }, labels);
  if (annotatorIds.length >= 2 && sections.length === 0 && excluded > 0) {
    // Every document lacks some annotator: say so rather than "no-items".
    const none = { alpha: notMeasured('no-shared-documents'), observedDisagreement: undefined, expectedDisagreement: undefined };
    const byLabel = Object.fromEntries(Object.keys(result.byLabel).map((label) => [label, { ...none, unitCount: 0 }]));
    return { ...result, overall: none, byLabel, documentCount: 0, excludedDocumentCount: excluded };
  }
  return { ...result, documentCount: sections.length, excludedDocumentCount: excluded };
}
