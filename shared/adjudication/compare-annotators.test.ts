import { describe, expect, it } from 'vitest';
import type { AgreementLink, AgreementSpan, AnnotatedDocument, AnnotatorWork } from '../agreement/types';
import { compareAnnotators } from './compare-annotators';

const TEXT = 'قال الوزير إن الاقتصاد ينمو بسرعة، بحسب وكالة الأنباء الرسمية. وأضاف أن البطالة تراجعت.';

function span(id: string, label: string, startUtf16: number, endUtf16: number, attributes?: Record<string, string>): AgreementSpan {
  return attributes === undefined ? { id, label, startUtf16, endUtf16 } : { id, label, startUtf16, endUtf16, attributes };
}

function documentOf(work: Record<string, AnnotatorWork>): AnnotatedDocument {
  return { sha256: 'x', text: TEXT, annotations: new Map(Object.entries(work)) };
}

describe('compareAnnotators', () => {
  it('lists identical spans as matches and nothing as a disagreement', () => {
    const doc = documentOf({ A: { spans: [span('a1', 'claim', 11, 33)] }, B: { spans: [span('b1', 'claim', 11, 33)] } });
    const result = compareAnnotators(doc, ['A', 'B']);
    expect(result.items.map((item) => item.kind)).toEqual(['match']);
    expect(result.disagreements).toEqual([]);
    expect(result.items[0]!.spans.map((s) => s?.id)).toEqual(['a1', 'b1']);
  });

  it('tells boundary, label and missing differences apart, in reading order', () => {
    const doc = documentOf({
      A: { spans: [span('a-speaker', 'speaker', 4, 10), span('a-claim', 'claim', 11, 33), span('a-source', 'source', 40, 62)] },
      B: { spans: [span('b-claim', 'claim', 14, 33), span('b-source', 'speaker', 40, 62), span('b-extra', 'claim', 71, 87)] },
    });
    const result = compareAnnotators(doc, ['A', 'B']);
    expect(result.items.map((item) => [item.kind, item.startUtf16, item.endUtf16])).toEqual([
      ['missing', 4, 10],
      ['boundary', 11, 33],
      ['label', 40, 62],
      ['missing', 71, 87],
    ]);
    expect(result.items[0]!.missingFor).toEqual(['B']);
    expect(result.items[3]!.missingFor).toEqual(['A']);
    expect(result.items[3]!.spans.map((s) => s?.id ?? null)).toEqual([null, 'b-extra']);
    expect(result.disagreements).toEqual([0, 1, 2, 3]);
  });

  it('does not pair a short speaker nested in a claim with the other annotator\'s claim', () => {
    const doc = documentOf({
      A: { spans: [span('a-claim', 'claim', 0, 33)] },
      B: { spans: [span('b-speaker', 'speaker', 4, 10), span('b-claim', 'claim', 0, 33)] },
    });
    const kinds = compareAnnotators(doc, ['A', 'B']).items.map((item) => [item.kind, item.spans.map((s) => s?.id ?? null)]);
    expect(kinds).toEqual([
      ['match', ['a-claim', 'b-claim']],
      ['missing', [null, 'b-speaker']],
    ]);
  });

  it('prefers the same label over a better overlap with another label', () => {
    const doc = documentOf({
      A: { spans: [span('a1', 'claim', 11, 33)] },
      B: { spans: [span('b-source', 'source', 11, 33), span('b-claim', 'claim', 11, 20)] },
    });
    const items = compareAnnotators(doc, ['A', 'B']).items;
    expect(items.map((item) => [item.kind, item.spans.map((s) => s?.id ?? null)])).toEqual([
      ['boundary', ['a1', 'b-claim']],
      ['missing', [null, 'b-source']],
    ]);
  });

  it('groups three annotators, one span each, and names who is missing', () => {
    const doc = documentOf({
      A: { spans: [span('a1', 'claim', 11, 33)] },
      B: { spans: [span('b1', 'claim', 11, 33)] },
      C: { spans: [] },
    });
    const result = compareAnnotators(doc, ['A', 'B', 'C']);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]!.kind).toBe('missing');
    expect(result.items[0]!.missingFor).toEqual(['C']);
  });

  it('treats an annotator absent from the document as having no spans', () => {
    const doc = documentOf({ A: { spans: [span('a1', 'claim', 11, 33)] } });
    const result = compareAnnotators(doc, ['A', 'B']);
    expect(result.items.map((item) => item.kind)).toEqual(['missing']);
  });

  it('reports attribute and speaker-link differences of matched claims', () => {
    const linksA: AgreementLink[] = [{ type: 'said_by', fromSpanId: 'a-claim', toSpanId: 'a-speaker' }];
    const linksB: AgreementLink[] = [{ type: 'said_by', fromSpanId: 'b-claim', toSpanId: 'b-other' }];
    const doc = documentOf({
      A: { spans: [span('a-speaker', 'speaker', 4, 10), span('a-claim', 'claim', 11, 33, { claimType: 'indirect' })], links: linksA },
      B: { spans: [span('b-speaker', 'speaker', 4, 10), span('b-claim', 'claim', 11, 33, { claimType: 'quote' }), span('b-other', 'source', 47, 62)], links: linksB },
    });
    const claim = compareAnnotators(doc, ['A', 'B']).items.find((item) => item.spans[0]?.id === 'a-claim')!;
    expect(claim.kind).toBe('details');
    expect(claim.details).toEqual([
      { name: 'claimType', kind: 'attribute', values: ['indirect', 'quote'] },
      { name: 'said_by', kind: 'link', values: ['الوزير', TEXT.slice(47, 62)] },
    ]);
  });

  it('sees no link difference when both link to matched spans', () => {
    const doc = documentOf({
      A: { spans: [span('a-speaker', 'speaker', 4, 10), span('a-claim', 'claim', 11, 33)], links: [{ type: 'said_by', fromSpanId: 'a-claim', toSpanId: 'a-speaker' }] },
      B: { spans: [span('b-claim', 'claim', 11, 33), span('b-speaker', 'speaker', 4, 10)], links: [{ type: 'said_by', fromSpanId: 'b-claim', toSpanId: 'b-speaker' }] },
    });
    expect(compareAnnotators(doc, ['A', 'B']).disagreements).toEqual([]);
  });
});
