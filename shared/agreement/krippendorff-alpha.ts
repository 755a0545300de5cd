// Krippendorff's alpha (nominal or interval) for any number of coders with missing values
// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), via pairable values per unit.
import { measured, notMeasured } from './measure';
import type { Measure } from './types';

export type AlphaMetric = 'nominal' | 'interval';
export type AlphaValue = string | number;

export interface KrippendorffAlphaResult {
  readonly alpha: Measure;
  /** D_o; undefined without pairable values. */
  readonly observedDisagreement: number | undefined;
  /** D_e; undefined without pairable values. */
  readonly expectedDisagreement: number | undefined;
  /** n: values in units that have at least two of them (the only ones alpha can use). */
  readonly pairableValueCount: number;
  readonly unitCount: number;
}

/** Streams units one at a time; each unit passes only the values that are present. */
export class AlphaAccumulator {
  private observedSum = 0;
  private seen = 0;
  private pairable = 0;
  private units = 0;
  private readonly valueTotals = new Map<AlphaValue, number>();
  private valueSum = 0;
  private squareSum = 0;

  constructor(private readonly metric: AlphaMetric) {}

  addUnit(values: readonly AlphaValue[]): void {
    const m = values.length;
    this.seen++;
    if (m < 2) return;
    if (this.metric === 'interval') {
      for (const v of values) if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`interval alpha needs finite numbers, got ${String(v)}`);
    }
    // Sum of delta^2 over ordered pairs of values from different coders, weighted 1/(m-1).
    let pairSum = 0;
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) pairSum += this.delta2(values[i]!, values[j]!);
    }
    this.observedSum += (2 * pairSum) / (m - 1);
    this.pairable += m;
    this.units++;
    for (const v of values) {
      this.valueTotals.set(v, (this.valueTotals.get(v) ?? 0) + 1);
      if (this.metric === 'interval') {
        this.valueSum += v as number;
        this.squareSum += (v as number) ** 2;
      }
    }
  }

  /**
   * `count` units that each hold `valueCount` binary values (0 or 1), `ones` of them 1: the token
   * coding adds a whole document's tokens in a few calls this way.
   */
  addBinaryUnits(valueCount: number, ones: number, count = 1): void {
    if (this.metric !== 'nominal') throw new TypeError('binary units are added to a nominal alpha');
    this.seen += count;
    if (valueCount < 2 || count === 0) return;
    const zeros = valueCount - ones;
    this.observedSum += (count * 2 * ones * zeros) / (valueCount - 1);
    this.pairable += count * valueCount;
    this.units += count;
    if (zeros > 0) this.valueTotals.set(0, (this.valueTotals.get(0) ?? 0) + count * zeros);
    if (ones > 0) this.valueTotals.set(1, (this.valueTotals.get(1) ?? 0) + count * ones);
  }

  result(): KrippendorffAlphaResult {
    const n = this.pairable;
    const base = { pairableValueCount: n, unitCount: this.units };
    if (n === 0) return { ...base, alpha: notMeasured(this.seen === 0 ? 'no-items' : 'no-pairable-values'), observedDisagreement: undefined, expectedDisagreement: undefined };
    // Sum of delta^2 over ordered pairs of all pairable values (the expected-disagreement numerator).
    let expectedSum: number;
    if (this.metric === 'interval') {
      expectedSum = 2 * n * this.squareSum - 2 * this.valueSum ** 2;
    } else {
      let squares = 0;
      for (const count of this.valueTotals.values()) squares += count * count;
      expectedSum = n * n - squares;
    }
    const observed = this.observedSum / n;
    const expected = expectedSum / (n * (n - 1));
    // Guards the interval formula's rounding as well as genuine "everyone used one value".
    const alpha = expected <= 1e-12 * Math.max(1, this.squareSum / n) ? notMeasured('no-variation') : measured(1 - observed / expected);
    return { ...base, alpha, observedDisagreement: observed, expectedDisagreement: expected };
  }

  private delta2(a: AlphaValue, b: AlphaValue): number {
    if (this.metric === 'interval') return ((a as number) - (b as number)) ** 2;
    return a === b ? 0 : 1;
  }
}

/**
 * units[u][c]: the value coder c gave unit u, or null/undefined when missing. Units with fewer
 * than two values are not pairable and do not count.
 */
export function krippendorffAlpha(
  units: readonly (readonly (AlphaValue | null | undefined)[])[],
  metric: AlphaMetric = 'nominal',
): KrippendorffAlphaResult {
  const acc = new AlphaAccumulator(metric);
  for (const unit of units) acc.addUnit(unit.filter((v): v is AlphaValue => v !== null && v !== undefined));
  return acc.result();
}
