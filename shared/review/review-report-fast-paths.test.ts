// The report's fast paths (one pass for overall and per-document results, sorted span groups shared
// between rules, segments cut straight from spans, leftovers matched without copies) must give exactly
// the numbers of the plain functions they replace, on random corpora with missing data and overlaps.
import { describe, expect, it } from 'vitest';
import { annotatorPairs } from '../agreement/annotator-pairs';
import { cohenKappaFromMatrix } from '../agreement/cohen-kappa';
import { confusionMatrix } from '../agreement/confusion-matrix';
import { krippendorffAlpha } from '../agreement/krippendorff-alpha';
import { pairSpanF1 } from '../agreement/span-f1';
import { matchSpans, type MatchRule } from '../agreement/span-matching';
import { tokenAgreement } from '../agreement/token-agreement';
import { segmenterWordTokensUtf16 } from '../agreement/token-coding';
import type { AgreementLink, AgreementSpan, AnnotatorWork, LinkType } from '../agreement/types';
import { unitizingAlpha, type UnitizingSection } from '../agreement/unitizing-alpha';
import { OffsetMap } from '../text/offset-map';
import { NO_SPAN } from './label-confusion';
import { reviewReport } from './review-report';
import type { Review, ReviewDocument } from './review-types';

import article from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';

const ANNOTATORS = ['أمل', 'بدر', 'شادي', 'دينا'];
const LABELS = ['claim', 'claim', 'speaker', 'source', 'cue'];
const LINK_TYPES: LinkType[] = ['said_by', 'according_to', 'cued_by'];

/** Deterministic random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Documents cut from a real article (one with an emoji, so code points and UTF-16 differ), spans that partly agree. */
function randomReview(seed: number): Review {
  const next = random(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  const source = article.normalize('NFC');
  const documents: ReviewDocument[] = [];
  for (let d = 0; d < 25; d++) {
    const from = pick(source.length - 600);
    const text = (d % 7 === 3 ? '😀 ' : '') + source.slice(from, from + 100 + pick(500));
    const boundaries = [0];
    for (const ch of text) boundaries.push(boundaries[boundaries.length - 1]! + ch.length);
    const spanAt = (id: string, label: string): AgreementSpan => {
      const a = pick(boundaries.length - 1);
      const b = Math.min(boundaries.length - 1, a + 1 + pick(40));
      return { id, label, startUtf16: boundaries[a]!, endUtf16: boundaries[b]!, ...(label === 'claim' && next() < 0.7 ? { attributes: { claimType: next() < 0.5 ? 'quote' : 'paraphrase' } } : {}) };
    };
    const reference = Array.from({ length: pick(20) }, (_, k) => spanAt(`r${k}`, LABELS[pick(LABELS.length)]!));
    const annotations = new Map<string, AnnotatorWork>();
    ANNOTATORS.forEach((name, i) => {
      if (d > 0 && next() < 0.15) return; // missing data
      const spans = reference
        .filter(() => next() < 0.85)
        .map((ref, k): AgreementSpan => {
          const r = next();
          const id = `${i}-${d}-${k}`;
          if (r < 0.6) return { ...ref, id };
          if (r < 0.75) return { ...ref, id, endUtf16: Math.min(text.length, ref.endUtf16 + 2) };
          if (r < 0.85) return { ...ref, id, label: LABELS[pick(LABELS.length)]! };
          return spanAt(id, LABELS[pick(LABELS.length)]!);
        })
        .filter((span) => span.startUtf16 < span.endUtf16 && new OffsetMap(text).isBoundaryUtf16(span.endUtf16));
      const links: AgreementLink[] = [];
      for (const span of spans) {
        const target = spans[pick(spans.length)];
        if (span.label === 'claim' && target !== undefined && next() < 0.6) links.push({ type: LINK_TYPES[pick(3)]!, fromSpanId: span.id, toSpanId: target.id });
      }
      annotations.set(name, { spans, links });
    });
    const annotatedBy = [...annotations.keys()].sort();
    documents.push({ sha256: `doc${d}`, title: `doc ${d}`, text, annotations, annotatedBy, missing: [...ANNOTATORS].sort().filter((a) => !annotations.has(a)) });
  }
  const annotators = [...ANNOTATORS].sort().map((name) => ({ key: name, name, id: name, file: `${name}.json` }));
  return { files: [], annotators, documents, warnings: [] };
}

/** The label confusion as first written: leftovers copied under one label and matched by matchSpans. */
function plainLabelConfusion(review: Review, labels: readonly string[], minIoU: number): number[][] {
  const index = new Map(labels.map((c, i) => [c, i]));
  const counts = [...labels, NO_SPAN].map(() => [...labels, NO_SPAN].map(() => 0));
  const count = (i: number, j: number): void => {
    counts[i]![j]!++;
    counts[j]![i]!++;
  };
  const rule: MatchRule = { kind: 'overlap', minIoU };
  for (const doc of review.documents) {
    for (const { annotatorA, annotatorB } of annotatorPairs(review.annotators.map((a) => a.key))) {
      const workA = doc.annotations.get(annotatorA);
      const workB = doc.annotations.get(annotatorB);
      if (workA === undefined || workB === undefined) continue;
      const matchedA = new Set<AgreementSpan>();
      const matchedB = new Set<AgreementSpan>();
      for (const m of matchSpans(workA.spans, workB.spans, rule)) {
        const i = index.get(m.a.label);
        if (i === undefined) continue;
        matchedA.add(m.a);
        matchedB.add(m.b);
        count(i, i);
      }
      const copies = (spans: readonly AgreementSpan[], matched: Set<AgreementSpan>): Map<AgreementSpan, number> =>
        new Map(spans.filter((s) => index.has(s.label) && !matched.has(s)).map((s) => [{ ...s, label: '*' }, index.get(s.label)!]));
      const leftA = copies(workA.spans, matchedA);
      const leftB = copies(workB.spans, matchedB);
      for (const m of matchSpans([...leftA.keys()], [...leftB.keys()], rule)) {
        count(leftA.get(m.a)!, leftB.get(m.b)!);
        leftA.delete(m.a);
        leftB.delete(m.b);
      }
      for (const i of leftA.values()) count(i, labels.length);
      for (const i of leftB.values()) count(i, labels.length);
    }
  }
  return counts;
}

describe('reviewReport fast paths', () => {
  for (const seed of [1, 2, 3]) {
    it(`give the plain functions' numbers on random corpus ${seed}`, () => {
      const review = randomReview(seed);
      const report = reviewReport(review);
      const labels = report.agreement.labels;
      const keys = review.annotators.map((a) => a.key);
      const tokenize = (text: string) => segmenterWordTokensUtf16(text, 'ar');
      const overlap: MatchRule = { kind: 'overlap', minIoU: 0.5 };
      expect(labels).toEqual(['claim', 'cue', 'source', 'speaker']);
      expect(review.documents.some((d) => d.missing.length > 0)).toBe(true);

      expect(report.agreement.tokens).toEqual(tokenAgreement(review.documents, keys, labels, tokenize));
      for (const [rule, section] of [
        [{ kind: 'exact' }, report.agreement.spanF1.exact],
        [overlap, report.agreement.spanF1.overlap],
      ] as const) {
        expect(section.pairs).toEqual(annotatorPairs(keys).map((p) => pairSpanF1(review.documents, p.annotatorA, p.annotatorB, rule, labels)));
        review.documents.forEach((doc, i) => {
          const own = report.perDocument[i]!;
          const sectionOfDoc = rule.kind === 'exact' ? own.spanF1.exact : own.spanF1.overlap;
          expect(sectionOfDoc.pairs).toEqual(annotatorPairs(doc.annotatedBy).map((p) => pairSpanF1([doc], p.annotatorA, p.annotatorB, rule, labels)));
        });
      }
      review.documents.forEach((doc, i) => expect(report.perDocument[i]!.tokens).toEqual(tokenAgreement([doc], doc.annotatedBy, labels, tokenize)));

      // αU through the general study, one unit object per span, over the documents everyone has.
      const sections: UnitizingSection[] = review.documents
        .filter((doc) => keys.every((k) => doc.annotations.has(k)))
        .map((doc) => {
          const offsets = new OffsetMap(doc.text);
          const units = keys.flatMap((k, annotator) =>
            doc.annotations.get(k)!.spans.map((s) => ({ annotator, label: s.label, startCodePoints: offsets.toCodePoint(s.startUtf16), endCodePoints: offsets.toCodePoint(s.endUtf16) })),
          );
          return { lengthCodePoints: offsets.lengthCodePoints, units };
        });
      expect(sections.length).toBeGreaterThan(0);
      const { documentCount, excludedDocumentCount, ...unitizing } = report.agreement.unitizing;
      expect(unitizing).toEqual(unitizingAlpha({ annotatorCount: keys.length, sections }, labels));
      expect(documentCount + excludedDocumentCount).toBe(review.documents.length);

      expect(report.labelConfusion.counts).toEqual(plainLabelConfusion(review, labels, 0.5));

      // Attribute agreement from the list of value pairs, one per matched span pair.
      annotatorPairs(keys).forEach((p, i) => {
        const pairs: [string, string][] = [];
        for (const doc of review.documents) {
          const workA = doc.annotations.get(p.annotatorA);
          const workB = doc.annotations.get(p.annotatorB);
          if (workA === undefined || workB === undefined) continue;
          for (const { a, b } of matchSpans(workA.spans, workB.spans, overlap)) {
            const valueA = a.attributes?.['claimType'];
            const valueB = b.attributes?.['claimType'];
            if (a.label === 'claim' && valueA !== undefined && valueB !== undefined) pairs.push([valueA, valueB]);
          }
        }
        const claimType = report.agreement.attributes.pairs[i]!.byAttribute.find((g) => g.label === 'claim' && g.attribute === 'claimType')!;
        expect(pairs.length).toBeGreaterThan(5);
        expect(claimType.pairedValues).toBe(pairs.length);
        expect(claimType.confusion).toEqual(confusionMatrix(pairs));
        expect(claimType.cohenKappa).toEqual(cohenKappaFromMatrix(confusionMatrix(pairs).counts));
        expect(claimType.krippendorffAlpha).toEqual(krippendorffAlpha(pairs));
      });
    });
  }
});
