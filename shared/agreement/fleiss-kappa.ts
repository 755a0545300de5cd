// Fleiss' (1971) kappa for a fixed number of raters per subject, from per-subject category counts.
// The accumulator lets callers stream millions of token positions without building the table.
import { measured, notMeasured } from './measure';
import type { Measure } from './types';

export interface FleissKappaResult {
  readonly kappa: Measure;
  /** P-bar, mean share of agreeing rater pairs per subject; undefined without subjects. */
  readonly observedAgreement: number | undefined;
  /** P-bar_e, from the pooled category proportions; undefined without subjects. */
  readonly expectedAgreement: number | undefined;
  readonly subjectCount: number;
  readonly ratersPerSubject: number;
}

export class FleissAccumulator {
  private readonly categoryTotals: number[];
  private agreementSum = 0;
  private subjects = 0;

  constructor(
    categoryCount: number,
    private readonly raters: number,
  ) {
    this.categoryTotals = new Array<number>(categoryCount).fill(0);
  }

  /** counts[j]: raters who put this subject in category j (summing to the rater count); `multiplicity` identical subjects at once. */
  addSubject(counts: readonly number[], multiplicity = 1): void {
    if (counts.length !== this.categoryTotals.length) throw new RangeError('one count per category expected');
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < counts.length; j++) {
      const c = counts[j]!;
      sum += c;
      squares += c * c;
      this.categoryTotals[j]! += c * multiplicity;
    }
    if (sum !== this.raters) throw new RangeError(`subject has ${sum} ratings, expected ${this.raters}`);
    if (this.raters >= 2) this.agreementSum += (multiplicity * (squares - this.raters)) / (this.raters * (this.raters - 1));
    this.subjects += multiplicity;
  }

  result(): FleissKappaResult {
    const base = { subjectCount: this.subjects, ratersPerSubject: this.raters };
    if (this.raters < 2) return { ...base, kappa: notMeasured('fewer-than-two-annotators'), observedAgreement: undefined, expectedAgreement: undefined };
    if (this.subjects === 0) return { ...base, kappa: notMeasured('no-items'), observedAgreement: undefined, expectedAgreement: undefined };
    const totalRatings = this.subjects * this.raters;
    const observed = this.agreementSum / this.subjects;
    let expected = 0;
    for (const total of this.categoryTotals) expected += (total / totalRatings) ** 2;
    const kappa = expected >= 1 - 1e-12 ? notMeasured('no-variation') : measured((observed - expected) / (1 - expected));
    return { ...base, kappa, observedAgreement: observed, expectedAgreement: expected };
  }
}

/** counts[i][j]: how many raters put subject i in category j; every row sums to the same rater count. */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappaResult {
  const first = counts[0];
  if (first === undefined) return { kappa: notMeasured('no-items'), observedAgreement: undefined, expectedAgreement: undefined, subjectCount: 0, ratersPerSubject: 0 };
  const raters = first.reduce((a, b) => a + b, 0);
  const acc = new FleissAccumulator(first.length, raters);
  for (const row of counts) acc.addSubject(row);
  return acc.result();
}
