// Isnad's JSONL corpus carries everything the neutral model has, so a round trip must be lossless;
// bad lines are reported with file and line, and offsets that disagree with the recorded text are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDocument, hardDocument, HARD_TEXT } from './test-support/format-fixtures';
import { parseJsonlCorpus, parseJsonlLine, serializeJsonlCorpus } from './jsonl-corpus';

const options = { fileName: 'corpus.jsonl' };

describe('JSONL corpus', () => {
  it('round-trips every feature of the model, emoji and diacritics included', () => {
    const document = hardDocument();
    const result = parseJsonlCorpus(serializeJsonlCorpus([document]).content, options);
    expect(result).toEqual({ ok: true, documents: [document], warnings: [] });
  });

  it('writes code points and UTF-16 side by side: they differ after an emoji', () => {
    const line = JSON.parse(serializeJsonlCorpus([hardDocument()]).content) as { spans: { id: string; start: number; startUtf16: number; text: string }[] };
    const cue = line.spans.find((span) => span.id === 'T2')!;
    expect(cue).toMatchObject({ start: 2, startUtf16: 3, text: 'قالَ' });
  });

  it('round-trips random texts and spans (property)', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const result = parseJsonlCorpus(serializeJsonlCorpus([document]).content, options);
        expect(result).toEqual({ ok: true, documents: [document], warnings: [] });
      }),
    );
  });

  it('imports plain corpora: text with optional id, title and meta, one per line', () => {
    const input = '{"id": 7, "title": "خبر", "text": "قال الوزير", "meta": {"lang": "ar"}}\n\n{"text": "نص ثان"}\n';
    const result = parseJsonlCorpus(input, options);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      documents: [
        { id: '7', title: 'خبر', text: 'قال الوزير', meta: { lang: 'ar' }, spans: [], relations: [] },
        { text: 'نص ثان', spans: [], relations: [] },
      ],
    });
  });

  it('canonicalizes \\r\\n and says so, keeping the span on its words', () => {
    const result = parseJsonlLine(JSON.stringify({ text: 'سطر\r\nقال الوزير', spans: [{ label: 'cue', start: 5, end: 8, text: 'قال' }] }), 3, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document!.text).toBe('سطر\nقال الوزير');
    expect(result.document!.spans[0]).toMatchObject({ startUtf16: 4, endUtf16: 7 });
    expect(result.warnings[0]).toMatchObject({ file: 'corpus.jsonl', line: 3, message: expect.stringMatching(/\\r\\n line ending.*mapped/) });
  });

  it('names file and line for bad JSON, a missing text and offsets outside the text', () => {
    const input = ['{"text": "نص"}', '{not json', '{"title": "no text"}', JSON.stringify({ text: 'نص', spans: [{ label: 'x', start: 0, end: 9 }] })].join('\n');
    const result = parseJsonlCorpus(input, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { file: 'corpus.jsonl', line: 2, message: expect.stringMatching(/not valid JSON/) },
      { file: 'corpus.jsonl', line: 3, message: '"text" must be a string' },
      { file: 'corpus.jsonl', line: 4, message: expect.stringMatching(/spans\[0\]: start\/end: span 0–9 lies outside the text/) },
    ]);
  });

  it('reports a span whose offsets do not match its recorded text, with the unit that would match', () => {
    // UTF-16 offsets written in the code-point fields: after the emoji they point one character late.
    const startUtf16 = HARD_TEXT.indexOf('قالَ');
    const line = JSON.stringify({ text: HARD_TEXT, spans: [{ label: 'cue', start: startUtf16, end: startUtf16 + 4, text: 'قالَ' }] });
    const result = parseJsonlLine(line, 1, options);
    expect(result).toEqual({ ok: false, errors: [{ file: 'corpus.jsonl', line: 1, message: expect.stringMatching(/recorded text "قالَ" does not match .*would match if the offsets counted UTF-16 code units/) }] });
  });

  it('refuses code-point and UTF-16 offsets that point at different text', () => {
    const line = JSON.stringify({ text: '🙂 قال', spans: [{ label: 'cue', start: 2, end: 5, startUtf16: 2, endUtf16: 5 }] });
    const result = parseJsonlLine(line, 1, options);
    expect(result.ok).toBe(false);
  });
});
