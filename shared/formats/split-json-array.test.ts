// The JSON splitter behind the streamed imports (Isnad JSON, W3C, Label Studio): each element's
// slice parses to what the whole-file parse gives, and anything it cannot vouch for is left to it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitJsonArrays, streamJsonArray, type JsonText } from './split-json-array';

function elementsOf(json: string, ranges: number[]): unknown[] {
  const elements: unknown[] = [];
  for (let r = 0; r < ranges.length; r += 2) elements.push(JSON.parse(json.slice(ranges[r], ranges[r + 1])));
  return elements;
}

/** Strings that have fooled splitters: quotes, backslashes before quotes, brackets, Arabic, emoji. */
const trickyString = fc.constantFrom('"', '\\', '\\"', '[', ']}', '{"a":', 'قال "الوزير"', '😀', '\\\\', ',', '').chain((piece) => fc.string().map((rest) => piece + rest));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, trickyString, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(trickyString, tie('value'), { maxKeys: 4 }),
})).value;

describe('splitJsonArrays', () => {
  it('finds each element of the array at a path and empties it in the header', () => {
    const json = '{ "type": "AnnotationCollection", "first": { "type": "AnnotationPage", "items": [ {"id": 1}, "x", [2, 3] ] }, "total": 3 }';
    const split = splitJsonArrays(json, [[], ['first', 'items'], ['items']])!;
    expect(JSON.parse(split.header)).toEqual({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] }, total: 3 });
    expect([...split.ranges.keys()]).toEqual(['first.items']);
    expect(elementsOf(json, split.ranges.get('first.items')!)).toEqual([{ id: 1 }, 'x', [2, 3]]);
  });

  it('splits a top-level array', () => {
    const json = '\n[{"data": {"text": "نص"}} , {"data": {"text": "]"}}]\n';
    const split = splitJsonArrays(json, [[]])!;
    expect(split.header).toBe('[]\n');
    expect(elementsOf(json, split.ranges.get('')!)).toEqual([{ data: { text: 'نص' } }, { data: { text: ']' } }]);
  });

  it('elements parse to what the whole parse gives, whatever their strings hold (property)', () => {
    fc.assert(
      fc.property(fc.array(jsonValue, { maxLength: 6 }), jsonValue, fc.constantFrom(undefined, 1, 2, '\t'), (items, other, indent) => {
        const value = { before: other, documents: items, after: other };
        const json = JSON.stringify(value, null, indent);
        const split = splitJsonArrays(json, [['documents']])!;
        expect(elementsOf(json, split.ranges.get('documents')!)).toEqual(JSON.parse(JSON.stringify(items)));
        expect(JSON.parse(split.header)).toEqual(JSON.parse(JSON.stringify({ ...value, documents: [] })));
      }),
    );
  });

  it('gives up on a repeated or escaped key on the way, and on broken syntax', () => {
    expect(splitJsonArrays('{"documents": [1], "documents": [2]}', [['documents']])).toBeUndefined();
    expect(splitJsonArrays('{"docu\\u006dents": [1]}', [['documents']])).toBeUndefined();
    expect(splitJsonArrays('{"documents": [1, 2}', [['documents']])).toBeUndefined();
    expect(splitJsonArrays('{"documents": [1]} x', [['documents']])).toBeUndefined();
  });
});

describe('streamJsonArray', () => {
  const annotations = (value: unknown) => {
    const record = value as { first?: { items?: unknown[] }; items?: unknown[] };
    return Array.isArray(value) ? value : (record.first?.items ?? record.items);
  };
  const read = (json: JsonText) => {
    const streamed = streamJsonArray(json, [[], ['first', 'items'], ['items']], annotations);
    if (!streamed.ok || streamed.elements === undefined) return streamed;
    return { ok: true, elements: [...streamed.elements()] };
  };

  it('gives the elements of the array the header names, split or not', () => {
    expect(read('{"first": {"items": [1, 2]}, "items": [3]}')).toEqual({ ok: true, elements: [1, 2] });
    // "first" is only a link here (§5.1 allows an IRI): the collection's own items are read.
    expect(read('{"first": "urn:page1", "items": [3, 4]}')).toEqual({ ok: true, elements: [3, 4] });
    expect(read('\ufeff[{"a": "b"}]')).toEqual({ ok: true, elements: [{ a: 'b' }] });
  });

  it("reports JSON.parse's own message for the whole text when an element is broken", () => {
    const json = '[{"a": 1}, {"a": tru}]';
    let expected = '';
    try {
      JSON.parse(json);
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(() => read(json)).toThrow(expected);
  });
});
