// doccano sequence-labeling JSONL, following doccano's import examples: {"text", "label":
// [[start, end, "LABEL"]]} with extra keys as meta (e.g. "meta": {"wikiPageID": 1}), and the
// relation-project shape {"entities": [...], "relations": [...]}. doccano counts offsets with
// JavaScript string length, i.e. UTF-16 code units (doccano PR #99 discusses exactly this).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDoccano, parseDoccanoLine, serializeDoccano } from './doccano';
import { arbitraryDocument, hardDocument, relationTuples, spanTuples } from './test-support/format-fixtures';

const options = { fileName: 'doccano.jsonl' };

describe('doccano: conformance', () => {
  it('reads the documented examples', () => {
    const input = '{"text": "EU rejects German call to boycott British lamb.", "label": [[0, 2, "ORG"]]}\n{"text": "exampleA", "label": [[0, 1, "LOC"]], "meta": {"wikiPageID": 1}}\n';
    const result = parseDoccano(input, options);
    expect(result.ok && result.documents.map((document) => [document.text.slice(document.spans[0]!.startUtf16, document.spans[0]!.endUtf16), document.spans[0]!.label, document.meta])).toEqual([
      ['EU', 'ORG', undefined],
      ['e', 'LOC', { wikiPageID: 1 }],
    ]);
  });

  it('counts UTF-16 code units by default: after an emoji, offsets are one higher than code points', () => {
    const line = JSON.stringify({ text: '🙂 قال الوزير', label: [[3, 6, 'cue']] });
    const result = parseDoccanoLine(line, 1, options);
    expect(result.ok && result.document!.spans[0]).toMatchObject({ startUtf16: 3, endUtf16: 6 });
    const asCodePoints = parseDoccanoLine(line, 1, { ...options, offsetUnit: 'codePoints' });
    expect(asCodePoints.ok && asCodePoints.document!.spans[0]).toMatchObject({ startUtf16: 4, endUtf16: 7 });
  });

  it('reads the relation-project shape with entities and relations', () => {
    const line = JSON.stringify({ text: 'قال الوزير', entities: [{ id: 1, label: 'cue', start_offset: 0, end_offset: 3 }, { id: 2, label: 'speaker', start_offset: 4, end_offset: 10 }], relations: [{ id: 9, from_id: 1, to_id: 2, type: 'cued_by' }] });
    const result = parseDoccanoLine(line, 1, options);
    expect(result.ok && result.document!.relations).toEqual([{ id: '9', type: 'cued_by', fromSpanId: '1', toSpanId: '2' }]);
  });
});

describe('doccano: round trips', () => {
  it('keeps spans (label shape) and relations (entities shape) of the hard document', () => {
    const document = hardDocument();
    const flat = { ...document, spans: document.spans.map(({ fragments: _fragments, attributes: _attributes, annotator: _annotator, ...span }) => span) };
    const labels = parseDoccano(serializeDoccano([document]).content, options);
    expect(labels.ok && spanTuples(labels.documents[0]!)).toEqual(spanTuples(flat));
    const entities = parseDoccano(serializeDoccano([document], { shape: 'entities' }).content, options);
    expect(entities.ok && relationTuples(entities.documents[0]!)).toEqual(relationTuples(document));
    expect(entities.ok && [entities.documents[0]!.id, entities.documents[0]!.meta]).toEqual(['doc-1', document.meta]);
  });

  it('warns about what the label shape cannot carry', () => {
    expect(serializeDoccano([hardDocument()]).warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/7 span\(s\) had fragments, attributes or an annotator/),
      expect.stringMatching(/2 relation\(s\) were not written/),
    ]);
  });

  it('round-trips random texts and spans in both units (property)', () => {
    fc.assert(
      fc.property(arbitraryDocument, fc.constantFrom('codePoints' as const, 'utf16' as const), (document, offsetUnit) => {
        const result = parseDoccano(serializeDoccano([document], { offsetUnit }).content, { ...options, offsetUnit });
        expect(result.ok).toBe(true);
        if (result.ok) expect(spanTuples(result.documents[0]!)).toEqual(spanTuples(document));
      }),
    );
  });
});

describe('doccano: bad input', () => {
  it('names the line of a classification label, a split emoji and bad JSON', () => {
    const input = ['{"text": "نص", "label": ["positive"]}', JSON.stringify({ text: '🙂 قال', label: [[1, 5, 'cue']] }), '{"text": '].join('\n');
    const result = parseDoccano(input, options);
    expect(result.ok || result.errors).toEqual([
      { file: 'doccano.jsonl', line: 1, message: expect.stringMatching(/label\[0\] must be \[start, end, "LABEL"\] \(is this a text-classification file\?\)/) },
      { file: 'doccano.jsonl', line: 2, message: expect.stringMatching(/splits a character outside the Basic Multilingual Plane/) },
      { file: 'doccano.jsonl', line: 3, message: expect.stringMatching(/not valid JSON/) },
    ]);
  });
});
