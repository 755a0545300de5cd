// Cohen's kappa (pairwise), Fleiss' kappa and Krippendorff's alpha on the binary token coding of
// each label (see token-coding.ts). Documents are tokenized once and streamed into accumulators.
import { annotatorPairs } from './annotator-pairs';
import { cohenKappaFromMatrix, type CohenKappaResult } from './cohen-kappa';
import { FleissAccumulator, type FleissKappaResult } from './fleiss-kappa';
import { AlphaAccumulator, type KrippendorffAlphaResult } from './krippendorff-alpha';
import { meanOfDefined, notMeasured } from './measure';
import { codeTokens, wordTokensUtf16, type WordTokens } from './token-coding';
import type { AnnotatedDocument, AnnotatorId, Measure, UndefinedReason } from './types';

export interface PairCohenKappa {
  readonly annotatorA: AnnotatorId;
  readonly annotatorB: AnnotatorId;
  readonly result: CohenKappaResult;
}

export interface TokenLabelAgreement {
  /** Over the tokens of the documents both annotated. */
  readonly cohenPairs: readonly PairCohenKappa[];
  /** Unweighted mean of the pairs' defined kappas. */
  readonly cohenAverage: Measure;
  /** Over the documents every annotator annotated (Fleiss needs the same raters per token). */
  readonly fleiss: FleissKappaResult;
  /** Nominal; over all documents, a token coded by fewer annotators is missing data. */
  readonly krippendorffAlpha: KrippendorffAlphaResult;
}

export interface TokenAgreement {
  readonly tokenCount: number;
  readonly byLabel: Readonly<Record<string, TokenLabelAgreement>>;
}

function withReasonIf(result: FleissKappaResult, condition: boolean, reason: UndefinedReason): FleissKappaResult {
  return condition ? { ...result, kappa: notMeasured(reason) } : result;
}

export function tokenAgreement(
  documents: readonly AnnotatedDocument[],
  annotatorIds: readonly AnnotatorId[],
  labels: readonly string[],
  tokenize: (text: string, sha256: string) => WordTokens = (text) => wordTokensUtf16(text),
): TokenAgreement {
  const pairs = annotatorPairs(annotatorIds);
  const R = annotatorIds.length;
  const state = labels.map(() => ({
    // Per pair: [both 0, A 0 B 1, A 1 B 0, both 1].
    cohen: pairs.map(() => [0, 0, 0, 0]),
    fleiss: new FleissAccumulator(2, R),
    alpha: new AlphaAccumulator('nominal'),
  }));
  const pairIndex = pairs.map((p) => [annotatorIds.indexOf(p.annotatorA), annotatorIds.indexOf(p.annotatorB)] as const);
  let tokenCount = 0;
  const pairShares = pairIndex.map(() => false);
  let completeDocuments = 0;
  for (const doc of documents) {
    const present = annotatorIds.map((id) => doc.annotations.get(id));
    const m = present.filter((w) => w !== undefined).length;
    if (m === 0) continue;
    if (m === R) completeDocuments++;
    pairIndex.forEach(([ia, ib], pi) => {
      if (present[ia] !== undefined && present[ib] !== undefined) pairShares[pi] = true;
    });
    const tokens = tokenize(doc.text, doc.sha256);
    tokenCount += tokens.count;
    labels.forEach((label, li) => {
      const s = state[li]!;
      const codes = present.map((w) => (w === undefined ? undefined : codeTokens(tokens, w.spans, label)));
      pairIndex.forEach(([ia, ib], pi) => {
        const ca = codes[ia];
        const cb = codes[ib];
        if (ca === undefined || cb === undefined) return;
        const cell = s.cohen[pi]!;
        for (let t = 0; t < tokens.count; t++) cell[ca[t]! * 2 + cb[t]!]!++;
      });
      // Within a document every token has the same m codes, so tokens only differ by how many are 1.
      const tokensWithOnes = new Array<number>(m + 1).fill(0);
      const sums = new Uint16Array(tokens.count);
      for (const c of codes) if (c !== undefined) for (let t = 0; t < tokens.count; t++) sums[t]! += c[t]!;
      for (let t = 0; t < tokens.count; t++) tokensWithOnes[sums[t]!]!++;
      tokensWithOnes.forEach((count, ones) => {
        s.alpha.addBinaryUnits(m, ones, count);
        if (m === R && R >= 2 && count > 0) s.fleiss.addSubject([R - ones, ones], count);
      });
    });
  }
  const byLabel: Record<string, TokenLabelAgreement> = {};
  labels.forEach((label, li) => {
    const s = state[li]!;
    const cohenPairs = pairs.map((p, pi) => {
      const [n00, n01, n10, n11] = s.cohen[pi]!;
      const result = cohenKappaFromMatrix([[n00!, n01!], [n10!, n11!]]);
      return { ...p, result: pairShares[pi] ? result : { ...result, kappa: notMeasured('no-shared-documents') } };
    });
    const alpha = s.alpha.result();
    byLabel[label] = {
      cohenPairs,
      cohenAverage: meanOfDefined(cohenPairs.map((p) => p.result.kappa)),
      fleiss: withReasonIf(s.fleiss.result(), R >= 2 && completeDocuments === 0 && documents.length > 0, 'no-shared-documents'),
      krippendorffAlpha: R < 2 ? { ...alpha, alpha: notMeasured('fewer-than-two-annotators') } : alpha,
    };
  });
  return { tokenCount, byLabel };
}
