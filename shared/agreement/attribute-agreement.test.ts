import { describe, expect, it } from 'vitest';
import { pairAttributeAgreement } from './attribute-agreement';
import type { AgreementSpan, AnnotatedDocument } from './types';

function claim(id: string, startUtf16: number, claimType?: string): AgreementSpan {
  return { id, label: 'claim', startUtf16, endUtf16: startUtf16 + 5, ...(claimType === undefined ? {} : { attributes: { claimType } }) };
}

// Six claims both annotators marked; B gave the last one no type.
const TYPES_A = ['quote', 'quote', 'paraphrase', 'paraphrase', 'quote', 'quote'];
const TYPES_B = ['quote', 'paraphrase', 'paraphrase', 'paraphrase', 'quote', undefined];
const DOCUMENT: AnnotatedDocument = {
  sha256: 'd',
  text: 'x'.repeat(100),
  annotations: new Map([
    ['A', { spans: TYPES_A.map((t, i) => claim(`a${i}`, i * 10, t)) }],
    ['B', { spans: TYPES_B.map((t, i) => claim(`b${i}`, i * 10, t)) }],
  ]),
};

describe('pairAttributeAgreement', () => {
  const [claimType] = pairAttributeAgreement([DOCUMENT], 'A', 'B').byAttribute;

  it('tabulates the values both gave to matched spans, and counts one-sided values apart', () => {
    expect(claimType).toMatchObject({ label: 'claim', attribute: 'claimType', pairedValues: 5, missingOnOneSide: 1 });
    expect(claimType!.confusion).toEqual({
      categories: ['paraphrase', 'quote'],
      counts: [
        [2, 0],
        [1, 2],
      ],
    });
  });

  it('computes kappa and alpha on those pairs', () => {
    // p_o = 4/5, p_e = (2·3 + 3·2)/25 = 0.48, kappa = 0.32/0.52.
    expect(claimType!.cohenKappa.kappa.value).toBeCloseTo(0.32 / 0.52, 12);
    // n = 10 values, one disagreeing unit: alpha = 1 - 9·2/(100 - 50).
    expect(claimType!.krippendorffAlpha.alpha.value).toBeCloseTo(0.64, 12);
  });

  it('reports nothing when no matched span carries attributes', () => {
    const plain: AnnotatedDocument = { ...DOCUMENT, annotations: new Map([['A', { spans: [claim('a', 0)] }], ['B', { spans: [claim('b', 0)] }]]) };
    expect(pairAttributeAgreement([plain], 'A', 'B').byAttribute).toEqual([]);
  });
});
