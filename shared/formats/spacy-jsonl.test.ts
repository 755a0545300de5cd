// spaCy/Prodigy-style JSONL: the basic Prodigy annotation format {"text", "spans": [{start, end,
// label}]} (as quoted by Microsoft Recon's "Loading your data"), with "tokens" and inclusive
// token_start/token_end as Prodigy's ner_manual writes them. Offsets are Python indices (code points).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDocument, hardDocument, spanTuples } from './test-support/format-fixtures';
import { parseSpacyJsonl, parseSpacyJsonlLine, serializeSpacyJsonl } from './spacy-jsonl';

const options = { fileName: 'train.jsonl' };

describe('spaCy JSONL: conformance', () => {
  it('reads the basic Prodigy example', () => {
    const line = '{"text": "Apple updates its analytics service with new metrics", "spans": [{"start": 0, "end": 5, "label": "ORG"}]}';
    const result = parseSpacyJsonlLine(line, 1, options);
    expect(result.ok && result.document!.spans).toEqual([{ id: 's1', label: 'ORG', startUtf16: 0, endUtf16: 5 }]);
  });

  it('writes code-point offsets, tokens with ws, and inclusive token_end', () => {
    const { content } = serializeSpacyJsonl([{ text: '🙂 قال الوزير أوستن', spans: [{ id: 'a', label: 'speaker', startUtf16: 7, endUtf16: 19 }], relations: [] }]);
    const record = JSON.parse(content);
    expect(record.tokens.map((token: { text: string; start: number; ws: boolean }) => [token.text, token.start, token.ws])).toEqual([
      ['🙂', 0, true],
      ['قال', 2, true],
      ['الوزير', 6, true],
      ['أوستن', 13, false],
    ]);
    expect(record.spans).toEqual([{ start: 6, end: 18, label: 'speaker', token_start: 2, token_end: 3 }]);
  });

  it('skips examples answered "reject" in Prodigy, with a warning', () => {
    const result = parseSpacyJsonl('{"text": "a", "answer": "reject"}\n{"text": "b", "answer": "accept"}\n', options);
    expect(result.ok && [result.documents.map((document) => document.text), result.warnings[0]?.line]).toEqual([['b'], 1]);
  });
});

describe('spaCy JSONL: round trips', () => {
  it('keeps contiguous spans, id, title and meta of the hard document', () => {
    const document = hardDocument();
    const result = parseSpacyJsonl(serializeSpacyJsonl([document]).content, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const flat = { ...document, spans: document.spans.map(({ fragments: _fragments, attributes: _attributes, annotator: _annotator, ...span }) => span) };
    expect(spanTuples(result.documents[0]!)).toEqual(spanTuples(flat));
    expect([result.documents[0]!.id, result.documents[0]!.title, result.documents[0]!.meta]).toEqual([document.id, document.title, document.meta]);
  });

  it('round-trips random texts and spans (property)', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const result = parseSpacyJsonl(serializeSpacyJsonl([document]).content, options);
        expect(result.ok).toBe(true);
        if (result.ok) expect(spanTuples(result.documents[0]!)).toEqual(spanTuples(document));
      }),
    );
  });
});

describe('spaCy JSONL: bad input', () => {
  it('names the line of a span outside the text and of a span whose text does not match', () => {
    const input = [JSON.stringify({ text: 'قال', spans: [{ start: 0, end: 4, label: 'x' }] }), JSON.stringify({ text: '🙂 قال', spans: [{ start: 1, end: 4, label: 'x', text: 'قال' }] })].join('\n');
    const result = parseSpacyJsonl(input, options);
    expect(result.ok || result.errors.map((error) => [error.line, error.message])).toEqual([
      [1, expect.stringMatching(/outside the text \(0–3 code points\)/)],
      [2, expect.stringMatching(/recorded text "قال" does not match the text at 1–4 \(code points\)/)],
    ]);
  });
});
