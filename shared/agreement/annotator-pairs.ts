// Unordered annotator pairs in a stable order, and the documents a pair (or a group) both annotated.
import type { AnnotatedDocument, AnnotatorId, AnnotatorPair } from './types';

export function annotatorPairs(annotatorIds: readonly AnnotatorId[]): AnnotatorPair[] {
  const pairs: AnnotatorPair[] = [];
  for (let i = 0; i < annotatorIds.length; i++) {
    for (let j = i + 1; j < annotatorIds.length; j++) pairs.push({ annotatorA: annotatorIds[i]!, annotatorB: annotatorIds[j]! });
  }
  return pairs;
}

/** Every annotator id that appears in any document, sorted so results do not depend on input order. */
export function allAnnotatorIds(documents: readonly AnnotatedDocument[]): AnnotatorId[] {
  const ids = new Set<AnnotatorId>();
  for (const doc of documents) for (const id of doc.annotations.keys()) ids.add(id);
  return [...ids].sort();
}

export function annotatedByAll(doc: AnnotatedDocument, annotatorIds: readonly AnnotatorId[]): boolean {
  return annotatorIds.every((id) => doc.annotations.has(id));
}
