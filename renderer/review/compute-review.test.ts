// The review page's numbers on a small case worked out by hand: three annotators of one sentence,
// two of whom agree exactly; plus bad files and duplicate names, which must come back as messages.
import { describe, expect, it } from 'vitest';
import type { ReviewInput } from '../../shared/review/review-types';
import { makeExportFile, type PhraseSpan } from '../../shared/review/test-support/make-export-file';
import { computeReview, type ReviewComputation } from './compute-review';
import { attributeRows, documentRows, labelRows, linkRows, pairRows } from './measure-rows';
import { sha256Hex } from './sha256-hex';

const TEXT = 'قال المتحدث إن الاجتماع تأجل إلى الأسبوع المقبل.';
const X = 'الاجتماع تأجل';
const Y = 'الأسبوع المقبل';
const Z = 'إلى الأسبوع المقبل'; // contains Y: IoU 14/18 ≥ 0.5

function input(name: string, spans: readonly Omit<PhraseSpan, 'annotator'>[]): ReviewInput {
  const file = makeExportFile([{ id: `id-${name}`, name }], [{ text: TEXT, spans: spans.map((s) => ({ ...s, annotator: `id-${name}` })) }], sha256Hex);
  return { name: `${name}.json`, content: JSON.stringify(file) };
}

function compute(inputs: ReviewInput[]): ReviewComputation {
  const result = computeReview(inputs);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('computeReview and the table rows', () => {
  const { report, pairUnitizing } = compute([
    input('A', [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Y, attributes: { claimType: 'quote' } }]),
    input('B', [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Z, attributes: { claimType: 'paraphrase' } }]),
    input('C', [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Y, attributes: { claimType: 'quote' } }]),
  ]);

  it('gives each pair its span F1: exact 0.5 where Y ≠ Z, 1 where the spans are the same; overlap 1 everywhere', () => {
    const rows = pairRows(report, pairUnitizing);
    expect(rows.map((r) => [r.annotatorA, r.annotatorB, r.exactF1.value, r.overlapF1.value, r.documentCount])).toEqual([
      ['A', 'B', 0.5, 1, 1],
      ['A', 'C', 1, 1, 1],
      ['B', 'C', 0.5, 1, 1],
    ]);
  });

  it('gives identical annotators αU 1 and Cohen’s κ 1, and different ones less', () => {
    const rows = pairRows(report, pairUnitizing);
    const ac = rows.find((r) => r.annotatorB === 'C' && r.annotatorA === 'A')!;
    const ab = rows.find((r) => r.annotatorB === 'B')!;
    expect(ac.unitizingAlpha.value).toBe(1);
    expect(ac.cohenKappaByLabel[0]!.value).toBe(1);
    // A and B differ on the token إلى only: p_o = 7/8, p_e = 1/2 (see shared/review tests), κ = 0.75.
    expect(ab.cohenKappaByLabel[0]!.value).toBeCloseTo(0.75, 12);
    expect(ab.unitizingAlpha.value).toBeLessThan(1);
  });

  it('has one row per label plus an overall row where token measures do not apply', () => {
    const rows = labelRows(report);
    expect(rows.map((r) => r.label)).toEqual(['claim', null]);
    expect(rows[0]!.exactF1?.value).toBeCloseTo(2 / 3, 12);
    expect(rows[0]!.fleissKappa?.value).toBeDefined();
    expect(rows[1]!.fleissKappa).toBeNull();
    expect(rows[1]!.overlapF1).toEqual({ value: 1 });
  });

  it('says why link measures have no value when nobody linked anything', () => {
    const rows = linkRows(report);
    expect(rows.map((r) => r.type)).toEqual(['said_by', 'according_to', 'cued_by', null]);
    for (const row of rows) expect(row.f1.value).toBeUndefined();
    expect(rows.every((r) => r.f1.value === undefined && 'reason' in r.f1 && r.f1.reason.length > 0)).toBe(true);
  });

  it('compares the claimType of matched spans per pair', () => {
    const rows = attributeRows(report).filter((r) => r.attribute === 'claimType');
    expect(rows.map((r) => [r.annotatorA, r.annotatorB, r.pairedValues])).toEqual([
      ['A', 'B', 1],
      ['A', 'C', 1],
      ['B', 'C', 1],
    ]);
  });

  it('lists the document with its per-document F1', () => {
    const [doc] = documentRows(report);
    expect(doc!.sha256).toBe(sha256Hex(TEXT));
    expect(doc!.exactF1.value).toBeCloseTo(2 / 3, 12);
    expect(doc!.missing).toEqual([]);
  });

  it('refuses a file that is not JSON, naming it, instead of throwing', () => {
    const result = computeReview([input('A', []), { name: 'broken.json', content: '{"format": "isn' }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('broken.json');
  });

  it('lists a document one annotator lacks with who is missing, and says so in a warning', () => {
    const OTHER = 'وأضاف أن القرار نهائي.';
    const withOther = (name: string): ReviewInput => {
      const file = makeExportFile(
        [{ id: `id-${name}`, name }],
        [
          { text: TEXT, spans: [{ annotator: `id-${name}`, label: 'claim', phrase: X }] },
          { text: OTHER, spans: [{ annotator: `id-${name}`, label: 'claim', phrase: 'القرار نهائي' }] },
        ],
        sha256Hex,
      );
      return { name: `${name}.json`, content: JSON.stringify(file) };
    };
    const { report: r } = compute([withOther('A'), input('B', [{ label: 'claim', phrase: X }]), withOther('C')]);
    const rows = documentRows(r);
    expect(rows.map((row) => row.missing)).toEqual([[], ['B']]);
    expect(rows[1]!.annotatedBy).toEqual(['A', 'C']);
    // The document B lacks is measured between A and C only: both marked the same claim.
    expect(rows[1]!.exactF1).toEqual({ value: 1 });
    expect(r.warnings.map((w) => w.kind)).toContain('missing-documents');
  });

  it('keeps two files of the same annotator name apart and warns', () => {
    const { review } = compute([input('A', [{ label: 'claim', phrase: X }]), { ...input('A', [{ label: 'claim', phrase: Y }]), name: 'A-again.json' }]);
    expect(review.annotators.map((a) => a.key)).toEqual(['A (A-again.json)', 'A (A.json)']);
    expect(review.warnings.map((w) => w.kind)).toContain('duplicate-annotator-name');
  });
});
