import { describe, expect, it } from 'vitest';
import { averageLinkAgreement, pairLinkAgreement } from './link-agreement';
import type { AgreementLink, AgreementSpan, AnnotatedDocument, LinkType } from './types';

function span(id: string, label: string, startUtf16: number, endUtf16: number): AgreementSpan {
  return { id, label, startUtf16, endUtf16 };
}
function link(type: LinkType, fromSpanId: string, toSpanId: string): AgreementLink {
  return { type, fromSpanId, toSpanId };
}

// A: claim c1 said by s1 and cued by k1; claim c2 said by s2.
// B: the same claims (d1 a letter shorter), speaker t1 = s1 and cue q1 = k1; but c2's speaker t2 sits
// elsewhere than s2, and B adds that d2 is according to t1.
const DOCUMENT: AnnotatedDocument = {
  sha256: 'd',
  text: 'x'.repeat(100),
  annotations: new Map([
    ['A', {
      spans: [span('c1', 'claim', 0, 20), span('k1', 'cue', 25, 29), span('s1', 'speaker', 30, 35), span('c2', 'claim', 40, 60), span('s2', 'speaker', 70, 75)],
      links: [link('said_by', 'c1', 's1'), link('cued_by', 'c1', 'k1'), link('said_by', 'c2', 's2'), link('said_by', 'c2', 's2')],
    }],
    ['B', {
      spans: [span('d1', 'claim', 0, 19), span('q1', 'cue', 25, 29), span('t1', 'speaker', 30, 35), span('d2', 'claim', 40, 60), span('t2', 'speaker', 80, 85)],
      links: [link('said_by', 'd1', 't1'), link('cued_by', 'd1', 'q1'), link('said_by', 'd2', 't2'), link('according_to', 'd2', 't1')],
    }],
  ]),
};

describe('pairLinkAgreement', () => {
  const result = pairLinkAgreement([DOCUMENT], 'A', 'B');

  it('counts a link as agreed when both ends are matched spans and the type is the same', () => {
    // The repeated c2 -> s2 link counts once.
    expect(result.byType.said_by).toMatchObject({ linksA: 2, linksB: 2, matched: 1, f1: { value: 0.5 } });
    expect(result.byType.cued_by).toMatchObject({ linksA: 1, linksB: 1, matched: 1, f1: { value: 1 } });
    expect(result.byType.according_to).toMatchObject({ linksA: 0, linksB: 1, matched: 0, precision: { value: 0 }, recall: { value: undefined, reason: 'no-links' }, f1: { value: 0 } });
    expect(result.overall).toMatchObject({ linksA: 3, linksB: 4, matched: 2, precision: { value: 0.5 } });
    expect(result.overall.recall.value).toBeCloseTo(2 / 3, 12);
    expect(result.overall.f1.value).toBeCloseTo(4 / 7, 12);
  });

  it('gives the share of matched claims attributed to the same speaker, source and cue', () => {
    expect(result.byType.said_by.claims).toMatchObject({ matchedClaims: 2, sameTargets: 1, linkedByEither: 2, share: { value: 0.5 }, shareAmongLinked: { value: 0.5 } });
    // c2 has no cue on either side: that agrees, but only the share over all matched claims counts it.
    expect(result.byType.cued_by.claims).toMatchObject({ sameTargets: 2, linkedByEither: 1, share: { value: 1 }, shareAmongLinked: { value: 1 } });
    expect(result.byType.according_to.claims).toMatchObject({ sameTargets: 1, linkedByEither: 1, share: { value: 0.5 }, shareAmongLinked: { value: 0 } });
  });

  it('says why shares are undefined without matched claims', () => {
    const noClaims = pairLinkAgreement([{ ...DOCUMENT, annotations: new Map([['A', { spans: [] }], ['B', { spans: [] }]]) }], 'A', 'B');
    expect(noClaims.byType.said_by.claims.share).toEqual({ value: undefined, reason: 'no-matched-claims' });
    expect(noClaims.overall.f1).toEqual({ value: undefined, reason: 'no-links' });
  });

  it('averages over pairs', () => {
    const average = averageLinkAgreement([result]);
    expect(average.f1.value).toBeCloseTo(4 / 7, 12);
    expect(average.byType.said_by.sameTargetShare).toEqual({ value: 0.5 });
  });
});
