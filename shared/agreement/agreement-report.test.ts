// The whole report on a real Arabic article, and the edge cases whose results README.md defines.
import { describe, expect, it } from 'vitest';
import { agreementReport } from './agreement-report';
import { wordTokensUtf16 } from './token-coding';
import type { AgreementLink, AgreementSpan, AnnotatedDocument, AnnotatorWork } from './types';

// A real Arabic news article (repoRoot/../shared/fixtures), imported as text so the test needs no Node API.
import rawArticle from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';

const article = rawArticle.replace(/\r\n?/g, '\n').normalize('NFC');

/** The span of `phrase` in the article (its first occurrence after `after`). */
function spanOf(id: string, label: string, phrase: string, after = 0, attributes?: Record<string, string>): AgreementSpan {
  const startUtf16 = article.indexOf(phrase, after);
  if (startUtf16 < 0) throw new Error(`phrase not in the fixture: ${phrase}`);
  return { id, label, startUtf16, endUtf16: startUtf16 + phrase.length, ...(attributes ? { attributes } : {}) };
}

const CLAIM_1 = 'القوات الأميركية وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني في شرق سوريا';
const CLAIM_2 = '"الضربات الدقيقة هي للدفاع عن النفس';

/** Annotator A: two claims with speaker and cue. */
function workA(prefix = 'a'): AnnotatorWork {
  const spans = [
    spanOf(`${prefix}-cue1`, 'cue', 'أعلنت'),
    spanOf(`${prefix}-speaker1`, 'speaker', 'وزارة الدفاع الأميركية'),
    spanOf(`${prefix}-claim1`, 'claim', CLAIM_1, 0, { claimType: 'paraphrase' }),
    spanOf(`${prefix}-cue2`, 'cue', 'وقال'),
    spanOf(`${prefix}-speaker2`, 'speaker', 'وزير الدفاع الأميركي، لويد أوستن'),
    spanOf(`${prefix}-claim2`, 'claim', CLAIM_2, 0, { claimType: 'quote' }),
  ];
  const links: AgreementLink[] = [
    { type: 'said_by', fromSpanId: `${prefix}-claim1`, toSpanId: `${prefix}-speaker1` },
    { type: 'cued_by', fromSpanId: `${prefix}-claim1`, toSpanId: `${prefix}-cue1` },
    { type: 'said_by', fromSpanId: `${prefix}-claim2`, toSpanId: `${prefix}-speaker2` },
    { type: 'cued_by', fromSpanId: `${prefix}-claim2`, toSpanId: `${prefix}-cue2` },
  ];
  return { spans, links };
}

/** Annotator B: the same cues and links, but claim 1 leaves out "القوات الأميركية" and speaker 2 is only the name. */
function workB(): AnnotatorWork {
  const spans = [
    spanOf('b-cue1', 'cue', 'أعلنت'),
    spanOf('b-speaker1', 'speaker', 'وزارة الدفاع الأميركية'),
    spanOf('b-claim1', 'claim', 'وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني في شرق سوريا', 0, { claimType: 'paraphrase' }),
    spanOf('b-cue2', 'cue', 'وقال'),
    spanOf('b-speaker2', 'speaker', 'لويد أوستن'),
    spanOf('b-claim2', 'claim', CLAIM_2, 0, { claimType: 'paraphrase' }),
  ];
  const links: AgreementLink[] = [
    { type: 'said_by', fromSpanId: 'b-claim1', toSpanId: 'b-speaker1' },
    { type: 'cued_by', fromSpanId: 'b-claim1', toSpanId: 'b-cue1' },
    { type: 'said_by', fromSpanId: 'b-claim2', toSpanId: 'b-speaker2' },
    { type: 'cued_by', fromSpanId: 'b-claim2', toSpanId: 'b-cue2' },
  ];
  return { spans, links };
}

function documentWith(annotations: Record<string, AnnotatorWork>, text = article, sha256 = 'article'): AnnotatedDocument {
  return { sha256, text, annotations: new Map(Object.entries(annotations)) };
}

describe('agreementReport on a real Arabic article', () => {
  const report = agreementReport([documentWith({ A: workA(), B: workB() })]);

  it('lists annotators and labels', () => {
    expect(report.annotators).toEqual(['A', 'B']);
    expect(report.labels).toEqual(['claim', 'cue', 'speaker']);
  });

  it('separates boundary disagreement (exact F1) from finding the same claims (overlap F1)', () => {
    expect(report.spanF1.exact.average.byLabel['cue']).toEqual({ value: 1 });
    expect(report.spanF1.exact.average.byLabel['claim']).toEqual({ value: 0.5 });
    expect(report.spanF1.overlap.average.byLabel['claim']).toEqual({ value: 1 });
    // "لويد أوستن" is under half of "وزير الدفاع الأميركي، لويد أوستن": no overlap match.
    expect(report.spanF1.overlap.average.byLabel['speaker']).toEqual({ value: 0.5 });
  });

  it('agrees perfectly on cue tokens and less on claim and speaker tokens', () => {
    const { byLabel } = report.tokens;
    expect(report.tokens.tokenCount).toBe(wordTokensUtf16(article).count);
    expect(byLabel['cue']!.cohenAverage).toEqual({ value: 1 });
    expect(byLabel['cue']!.krippendorffAlpha.alpha).toEqual({ value: 1 });
    for (const label of ['claim', 'speaker']) {
      expect(byLabel[label]!.cohenAverage.value).toBeGreaterThan(0.5);
      expect(byLabel[label]!.cohenAverage.value).toBeLessThan(1);
    }
    // Two annotators: Fleiss' kappa is Scott's pi, close to but not Cohen's kappa.
    expect(byLabel['claim']!.fleiss.kappa.value).toBeCloseTo(byLabel['claim']!.krippendorffAlpha.alpha.value!, 2);
  });

  it('measures unitizing per label: perfect on cues, imperfect on claims', () => {
    expect(report.unitizing.byLabel['cue']!.alpha).toEqual({ value: 1 });
    expect(report.unitizing.byLabel['claim']!.alpha.value).toBeLessThan(1);
    expect(report.unitizing.byLabel['claim']!.alpha.value).toBeGreaterThan(0.5);
    expect(report.unitizing.continuumLengthCodePoints).toBe([...article].length);
  });

  it('finds the same speaker for one claim in two, and the same cue for both', () => {
    const [pair] = report.links.pairs;
    expect(pair!.byType.said_by.claims.share).toEqual({ value: 0.5 });
    expect(pair!.byType.cued_by.claims.share).toEqual({ value: 1 });
    expect(pair!.byType.said_by.f1).toEqual({ value: 0.5 });
  });

  it('compares claim types of matched claims', () => {
    const [claimType] = report.attributes.pairs[0]!.byAttribute;
    expect(claimType!.confusion.counts).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(claimType!.cohenKappa.observedAgreement).toBe(0.5);
  });
});

describe('agreementReport edge cases', () => {
  it('gives 1 everywhere for perfect agreement', () => {
    const report = agreementReport([documentWith({ A: workA('a'), B: workA('b') })]);
    expect(report.spanF1.exact.average.overall).toEqual({ value: 1 });
    for (const label of report.labels) {
      const tokens = report.tokens.byLabel[label]!;
      expect([tokens.cohenAverage, tokens.fleiss.kappa, tokens.krippendorffAlpha.alpha, report.unitizing.byLabel[label]!.alpha]).toEqual([{ value: 1 }, { value: 1 }, { value: 1 }, { value: 1 }]);
    }
    expect(report.links.average.f1).toEqual({ value: 1 });
    expect(report.attributes.pairs[0]!.byAttribute[0]!.cohenKappa.kappa).toEqual({ value: 1 });
  });

  it('says "fewer-than-two-annotators" for every measure when one annotator is loaded', () => {
    const report = agreementReport([documentWith({ A: workA() })]);
    const reason = { value: undefined, reason: 'fewer-than-two-annotators' };
    const claim = report.tokens.byLabel['claim']!;
    expect([report.spanF1.overlap.average.overall, claim.cohenAverage, claim.fleiss.kappa, claim.krippendorffAlpha.alpha, report.unitizing.overall.alpha, report.links.average.f1]).toEqual([reason, reason, reason, reason, reason, reason]);
  });

  it('does not invent agreement when nobody marked anything', () => {
    const report = agreementReport([documentWith({ A: { spans: [] }, B: { spans: [] } })], { labels: ['claim'] });
    expect(report.spanF1.exact.average.overall).toEqual({ value: undefined, reason: 'no-spans' });
    // Every token is 0 for both: agreement is complete but chance-corrected measures are 0/0.
    expect(report.tokens.byLabel['claim']!.cohenAverage).toEqual({ value: undefined, reason: 'no-variation' });
    expect(report.tokens.byLabel['claim']!.krippendorffAlpha.alpha).toEqual({ value: undefined, reason: 'no-variation' });
    expect(report.unitizing.overall.alpha).toEqual({ value: undefined, reason: 'no-spans' });
    expect(report.links.average.f1).toEqual({ value: undefined, reason: 'no-links' });
  });

  it('says "no-items" for an empty document', () => {
    const report = agreementReport([documentWith({ A: { spans: [] }, B: { spans: [] } }, '', 'empty')], { labels: ['claim'] });
    expect(report.tokens.tokenCount).toBe(0);
    expect(report.tokens.byLabel['claim']!.cohenAverage).toEqual({ value: undefined, reason: 'no-items' });
    expect(report.tokens.byLabel['claim']!.fleiss.kappa).toEqual({ value: undefined, reason: 'no-items' });
    expect(report.tokens.byLabel['claim']!.krippendorffAlpha.alpha).toEqual({ value: undefined, reason: 'no-items' });
    expect(report.unitizing.overall.alpha).toEqual({ value: undefined, reason: 'no-items' });
  });

  it('treats a document an annotator did not annotate as missing data, not as "found nothing"', () => {
    const short = 'قال الوزير إن الحكومة ستدعم المشروع';
    const shortTokens = wordTokensUtf16(short).count;
    const articleTokens = wordTokensUtf16(article).count;
    const report = agreementReport([
      documentWith({ A: workA('a'), B: workB(), C: workA('c') }),
      documentWith({ A: { spans: [] }, B: { spans: [] } }, short, 'short'),
    ]);
    expect(report.documentsAnnotatedByAll).toBe(1);
    const claim = report.tokens.byLabel['claim']!;
    // Fleiss needs every annotator: only the article. Alpha also uses the short text, coded by two.
    expect(claim.fleiss.subjectCount).toBe(articleTokens);
    expect(claim.krippendorffAlpha.unitCount).toBe(articleTokens + shortTokens);
    expect(claim.krippendorffAlpha.pairableValueCount).toBe(3 * articleTokens + 2 * shortTokens);
    expect(claim.cohenPairs.find((p) => p.annotatorA === 'A' && p.annotatorB === 'B')!.result.itemCount).toBe(articleTokens + shortTokens);
    expect(claim.cohenPairs.find((p) => p.annotatorA === 'A' && p.annotatorB === 'C')!.result.itemCount).toBe(articleTokens);
    expect(report.unitizing.documentCount).toBe(1);
    expect(report.unitizing.excludedDocumentCount).toBe(1);
  });
});

describe('agreementReport without a document in common', () => {
  it('says "no-shared-documents" when the annotators worked on different documents', () => {
    const report = agreementReport([documentWith({ A: workA() }, article, 'one'), documentWith({ B: workB() }, article, 'two')]);
    const reason = { value: undefined, reason: 'no-shared-documents' };
    const claim = report.tokens.byLabel['claim']!;
    expect([report.spanF1.exact.average.overall, claim.cohenAverage, claim.fleiss.kappa, report.unitizing.overall.alpha, report.links.average.f1]).toEqual([reason, reason, reason, reason, reason]);
    // Alpha has nothing to pair either: every token has one value.
    expect(claim.krippendorffAlpha.alpha).toEqual({ value: undefined, reason: 'no-pairable-values' });
  });
});

describe('agreementReport options', () => {
  it('segments each document once, through a tokenizer the caller may supply', () => {
    const seen: string[] = [];
    const report = agreementReport([documentWith({ A: workA(), B: workB() })], {
      tokenize: (text, sha256) => {
        seen.push(sha256);
        return wordTokensUtf16(text);
      },
    });
    expect(seen).toEqual(['article']);
    expect(report.tokens.tokenCount).toBe(wordTokensUtf16(article).count);
  });

  it('applies the overlap threshold to F1, links and attributes alike', () => {
    // At IoU >= 0.9 B's shorter first claim no longer matches A's.
    const strict = agreementReport([documentWith({ A: workA(), B: workB() })], { overlapMinIoU: 0.9 });
    expect(strict.spanF1.overlap.average.byLabel['claim']).toEqual({ value: 0.5 });
    expect(strict.links.pairs[0]!.byType.cued_by.claims.matchedClaims).toBe(1);
    expect(strict.attributes.pairs[0]!.byAttribute[0]!.pairedValues).toBe(1);
  });
});
