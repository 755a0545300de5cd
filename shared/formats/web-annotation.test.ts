// W3C Web Annotation Data Model (W3C Recommendation, 23 February 2017), checked against its own
// examples: §4.2.4 Text Quote Selector (exact/prefix/suffix; "MUST be in terms of unicode code
// points ... not in terms of code units"), §4.2.5 Text Position Selector (start inclusive, end
// exclusive), §5.1/§5.2 AnnotationCollection and AnnotationPage, §3.3.5 motivations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDocument, hardDocument, relationTuples, spanTuples } from './test-support/format-fixtures';
import type { CorpusDocument } from './corpus-model';
import { documentSourceIri, parseWebAnnotation, parseWebAnnotationValue, serializeWebAnnotation, sourceTextName } from './web-annotation';

const alphabet = { source: 'http://example.org/ebook1', text: 'abcdefghijklmnopqrstuvwxyz' };
const tag = (value: string) => ({ type: 'TextualBody', purpose: 'tagging', value });

describe('Web Annotation: conformance with the data model examples', () => {
  it('§4.2.5: start 4, end 7 of the alphabet selects "efg"', () => {
    const annotation = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno24', type: 'Annotation', body: tag('letters'), target: { source: alphabet.source, selector: { type: 'TextPositionSelector', start: 4, end: 7 } } };
    const result = parseWebAnnotation(JSON.stringify(annotation), { fileName: 'anno.json', documents: [alphabet] });
    expect(result.ok && result.documents[0]!.spans.map((span) => alphabet.text.slice(span.startUtf16, span.endUtf16))).toEqual(['efg']);
  });

  it('§4.2.4: prefix "abcd", exact "efg", suffix "hijk" selects the same letters', () => {
    const annotation = { type: 'Annotation', body: tag('letters'), target: { source: alphabet.source, selector: { type: 'TextQuoteSelector', exact: 'efg', prefix: 'abcd', suffix: 'hijk' } } };
    const result = parseWebAnnotation(JSON.stringify([annotation]), { fileName: 'anno.json', documents: [alphabet] });
    expect(result.ok && result.documents[0]!.spans[0]).toMatchObject({ startUtf16: 4, endUtf16: 7, label: 'letters' });
  });

  it('§4.2.4/§4.2.5: exports positions in code points, so an emoji counts once', () => {
    const collection = JSON.parse(serializeWebAnnotation([hardDocument()]).content);
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage' } });
    const cue = collection.first.items.find((item: { body: { value: string } }) => item.body.value === 'cue');
    expect(cue.target.selector).toEqual([
      { type: 'TextPositionSelector', start: 2, end: 6 },
      { type: 'TextQuoteSelector', exact: 'قالَ', prefix: '🙂 ', suffix: expect.stringMatching(/^ وزيرُ الدفاع/) },
    ]);
    expect([...cue.target.selector[1].suffix]).toHaveLength(32);
  });

  it('§4.2.4: a quote that occurs more than once is refused rather than guessed', () => {
    const document = { source: 'urn:x', text: 'قال ثم قال' };
    const annotation = { type: 'Annotation', body: tag('cue'), target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: 'قال' } } };
    const result = parseWebAnnotation(JSON.stringify(annotation), { fileName: 'a.json', documents: [document] });
    expect(result).toEqual({ ok: false, errors: [{ file: 'a.json', record: 1, message: expect.stringMatching(/occurs more than once/) }] });
  });
});

describe('Web Annotation: round trips', () => {
  it('keeps spans, fragments, relations and annotators of the hard document', () => {
    const document = hardDocument();
    const { content, warnings } = serializeWebAnnotation([document]);
    expect(warnings).toEqual([{ file: 'doc-1', message: expect.stringMatching(/attributes of 1 span/) }]);
    const result = parseWebAnnotation(content, { fileName: 'a.json', documents: [{ source: documentSourceIri(document, 0), text: document.text, id: 'doc-1' }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const back = result.documents[0]!;
    expect(spanTuples(back)).toEqual(spanTuples(document));
    expect(relationTuples(back)).toEqual(relationTuples(document));
    expect(back.spans.map((span) => span.id)).toEqual(document.spans.map((span) => span.id));
    expect(back.spans.every((span) => span.annotator === 'amina')).toBe(true);
  });

  it('round-trips random texts and spans (property)', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const result = parseWebAnnotation(serializeWebAnnotation([document]).content, { fileName: 'a.json', documents: [{ source: documentSourceIri(document, 0), text: document.text }] });
        expect(result.ok).toBe(true);
        if (result.ok) expect(spanTuples(result.documents[0]!)).toEqual(spanTuples(document));
      }),
    );
  });
});

describe('Web Annotation: bad input', () => {
  it('reports an exact text that does not match the position, naming the annotation', () => {
    const annotation = { id: 'urn:a1', type: 'Annotation', body: tag('cue'), target: { source: 'urn:x', selector: [{ type: 'TextPositionSelector', start: 1, end: 4 }, { type: 'TextQuoteSelector', exact: 'قال' }] } };
    const result = parseWebAnnotation(JSON.stringify(annotation), { fileName: 'a.json', documents: [{ source: 'urn:x', text: '🙂 قال' }] });
    expect(result).toEqual({
      ok: false,
      errors: [{ file: 'a.json', record: 1, message: expect.stringMatching(/annotation 1 \(urn:a1\): TextPositionSelector: recorded text "قال" does not match the text at 1–4 \(code points\): " قا"/) }],
    });
  });

  it('reports a target whose document was not supplied, and an annotation without a label', () => {
    const annotations = [
      { type: 'Annotation', body: tag('cue'), target: { source: 'urn:missing', selector: { type: 'TextPositionSelector', start: 0, end: 1 } } },
      { type: 'Annotation', target: { source: 'urn:x', selector: { type: 'TextPositionSelector', start: 0, end: 1 } } },
    ];
    const result = parseWebAnnotation(JSON.stringify(annotations), { fileName: 'a.json', documents: [{ source: 'urn:x', text: 'نص' }] });
    expect(result.ok || result.errors.map((error) => [error.record, error.message])).toEqual([
      [1, expect.stringMatching(/"urn:missing", which is not among the supplied documents/)],
      [2, expect.stringMatching(/needs a TextualBody/)],
    ]);
  });
});

describe('Web Annotation: read annotation by annotation', () => {
  const corpus = fc.array(arbitraryDocument, { minLength: 1, maxLength: 4 }).map((documents) => [hardDocument(), ...documents.map((document, index) => ({ ...document, id: `doc ${index}` }))]);
  const supplied = (documents: readonly CorpusDocument[]) => documents.map((document, index) => ({ source: documentSourceIri(document, index), text: document.text, id: document.id! }));

  it('gives what the whole-file parse gives, for good files and for a bad annotation anywhere (property)', () => {
    fc.assert(
      fc.property(corpus, fc.nat(), fc.boolean(), (documents, pick, spoil) => {
        const collection = JSON.parse(serializeWebAnnotation(documents).content);
        const items = collection.first.items as { target: { selector: { start: number }[] } | string[] }[];
        const spans = items.filter((item) => !Array.isArray(item.target));
        if (spoil && spans.length > 0) (spans[pick % spans.length]!.target as { selector: { start: number }[] }).selector[0]!.start = -1;
        const options = { fileName: 'a.jsonld', documents: supplied(documents) };
        const streamed = parseWebAnnotation(JSON.stringify(collection, null, 1), options);
        expect(streamed).toEqual(parseWebAnnotationValue(collection, options));
        expect(streamed.ok).toBe(!(spoil && spans.length > 0));
      }),
    );
  });

  it('finds texts it was not given through findDocument, and returns only those annotations target', () => {
    const document = hardDocument();
    const { content } = serializeWebAnnotation([document]);
    const asked: string[] = [];
    const result = parseWebAnnotation(content, { fileName: 'a.jsonld', findDocument: (source) => (asked.push(source), source === 'urn:isnad:document:doc-1' ? { source, text: document.text, id: 'doc-1' } : undefined) });
    expect(new Set(asked)).toEqual(new Set(['urn:isnad:document:doc-1']));
    expect(result.ok && result.documents.map((back) => [back.id, spanTuples(back)])).toEqual([['doc-1', spanTuples(document)]]);
  });

  it('links the span annotation an IRI names last, and warns when prefix or suffix differ from the text', () => {
    const first = { source: 'urn:a', text: 'قال الوزير إن الهدنة صامدة' };
    const second = { source: 'urn:b', text: 'أكد المتحدث أن الاتفاق قائم' };
    const span = (id: string, source: string, start: number, end: number, prefix = '', suffix = '') => ({
      id,
      type: 'Annotation',
      body: tag('claim'),
      target: { source, selector: [{ type: 'TextPositionSelector', start, end }, { type: 'TextQuoteSelector', exact: (source === 'urn:a' ? first : second).text.slice(start, end), prefix, suffix }] },
    });
    const link = { id: 'urn:link', type: 'Annotation', motivation: 'linking', body: tag('said_by'), target: ['urn:a#span-x', 'urn:b#span-y'] };
    const read = (items: unknown[]) => parseWebAnnotation(JSON.stringify(items), { fileName: 'a.jsonld', documents: [first, second] });
    // "urn:a#span-x" is given to a span of urn:b last: the link then joins two spans of urn:b.
    const laterWins = read([span('urn:a#span-x', 'urn:a', 0, 3), span('urn:a#span-x', 'urn:b', 0, 3), span('urn:b#span-y', 'urn:b', 4, 11), link]);
    expect(laterWins.ok && laterWins.documents.map((document) => document.relations.map((relation) => [relation.fromSpanId, relation.toSpanId]))).toEqual([[], [['x', 'y']]]);
    const earlierLoses = read([span('urn:a#span-x', 'urn:b', 0, 3), span('urn:a#span-x', 'urn:a', 0, 3), span('urn:b#span-y', 'urn:b', 4, 11), link]);
    expect(!earlierLoses.ok && earlierLoses.errors.map((error) => error.message)).toEqual(['annotation 4: a linking annotation must link spans of one document']);
    // A prefix longer than the text before the span, or a wrong suffix, warns; the right ones do not.
    const quoted = read([span('urn:a#1', 'urn:a', 4, 10, 'قال '), span('urn:a#2', 'urn:a', 4, 10, 'xقال '), span('urn:a#3', 'urn:a', 4, 10, '', ' إن'), span('urn:a#4', 'urn:a', 4, 10, '', ' أن')]);
    expect(quoted.ok && quoted.warnings.map((warning) => warning.record)).toEqual([2, 4]);
  });

  it('names text files after a source: its last segment without .txt', () => {
    expect(sourceTextName('urn:isnad:document:doc-1')).toBe('doc-1');
    expect(sourceTextName('urn:isnad:document:%D8%AE%D8%A8%D8%B1%201')).toBe('خبر 1');
    expect(sourceTextName('https://example.org/news/2023/strike.txt#para2')).toBe('strike');
    expect(sourceTextName('http://example.org/ebook1')).toBe('ebook1');
  });
});
