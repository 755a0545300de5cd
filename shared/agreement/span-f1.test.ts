import { describe, expect, it } from 'vitest';
import { averageSpanF1, pairSpanF1 } from './span-f1';
import { EXACT_MATCH, OVERLAP_MATCH } from './span-matching';
import type { AgreementSpan, AnnotatedDocument, AnnotatorWork } from './types';

const LABELS = ['claim', 'speaker', 'cue'];

function span(id: string, label: string, startUtf16: number, endUtf16: number): AgreementSpan {
  return { id, label, startUtf16, endUtf16 };
}

function doc(sha256: string, annotations: Record<string, AnnotatorWork>): AnnotatedDocument {
  return { sha256, text: 'x'.repeat(100), annotations: new Map(Object.entries(annotations)) };
}

const DOCUMENTS = [
  doc('d1', {
    A: { spans: [span('a1', 'claim', 0, 10), span('a2', 'claim', 20, 30), span('a3', 'speaker', 40, 45)] },
    B: { spans: [span('b1', 'claim', 0, 10), span('b2', 'claim', 22, 30), span('b3', 'speaker', 50, 55), span('b4', 'cue', 60, 62)] },
  }),
  // Only A annotated d2: it cannot count for or against the pair.
  doc('d2', { A: { spans: [span('a9', 'claim', 0, 50)] } }),
];

describe('pairSpanF1', () => {
  it('counts exact matches per label and overall, with A as the reference', () => {
    const result = pairSpanF1(DOCUMENTS, 'A', 'B', EXACT_MATCH, LABELS);
    expect(result.documentCount).toBe(1);
    expect(result.byLabel['claim']).toMatchObject({ matched: 1, spansA: 2, spansB: 2, precision: { value: 0.5 }, recall: { value: 0.5 }, f1: { value: 0.5 } });
    expect(result.byLabel['speaker']!.f1).toEqual({ value: 0 });
    // A marked no cue: recall has nothing to be measured against, F1 is still 0.
    expect(result.byLabel['cue']).toMatchObject({ precision: { value: 0 }, recall: { value: undefined, reason: 'no-spans' }, f1: { value: 0 } });
    expect(result.overall).toMatchObject({ matched: 1, spansA: 3, spansB: 4 });
    expect(result.overall.precision.value).toBeCloseTo(1 / 4, 12);
    expect(result.overall.recall.value).toBeCloseTo(1 / 3, 12);
    expect(result.overall.f1.value).toBeCloseTo(2 / 7, 12);
  });

  it('lets claims whose boundaries differ slightly match under the overlap rule', () => {
    const result = pairSpanF1(DOCUMENTS, 'A', 'B', OVERLAP_MATCH, LABELS);
    expect(result.byLabel['claim']!.f1).toEqual({ value: 1 });
    expect(result.overall.f1.value).toBeCloseTo(4 / 7, 12);
  });

  it('is undefined, with the reason, when neither marked a span or they share no document', () => {
    const empty = [doc('d', { A: { spans: [] }, B: { spans: [] } })];
    expect(pairSpanF1(empty, 'A', 'B', EXACT_MATCH, LABELS).overall.f1).toEqual({ value: undefined, reason: 'no-spans' });
    const apart = [doc('d1', { A: { spans: [] } }), doc('d2', { B: { spans: [] } })];
    expect(pairSpanF1(apart, 'A', 'B', EXACT_MATCH, LABELS).overall.f1).toEqual({ value: undefined, reason: 'no-shared-documents' });
  });
});

describe('averageSpanF1', () => {
  it('averages the pairs that have a value', () => {
    const pairs = [pairSpanF1(DOCUMENTS, 'A', 'B', OVERLAP_MATCH, LABELS), pairSpanF1(DOCUMENTS, 'A', 'A', OVERLAP_MATCH, LABELS)];
    const average = averageSpanF1(pairs, LABELS);
    expect(average.overall.value).toBeCloseTo((4 / 7 + 1) / 2, 12);
    // Only the A-B pair has a cue at all.
    expect(average.byLabel['cue']).toEqual({ value: 0 });
    expect(averageSpanF1([], LABELS).overall).toEqual({ value: undefined, reason: 'fewer-than-two-annotators' });
  });
});
