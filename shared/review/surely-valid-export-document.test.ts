// The quick check never lets through a document zod would refuse, and does take the common
// documents an export writes (else the import would be as slow as before).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExportDocumentV1 } from '../export/export-v1';
import { surelyValidExportDocument } from './surely-valid-export-document';

/** Mostly good values, now and then a bad one: every field has its chance to spoil a document. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 30 }, { arbitrary: bad, weight: 1 });
/** A key zod's strict objects refuse, rarely. */
const withExtra = <T extends object>(record: fc.Arbitrary<T>) =>
  fc.tuple(record, mostly(fc.constant(null), fc.tuple(fc.constantFrom('extra', '__proto__', 'toString'), fc.jsonValue()))).map(([value, extra]) => (extra === null ? value : { ...value, [extra[0]]: extra[1] }));
const at = mostly(fc.constantFrom('2026-11-25T18:02:36.572Z', '2028-02-29T10:00:00Z', '2026-11-25T18:02:36+03:00'), fc.constantFrom('2026-13-01T00:00:00Z', '2026-02-29T10:00:00Z', '2026-11-25 18:02', '', 5));
const id = mostly(fc.constantFrom('s1', 'a', '01a213df-b09d-70b1-859e-ad40065d032b'), fc.constantFrom('', 1, null));
const offset = mostly(fc.nat(), fc.constantFrom(-1, 1.5, 2 ** 53, '3', null));
const attributeValue = mostly(fc.oneof(fc.string(), fc.boolean(), fc.array(fc.string({ maxLength: 64 }), { maxLength: 3 })), fc.oneof(fc.constant('x'.repeat(2001)), fc.array(fc.string({ minLength: 65, maxLength: 70 }), { minLength: 1, maxLength: 2 }), fc.integer(), fc.constant(null), fc.constant({})));
const span = withExtra(fc.record(
  {
    id,
    annotator: id,
    label: mostly(fc.constantFrom('claim', 'speaker'), fc.constant('')),
    start: offset,
    end: offset,
    startUtf16: offset,
    endUtf16: offset,
    text: fc.string(),
    attributes: mostly(fc.dictionary(fc.constantFrom('stance', 'quoted', '__proto__', ''), attributeValue, { maxKeys: 2 }), fc.constantFrom(null, [], 'x')),
    createdAt: at,
    updatedAt: at,
  },
  { requiredKeys: ['id', 'annotator', 'label', 'start', 'end', 'startUtf16', 'endUtf16', 'text', 'createdAt', 'updatedAt'] },
));
const relation = withExtra(fc.record({ id, annotator: id, type: mostly(fc.constant('said_by'), fc.constant('')), from: id, to: id, createdAt: at }, { requiredKeys: ['id', 'annotator', 'type', 'from', 'to', 'createdAt'] }));
const document = withExtra(fc.record(
  {
    id,
    title: mostly(fc.string(), fc.constant(7)),
    lang: mostly(fc.constantFrom('ar', 'en-GB'), fc.constant('a')),
    direction: mostly(fc.constantFrom('rtl', 'ltr'), fc.constant('auto')),
    sha256: mostly(fc.constant('0123456789abcdef'.repeat(4)), fc.constantFrom('A'.repeat(64), 'a'.repeat(63))),
    meta: mostly(fc.dictionary(fc.constantFrom('source', 'url', ''), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), fc.constantFrom(null, [], 'x', { big: 'x'.repeat(70_000) }, JSON.parse('{"__proto__": {"polluted": true}}') as unknown)),
    text: mostly(fc.string(), fc.constant(null)),
    spans: mostly(fc.array(span, { maxLength: 3 }), fc.constant({})),
    relations: mostly(fc.array(relation, { maxLength: 2 }), fc.constant(null)),
    status: mostly(fc.dictionary(fc.constantFrom('u1', '__proto__', ''), mostly(fc.constantFrom('done', 'in_progress', 'not_started'), fc.constant('finished'))), fc.constant([])),
  },
  { requiredKeys: ['id', 'title', 'lang', 'direction', 'sha256', 'text', 'spans'] },
));

describe('surelyValidExportDocument', () => {
  it('says "surely valid" only for documents zod accepts, whatever they hold (property)', () => {
    let sure = 0;
    let refused = 0;
    fc.assert(
      fc.property(document, (candidate) => {
        // Through JSON, as documents come from a file.
        const value: unknown = JSON.parse(JSON.stringify(candidate));
        if (!surelyValidExportDocument(value)) {
          refused++;
          return;
        }
        sure++;
        expect(ExportDocumentV1.safeParse(value).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // The property is only worth something if the quick check said yes often enough. About 10% of the
    // generated documents are surely valid (300 of 3,000, give or take 17): 200 is far below any run.
    expect(sure).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });

  it('takes a document as the exporter writes it, with attributes, relations and status', () => {
    const written = {
      id: 'doc0',
      title: 'وثيقة 1',
      lang: 'ar',
      direction: 'rtl',
      sha256: '182700a588c8644cb59c15eb7bfec16af74d578ac419992e604433f20b598ddd',
      meta: { source: 'alhurra', date: '2023-10-27', tags: ['سوريا'], page: 2, wire: null },
      text: '😀 1 القوات شرق',
      spans: [{ id: 's1', annotator: 'u1', label: 'claim', start: 4, end: 10, startUtf16: 5, endUtf16: 11, text: 'القوات', attributes: { stance: 'neutral', quoted: true, tags: ['a'] }, createdAt: '2026-11-25T18:02:36.572Z', updatedAt: '2026-11-25T18:02:36.572Z' }],
      relations: [{ id: 'r1', annotator: 'u1', type: 'said_by', from: 's1', to: 's1', createdAt: '2026-11-25T18:02:36.572Z' }],
      status: { u1: 'done' },
    };
    expect(surelyValidExportDocument(written)).toBe(true);
    expect(surelyValidExportDocument({ ...written, spans: [{ ...written.spans[0], note: 'لماذا؟' }] })).toBe(false);
  });
});
