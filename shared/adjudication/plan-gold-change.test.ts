import { describe, expect, it } from 'vitest';
import type { AgreementSpan, AnnotatedDocument } from '../agreement/types';
import { compareAnnotators } from './compare-annotators';
import { planAcceptAgreements, planChoice, planEdit, resolutionOf } from './plan-gold-change';
import { createVersionLinks } from './version-links';

const span = (id: string, label: string, startUtf16: number, endUtf16: number): AgreementSpan => ({ id, label, startUtf16, endUtf16 });

function compare(a: AgreementSpan[], b: AgreementSpan[]) {
  const doc: AnnotatedDocument = { sha256: 'x', text: 'x'.repeat(100), annotations: new Map([['A', { spans: a }], ['B', { spans: b }]]) };
  return compareAnnotators(doc, ['A', 'B']);
}

describe('planning gold changes', () => {
  const comparison = compare([span('a1', 'claim', 10, 30), span('a2', 'speaker', 50, 55)], [span('b1', 'claim', 12, 30), span('b2', 'speaker', 50, 55)]);
  const boundary = comparison.items[0]!;

  it("choosing A's version adds A's span and removes the group's other gold spans", () => {
    const gold = [{ id: 'g1', label: 'claim', startUtf16: 12, endUtf16: 30 }, { id: 'g-speaker', label: 'speaker', startUtf16: 50, endUtf16: 55 }];
    expect(planChoice(boundary, { kind: 'column', column: 0 }, gold)).toEqual({ add: [{ label: 'claim', startUtf16: 10, endUtf16: 30 }], removeSpanIds: ['g1'] });
  });

  it('keeps a gold span that already is the chosen version', () => {
    const gold = [{ id: 'g1', label: 'claim', startUtf16: 12, endUtf16: 30 }];
    expect(planChoice(boundary, { kind: 'column', column: 1 }, gold)).toEqual({ add: [], removeSpanIds: [] });
  });

  it('both versions, or neither', () => {
    expect(planChoice(boundary, { kind: 'all' }, []).add).toHaveLength(2);
    const gold = [{ id: 'g1', label: 'claim', startUtf16: 10, endUtf16: 30 }];
    expect(planChoice(boundary, { kind: 'none' }, gold)).toEqual({ add: [], removeSpanIds: ['g1'] });
  });

  it('an edit replaces the group with the edited span and reads as edited', () => {
    const change = planEdit(boundary, { label: 'claim', startUtf16: 11, endUtf16: 30 }, [{ id: 'g1', label: 'claim', startUtf16: 10, endUtf16: 30 }]);
    expect(change).toEqual({ add: [{ label: 'claim', startUtf16: 11, endUtf16: 30 }], removeSpanIds: ['g1'] });
    expect(resolutionOf(boundary, [{ id: 'g2', label: 'claim', startUtf16: 11, endUtf16: 30 }])).toEqual({ columns: [], editedCount: 1, goldCount: 1 });
  });

  it('accepting agreements adds only matches gold lacks', () => {
    expect(planAcceptAgreements(comparison, [])).toEqual({ add: [{ label: 'speaker', startUtf16: 50, endUtf16: 55 }], removeSpanIds: [] });
    expect(planAcceptAgreements(comparison, [{ id: 'g', label: 'speaker', startUtf16: 50, endUtf16: 55 }]).add).toEqual([]);
  });

  it('replaces a gold span whose attributes are another annotator\'s', () => {
    const withType = (id: string, claimType: string): AgreementSpan => ({ id, label: 'claim', startUtf16: 10, endUtf16: 30, attributes: { claimType, checkWorthy: 'true' } });
    const details = compare([withType('a', 'statistic')], [withType('b', 'denial')]).items[0]!;
    expect(details.kind).toBe('details');
    // Gold as the database returns it: typed values, here Omar's (column 0) version.
    const gold = [{ id: 'g', label: 'claim', startUtf16: 10, endUtf16: 30, attributes: { claimType: 'statistic', checkWorthy: true } }];
    expect(resolutionOf(details, gold).columns).toEqual([0]);
    expect(planChoice(details, { kind: 'column', column: 0 }, gold)).toEqual({ add: [], removeSpanIds: [] });
    expect(planChoice(details, { kind: 'column', column: 1 }, gold)).toEqual({
      add: [{ label: 'claim', startUtf16: 10, endUtf16: 30, attributes: { claimType: 'denial', checkWorthy: 'true' } }],
      removeSpanIds: ['g'],
    });
  });

  it('resolution names the columns whose version gold holds', () => {
    expect(resolutionOf(boundary, [{ id: 'g', label: 'claim', startUtf16: 12, endUtf16: 30 }]).columns).toEqual([1]);
    expect(resolutionOf(boundary, []).goldCount).toBe(0);
  });

  it("taking a version brings its links and drops gold's other links from that claim", () => {
    const doc: AnnotatedDocument = {
      sha256: 'x',
      text: 'x'.repeat(100),
      annotations: new Map([
        ['A', { spans: [span('a-speaker', 'speaker', 0, 5), span('a-claim', 'claim', 10, 30)], links: [{ type: 'said_by', fromSpanId: 'a-claim', toSpanId: 'a-speaker' }] }],
        ['B', { spans: [span('b-source', 'source', 40, 50), span('b-claim', 'claim', 10, 30)], links: [{ type: 'said_by', fromSpanId: 'b-claim', toSpanId: 'b-source' }] }],
      ]),
    };
    const comparison = compareAnnotators(doc, ['A', 'B']);
    const claim = comparison.items.find((item) => item.startUtf16 === 10)!;
    expect(claim.kind).toBe('details');
    const versionLinks = createVersionLinks(doc, ['A', 'B']);
    // Gold holds the claim as B made it, linked to B's source.
    const gold = [
      { id: 'g-claim', label: 'claim', startUtf16: 10, endUtf16: 30 },
      { id: 'g-source', label: 'source', startUtf16: 40, endUtf16: 50 },
    ];
    const goldRelations = [{ id: 'r1', type: 'said_by', fromSpanId: 'g-claim', toSpanId: 'g-source' }];
    expect(planChoice(claim, { kind: 'column', column: 0 }, gold, { versionLinks, goldRelations })).toEqual({
      add: [],
      removeSpanIds: [],
      links: [{ type: 'said_by', from: { label: 'claim', startUtf16: 10, endUtf16: 30 }, to: { label: 'speaker', startUtf16: 0, endUtf16: 5 } }],
      removeRelationIds: ['r1'],
    });
    // B's own version keeps B's link.
    expect(planChoice(claim, { kind: 'column', column: 1 }, gold, { versionLinks, goldRelations }).removeRelationIds).toBeUndefined();
    // The speaker, taken later, brings A's link too: whichever end comes second makes the link.
    const speaker = comparison.items.find((item) => item.startUtf16 === 0)!;
    expect(planChoice(speaker, { kind: 'column', column: 0 }, gold, { versionLinks }).links).toHaveLength(1);
  });

  it('accepting agreements brings the links of agreed spans', () => {
    const links = [{ type: 'said_by' as const, fromSpanId: 'c', toSpanId: 's' }];
    const both = { spans: [span('s', 'speaker', 0, 5), span('c', 'claim', 10, 30)], links };
    const doc: AnnotatedDocument = { sha256: 'x', text: 'x'.repeat(100), annotations: new Map([['A', both], ['B', both]]) };
    const comparison = compareAnnotators(doc, ['A', 'B']);
    const change = planAcceptAgreements(comparison, [], { versionLinks: createVersionLinks(doc, ['A', 'B']) });
    expect(change.add).toHaveLength(2);
    expect(change.links).toEqual([{ type: 'said_by', from: { label: 'claim', startUtf16: 10, endUtf16: 30 }, to: { label: 'speaker', startUtf16: 0, endUtf16: 5 } }]);
  });
});
