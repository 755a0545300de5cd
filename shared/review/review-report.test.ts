// The review report on small cases computed by hand: span F1, Cohen's κ on word tokens, the label
// confusion matrix, per-document results, and what happens with fewer than two annotators.
import { describe, expect, it } from 'vitest';
import { agreementReport } from '../agreement/agreement-report';
import type { ExportFileV1 } from '../export/export-v1';
import { loadReview } from './load-review';
import { reviewReport } from './review-report';
import type { ReviewInput } from './review-types';
import { fakeSha256Hex, makeExportFile, type PhraseSpan } from './test-support/make-export-file';

// 8 word tokens: قال المتحدث إن الاجتماع تأجل إلى الأسبوع المقبل
const TEXT = 'قال المتحدث إن الاجتماع تأجل إلى الأسبوع المقبل.';
const OTHER = 'وأضاف أن القرار نهائي.';
const X = 'الاجتماع تأجل';
const Y = 'الأسبوع المقبل';
const Z = 'إلى الأسبوع المقبل'; // contains Y: IoU 14/18 ≥ 0.5

function inputFor(name: string, id: string, spans: readonly Omit<PhraseSpan, 'annotator'>[], extraTexts: readonly string[] = []): ReviewInput {
  const file: ExportFileV1 = makeExportFile(
    [{ id, name }],
    [{ text: TEXT, spans: spans.map((s) => ({ ...s, annotator: id })) }, ...extraTexts.map((text) => ({ text, spans: [] }))],
    fakeSha256Hex,
  );
  return { name: `${name}.json`, content: JSON.stringify(file) };
}

function report(inputs: ReviewInput[], labels?: string[]) {
  const loaded = loadReview(inputs, { sha256Hex: fakeSha256Hex });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return reviewReport(loaded.review, { labels });
}

describe('reviewReport', () => {
  it('A {x, y} against B {x, z}: exact F1 0.5, overlap F1 1, Cohen’s κ 0.75 on the claim tokens', () => {
    const r = report([
      inputFor('A', 'a', [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Y }]),
      inputFor('B', 'b', [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Z }]),
    ]);
    expect(r.notice).toBeUndefined();
    expect(r.agreement.spanF1.exact.average.byLabel['claim']).toEqual({ value: 0.5 });
    expect(r.agreement.spanF1.overlap.average.byLabel['claim']).toEqual({ value: 1 });
    // Tokens: A marks 4 of 8, B 5 of 8, they differ on إلى only: p_o = 7/8, p_e = 1/2, κ = 0.75.
    const claim = r.agreement.tokens.byLabel['claim']!;
    expect(claim.cohenPairs[0]!.result.observedAgreement).toBeCloseTo(0.875, 12);
    expect(claim.cohenAverage.value).toBeCloseTo(0.75, 12);
    // The document's own results are the same numbers, since it is the only document.
    expect(r.perDocument).toHaveLength(1);
    expect(r.perDocument[0]!.spanF1.exact.average.overall).toEqual({ value: 0.5 });
    expect(r.perDocument[0]!.tokens.byLabel['claim']!.cohenAverage.value).toBeCloseTo(0.75, 12);
    const rules = r.coding.rules.map((rule) => rule.text).join(' ');
    expect(rules).toContain("Intl.Segmenter('ar', {granularity: 'word'})");
    expect(rules).toContain('One binary coding per label');
    expect(r.coding.rules.find((rule) => rule.topic === 'span F1')?.text).toContain('≥ 0.5');
  });

  it('counts label confusion between annotators, with unmatched spans under (none)', () => {
    const r = report([
      inputFor('A', 'a', [{ label: 'claim', phrase: X }, { label: 'cue', phrase: 'قال' }]),
      inputFor('B', 'b', [{ label: 'source', phrase: X }]),
    ]);
    const { categories, counts } = r.labelConfusion;
    expect(categories).toEqual(['claim', 'cue', 'source', '(none)']);
    const at = (row: string, column: string): number => counts[categories.indexOf(row)]![categories.indexOf(column)]!;
    expect(at('claim', 'source')).toBe(1);
    expect(at('source', 'claim')).toBe(1);
    expect(at('cue', '(none)')).toBe(1);
    expect(at('claim', 'claim')).toBe(0);
    // Label by label nothing agrees: the claim and the source are different labels.
    expect(r.agreement.spanF1.overlap.average.overall).toEqual({ value: 0 });
  });

  it('pairs a span with the same label first, before looking across labels', () => {
    const r = report([inputFor('A', 'a', [{ label: 'claim', phrase: X }]), inputFor('B', 'b', [{ label: 'source', phrase: X }, { label: 'claim', phrase: X }])]);
    const { categories, counts } = r.labelConfusion;
    const at = (row: string, column: string): number => counts[categories.indexOf(row)]![categories.indexOf(column)]!;
    expect([at('claim', 'claim'), at('claim', 'source'), at('source', '(none)')]).toEqual([2, 0, 1]);
  });

  it('measures links from relations: A and B link the claim to its speaker, C marks both but links nothing', () => {
    const inputWithLink = (name: string, id: string, linked: boolean): ReviewInput => {
      const file = makeExportFile(
        [{ id, name }],
        [
          {
            text: TEXT,
            spans: [
              { annotator: id, label: 'claim', phrase: X, key: 'claim' },
              { annotator: id, label: 'speaker', phrase: 'المتحدث', key: 'speaker' },
            ],
            relations: linked ? [{ annotator: id, type: 'said_by', from: 'claim', to: 'speaker' }] : [],
          },
        ],
        fakeSha256Hex,
      );
      return { name: `${name}.json`, content: JSON.stringify(file) };
    };
    const r = report([inputWithLink('A', 'a', true), inputWithLink('B', 'b', true), inputWithLink('C', 'c', false)]);
    // A–B: 2·1/(1+1) = 1; A–C and B–C: 2·0/(1+0) = 0; mean 1/3.
    expect(r.agreement.links.pairs.map((p) => p.byType.said_by.f1.value)).toEqual([1, 0, 0]);
    expect(r.agreement.links.average.byType.said_by.f1.value).toBeCloseTo(1 / 3, 12);
    expect(r.agreement.links.pairs.map((p) => p.byType.said_by.claims.share.value)).toEqual([1, 0, 0]);
  });

  it('says why every measure is undefined when only one annotator is loaded', () => {
    const r = report([inputFor('A', 'a', [{ label: 'claim', phrase: X }])]);
    expect(r.notice).toMatch(/only one annotator \(«A»\).*at least two annotators.*fewer-than-two-annotators/);
    expect(r.agreement.spanF1.overlap.average.overall).toEqual({ value: undefined, reason: 'fewer-than-two-annotators' });
    expect(r.agreement.tokens.byLabel['claim']!.krippendorffAlpha.alpha).toEqual({ value: undefined, reason: 'fewer-than-two-annotators' });
  });

  it('measures only the --label labels and warns about one nobody used', () => {
    const r = report(
      [inputFor('A', 'a', [{ label: 'claim', phrase: X }, { label: 'cue', phrase: 'قال' }]), inputFor('B', 'b', [{ label: 'cue', phrase: 'قال' }])],
      ['cue', 'speaker'],
    );
    expect(r.agreement.labels).toEqual(['cue', 'speaker']);
    expect(r.agreement.spanF1.exact.average.byLabel['cue']).toEqual({ value: 1 });
    expect(r.agreement.spanF1.exact.average.byLabel['speaker']).toEqual({ value: undefined, reason: 'no-spans' });
    expect(r.warnings.map((w) => w.kind)).toEqual(['label-not-used']);
  });

  it('gives per-document results among the annotators who have each document', () => {
    const r = report([inputFor('A', 'a', [{ label: 'claim', phrase: X }], [OTHER]), inputFor('B', 'b', [{ label: 'claim', phrase: X }])]);
    expect(r.documents.map((d) => d.missing)).toEqual([[], ['B']]);
    const other = r.perDocument[1]!;
    expect(other.annotatedBy).toEqual(['A']);
    expect(other.spanF1.exact.average.overall).toEqual({ value: undefined, reason: 'fewer-than-two-annotators' });
    expect(r.agreement.spanF1.exact.pairs[0]!.documentCount).toBe(1);
  });
});

describe('the overall results', () => {
  it('are exactly what agreementReport gives, although computed with a shared matcher', () => {
    const inputs = [
      inputFor('A', 'a', [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Y }, { label: 'cue', phrase: 'قال' }], [OTHER]),
      inputFor('B', 'b', [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Z }, { label: 'speaker', phrase: 'المتحدث' }]),
      inputFor('C', 'c', [{ label: 'source', phrase: X }, { label: 'cue', phrase: 'قال' }], [OTHER]),
    ];
    const loaded = loadReview(inputs, { sha256Hex: fakeSha256Hex });
    if (!loaded.ok) throw new Error(loaded.error.message);
    for (const options of [{}, { labels: ['claim', 'cue'], overlapMinIoU: 0.8 }]) {
      expect(reviewReport(loaded.review, options).agreement).toEqual(agreementReport(loaded.review.documents, options));
    }
  });
});
