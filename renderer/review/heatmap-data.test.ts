// The chart matrices on a hand-worked case, and the SVG file drawn from them: symmetric pairwise
// values with an empty diagonal, pooled confusion counts, Arabic names kept as text in the SVG.
import { describe, expect, it } from 'vitest';
import type { ReviewInput } from '../../shared/review/review-types';
import { makeExportFile, type PhraseSpan } from '../../shared/review/test-support/make-export-file';
import { computeReview } from './compute-review';
import { attributeConfusionData, attributeKeys, labelConfusionData, pairHeatmapData } from './heatmap-data';
import { heatmapOption } from './heatmap-option';
import { chartSvg } from './save-chart';
import { sha256Hex } from './sha256-hex';

const TEXT = 'قال المتحدث إن الاجتماع تأجل إلى الأسبوع المقبل.';
const X = 'الاجتماع تأجل';
const Y = 'الأسبوع المقبل';

function input(name: string, spans: readonly Omit<PhraseSpan, 'annotator'>[]): ReviewInput {
  const file = makeExportFile([{ id: `id-${name}`, name }], [{ text: TEXT, spans: spans.map((s) => ({ ...s, annotator: `id-${name}` })) }], sha256Hex);
  return { name: `${name}.json`, content: JSON.stringify(file) };
}

const result = computeReview([
  input('ليلى', [{ label: 'claim', phrase: X, attributes: { claimType: 'quote' } }, { label: 'speaker', phrase: 'المتحدث' }]),
  input('Omar', [{ label: 'claim', phrase: X, attributes: { claimType: 'paraphrase' } }, { label: 'source', phrase: 'المتحدث' }]),
  input('Sara', [{ label: 'claim', phrase: X, attributes: { claimType: 'quote' } }, { label: 'speaker', phrase: 'المتحدث' }, { label: 'claim', phrase: Y }]),
]);
if (!result.ok) throw new Error(result.error.message);
const { report, pairUnitizing } = result.value;

describe('pairHeatmapData', () => {
  it('is symmetric with an empty diagonal, and matches the report’s pair values', () => {
    const data = pairHeatmapData(report, pairUnitizing, 'exactF1', null);
    expect(data.xLabels).toEqual(['Omar', 'Sara', 'ليلى']);
    const at = (x: number, y: number) => data.cells.find((c) => c.x === x && c.y === y)!;
    for (let i = 0; i < 3; i++) expect(at(i, i).value).toBeUndefined();
    // Omar {claim X, source S} vs Sara {claim X, speaker S, claim Y}: 1 exact match of 5 spans → 2/5.
    expect(at(1, 0).value).toBeCloseTo(0.4, 12);
    expect(at(0, 1).value).toBe(at(1, 0).value);
    // Sara vs ليلى: X and speaker match, Sara's Y does not: 2·2 / 5.
    expect(at(2, 1).value).toBeCloseTo(0.8, 12);
  });

  it('gives the reason where a label has no spans in a pair', () => {
    const data = pairHeatmapData(report, pairUnitizing, 'overlapF1', 'cue');
    const offDiagonal = data.cells.filter((c) => c.x !== c.y);
    // cue is not a label anyone used: it is not in the report, so the cells say why they are empty.
    expect(offDiagonal.every((c) => c.value === undefined && c.reason !== undefined)).toBe(true);
  });

  it('uses αU per pair and label: Sara and ليلى marked the same speaker, Omar marked none', () => {
    const data = pairHeatmapData(report, pairUnitizing, 'unitizingAlpha', 'speaker');
    const at = (x: number, y: number) => data.cells.find((c) => c.x === x && c.y === y)!;
    expect(at(2, 1).value).toBe(1);
    expect(at(1, 2).value).toBe(1);
    expect(at(2, 0).value ?? -Infinity).toBeLessThan(1);
  });
});

describe('confusion data', () => {
  it('counts speaker against source once per ordered pair (Omar against each of the others)', () => {
    const data = labelConfusionData(report);
    const speaker = data.xLabels.indexOf('speaker');
    const source = data.xLabels.indexOf('source');
    const cell = data.cells.find((c) => c.x === source && c.y === speaker)!;
    expect(cell.value).toBe(2);
  });

  it('pools claimType over pairs in both orders', () => {
    const [key] = attributeKeys(report);
    expect(key).toEqual({ label: 'claim', attribute: 'claimType' });
    const data = attributeConfusionData(report, key!);
    expect(data.xLabels).toEqual(['paraphrase', 'quote']);
    const at = (x: number, y: number) => data.cells.find((c) => c.x === x && c.y === y)!.value;
    // Pairs: Omar–Sara (paraphrase, quote), Omar–ليلى (paraphrase, quote), Sara–ليلى (quote, quote).
    expect(at(1, 0)).toBe(2);
    expect(at(0, 1)).toBe(2);
    expect(at(1, 1)).toBe(2);
    expect(at(0, 0)).toBe(0);
  });
});

describe('chartSvg', () => {
  it('draws the heat-map as SVG with the Arabic name and the values as text', () => {
    const data = pairHeatmapData(report, pairUnitizing, 'exactF1', null);
    const option = heatmapOption(data, {
      title: 'اتفاق',
      xLabels: data.xLabels,
      yLabels: data.yLabels,
      rtl: true,
      formatValue: (v, digits) => v.toFixed(digits),
      emptyCell: () => '',
    });
    const svg = chartSvg(option, 600, 400);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('ليلى');
    expect(svg).toContain('اتفاق');
    expect(svg).toContain('0.80');
    expect(svg).toContain('0.40');
  });
});
