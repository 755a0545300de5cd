// Cohen's kappa (pairwise), Fleiss' kappa and Krippendorff's alpha on the binary token coding of
// each label (see token-coding.ts). Documents are tokenized once and streamed into accumulators.
import { annotatorPairs } from './annotator-pairs';
import { cohenKappaFromMatrix, type CohenKappaResult } from './cohen-kappa';
import { FleissAccumulator, type FleissKappaResult } from './fleiss-kappa';
import { AlphaAccumulator, type KrippendorffAlphaResult } from './krippendorff-alpha';
import { meanOfDefined, notMeasured } from './measure';
import { codeTokensByLabel, wordTokensUtf16, type WordTokens } from './token-coding';
import type { AnnotatedDocument, AnnotatorId, AnnotatorWork, Measure, UndefinedReason } from './types';

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
  const acc = new TokenAgreementAccumulator(annotatorIds, labels);
  for (const doc of documents) {
    const present = annotatorIds.map((id) => doc.annotations.get(id));
    if (present.every((w) => w === undefined)) continue;
    const tokens = tokenize(doc.text, doc.sha256);
    acc.addDocument(tokens.count, present.map((w) => (w === undefined ? undefined : codeTokensByLabel(tokens, w.spans, labels))), new CodingTallies());
  }
  return acc.result(documents.length);
}

/**
 * tokenAgreement over all the documents and, in the same pass, of each document alone among the
 * annotators who annotated it (what tokenAgreement([doc], annotatorsOf(doc), …) returns): each
 * annotator's coding of a document is computed once for both.
 */
export function tokenAgreementWithDocuments<D extends AnnotatedDocument>(
  documents: readonly D[],
  annotatorIds: readonly AnnotatorId[],
  labels: readonly string[],
  tokenize: (text: string, sha256: string) => WordTokens,
  annotatorsOf: (doc: D) => readonly AnnotatorId[],
): { readonly overall: TokenAgreement; readonly perDocument: readonly TokenAgreement[] } {
  const overall = new TokenAgreementAccumulator(annotatorIds, labels);
  const perDocument: TokenAgreement[] = [];
  for (const doc of documents) {
    const own = annotatorsOf(doc);
    const single = new TokenAgreementAccumulator(own, labels);
    const present = annotatorIds.map((id) => doc.annotations.get(id));
    const ownPresent = own.map((id) => doc.annotations.get(id));
    if (present.every((w) => w === undefined) && ownPresent.every((w) => w === undefined)) {
      perDocument.push(single.result(1));
      continue;
    }
    const tokens = tokenize(doc.text, doc.sha256);
    const coded = new Map<AnnotatorWork, Uint8Array[]>();
    const codesOf = (w: AnnotatorWork | undefined): Uint8Array[] | undefined => {
      if (w === undefined) return undefined;
      let codes = coded.get(w);
      if (codes === undefined) coded.set(w, (codes = codeTokensByLabel(tokens, w.spans, labels)));
      return codes;
    };
    const tallies = new CodingTallies();
    if (present.some((w) => w !== undefined)) overall.addDocument(tokens.count, present.map(codesOf), tallies);
    if (ownPresent.some((w) => w !== undefined)) single.addDocument(tokens.count, ownPresent.map(codesOf), tallies);
    perDocument.push(single.result(1));
  }
  return { overall: overall.result(documents.length), perDocument };
}

/** The token measures of one set of annotators, fed a coded document at a time. */
class TokenAgreementAccumulator {
  private readonly pairIndex: (readonly [number, number])[];
  private readonly state: { cohen: number[][]; fleiss: FleissAccumulator; alpha: AlphaAccumulator }[];
  private readonly pairShares: boolean[];
  private tokenCount = 0;
  private completeDocuments = 0;

  constructor(
    private readonly annotatorIds: readonly AnnotatorId[],
    private readonly labels: readonly string[],
  ) {
    const pairs = annotatorPairs(annotatorIds);
    const R = annotatorIds.length;
    this.state = labels.map(() => ({
      // Per pair: [both 0, A 0 B 1, A 1 B 0, both 1].
      cohen: pairs.map(() => [0, 0, 0, 0]),
      fleiss: new FleissAccumulator(2, R),
      alpha: new AlphaAccumulator('nominal'),
    }));
    this.pairIndex = pairs.map((p) => [annotatorIds.indexOf(p.annotatorA), annotatorIds.indexOf(p.annotatorB)] as const);
    this.pairShares = this.pairIndex.map(() => false);
  }

  /** codes[k][l]: annotator k's coding of the document's tokens for label l; undefined when k did not annotate it (at least one did). */
  addDocument(tokenCount: number, codes: readonly (readonly Uint8Array[] | undefined)[], tallies: CodingTallies): void {
    const R = this.annotatorIds.length;
    const m = codes.filter((c) => c !== undefined).length;
    if (m === R) this.completeDocuments++;
    this.pairIndex.forEach(([ia, ib], pi) => {
      if (codes[ia] !== undefined && codes[ib] !== undefined) this.pairShares[pi] = true;
    });
    this.tokenCount += tokenCount;
    this.labels.forEach((_, li) => {
      const s = this.state[li]!;
      this.pairIndex.forEach(([ia, ib], pi) => {
        const ca = codes[ia]?.[li];
        const cb = codes[ib]?.[li];
        if (ca === undefined || cb === undefined) return;
        const cell = s.cohen[pi]!;
        const counts = tallies.pairCells(ca, cb, tokenCount);
        for (let k = 0; k < 4; k++) cell[k]! += counts[k]!;
      });
      const labelCodes: Uint8Array[] = [];
      for (const c of codes) {
        const coded = c?.[li];
        if (coded !== undefined) labelCodes.push(coded);
      }
      tallies.tokensWithOnes(labelCodes, tokenCount).forEach((count, ones) => {
        s.alpha.addBinaryUnits(m, ones, count);
        if (m === R && R >= 2 && count > 0) s.fleiss.addSubject([R - ones, ones], count);
      });
    });
  }

  result(documentCount: number): TokenAgreement {
    const R = this.annotatorIds.length;
    const pairs = annotatorPairs(this.annotatorIds);
    const byLabel: Record<string, TokenLabelAgreement> = {};
    this.labels.forEach((label, li) => {
      const s = this.state[li]!;
      const cohenPairs = pairs.map((p, pi) => {
        const [n00, n01, n10, n11] = s.cohen[pi]!;
        const result = cohenKappaFromMatrix([[n00!, n01!], [n10!, n11!]]);
        return { ...p, result: this.pairShares[pi] ? result : { ...result, kappa: notMeasured('no-shared-documents') } };
      });
      const alpha = s.alpha.result();
      byLabel[label] = {
        cohenPairs,
        cohenAverage: meanOfDefined(cohenPairs.map((p) => p.result.kappa)),
        fleiss: withReasonIf(s.fleiss.result(), R >= 2 && this.completeDocuments === 0 && documentCount > 0, 'no-shared-documents'),
        krippendorffAlpha: R < 2 ? { ...alpha, alpha: notMeasured('fewer-than-two-annotators') } : alpha,
      };
    });
    return { tokenCount: this.tokenCount, byLabel };
  }
}

/**
 * Per-document counts over token codings, remembered by the coding arrays themselves, so that the
 * overall and the per-document accumulators fed the same codings count each only once.
 */
class CodingTallies {
  private readonly cells = new Map<Uint8Array, Map<Uint8Array, readonly number[]>>();
  private readonly ones: { readonly codes: readonly Uint8Array[]; readonly counts: readonly number[] }[] = [];

  /** [both 0, A 0 B 1, A 1 B 0, both 1] over the tokens. */
  pairCells(codesA: Uint8Array, codesB: Uint8Array, tokenCount: number): readonly number[] {
    let byB = this.cells.get(codesA);
    if (byB === undefined) this.cells.set(codesA, (byB = new Map()));
    let counts = byB.get(codesB);
    if (counts === undefined) {
      const cell = [0, 0, 0, 0];
      for (let t = 0; t < tokenCount; t++) cell[codesA[t]! * 2 + codesB[t]!]!++;
      byB.set(codesB, (counts = cell));
    }
    return counts;
  }

  /** counts[j]: tokens that exactly j of the codings mark 1 (within a document, tokens differ only by that). */
  tokensWithOnes(codes: readonly Uint8Array[], tokenCount: number): readonly number[] {
    const known = this.ones.find((entry) => entry.codes.length === codes.length && entry.codes.every((c, k) => c === codes[k]));
    if (known !== undefined) return known.counts;
    const counts = new Array<number>(codes.length + 1).fill(0);
    const sums = new Array<number>(tokenCount).fill(0);
    for (const c of codes) for (let t = 0; t < tokenCount; t++) sums[t]! += c[t]!;
    for (let t = 0; t < tokenCount; t++) counts[sums[t]!]!++;
    this.ones.push({ codes, counts });
    return counts;
  }
}
