// CoNLL BIO token files: the real ANERcorp sample (CAMeL Lab test split, first 200 sentences, CC BY-SA
// 4.0, see ../shared/fixtures/SOURCES.md) is parsed, counted and written back; IOB1 and IOB2 input,
// IOB2 output, the stated overlap rule, and a round trip over Intl.Segmenter tokens.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import anercorp from '../../../shared/fixtures/anercorp-camellab-sample.conll?raw';
import type { CorpusDocument } from './corpus-model';
import { parseConllBio, serializeConllBio } from './conll-bio';
import { arbitraryText, hardDocument } from './test-support/format-fixtures';
import { segmentSentences } from './word-tokens';

const options = { fileName: 'anercorp.conll' };

describe('CoNLL BIO: the ANERcorp sample', () => {
  const result = parseConllBio(anercorp, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  const document = result.documents[0]!;
  const sentences = document.text.split('\n');

  it('has the 200 sentences and 5,584 tokens SOURCES.md states, in one document', () => {
    expect(result.documents).toHaveLength(1);
    expect(sentences).toHaveLength(200);
    expect(sentences.reduce((count, sentence) => count + sentence.split(' ').length, 0)).toBe(5584);
  });

  it('rebuilds the text with single spaces and finds known entities of the first sentence', () => {
    expect(sentences[0]!.startsWith('الصالحية المفرق - غيث الطراونة - أمر جلالة الملك عبدالله الثاني أمس بتنفيذ')).toBe(true);
    const covered = document.spans.slice(0, 4).map((span) => [span.label, document.text.slice(span.startUtf16, span.endUtf16)]);
    expect(covered).toEqual([
      ['LOC', 'الصالحية'],
      ['LOC', 'المفرق'],
      ['PERS', 'غيث الطراونة'],
      ['PERS', 'عبدالله الثاني'],
    ]);
  });

  it('reports, line by line, the I- tags that do not continue an entity (invalid IOB2)', () => {
    const invalid = result.warnings.filter((warning) => /does not continue an entity/.test(warning.message));
    expect(invalid).toHaveLength(20);
    expect(invalid[0]).toEqual({ file: 'anercorp.conll', line: 348, message: expect.stringMatching(/^I-PERS after O does not continue an entity/) });
  });

  it('says that it composed one token to NFC (the corpus has one with its marks out of canonical order)', () => {
    expect(result.warnings).toContainEqual({ file: 'anercorp.conll', message: 'Text canonicalized: composed 1 token(s) to Unicode NFC.' });
  });

  it('writes back identical tag sequences, except the reported I- tags, which become B- (IOB2)', () => {
    const written = serializeConllBio(result.documents, { tokenizer: 'whitespace' });
    expect(written.warnings).toEqual([]);
    const inputLines = anercorp.replace(/\n$/, '').split('\n');
    const outputLines = written.content.replace(/\n$/, '').split('\n');
    expect(outputLines).toHaveLength(inputLines.length);
    const repaired = new Set(result.warnings.filter((warning) => warning.line !== undefined).map((warning) => warning.line! - 1));
    outputLines.forEach((line, index) => {
      // Tokens are written in their canonical (NFC) form, as the import warned.
      const input = inputLines[index]!.normalize('NFC');
      const expected = repaired.has(index) ? input.replace(/ I-/, ' B-') : input;
      expect(line).toBe(expected);
    });
  });

  it('reads the same file as IOB1 without warnings and with the same entities', () => {
    const iob1 = parseConllBio(anercorp, { ...options, scheme: 'iob1' });
    expect(iob1.ok && iob1.warnings.filter((warning) => /continue/.test(warning.message))).toEqual([]);
    expect(iob1.ok && iob1.documents[0]!.spans).toEqual(document.spans);
  });
});

describe('CoNLL BIO: reading', () => {
  it('splits documents at -DOCSTART- and reads the last column of CoNLL-2003 rows', () => {
    const input = '-DOCSTART- -X- -X- O\n\nقال VBD B-VP O\nأوستن NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nبغداد NNP B-NP B-LOC\n';
    const result = parseConllBio(input, options);
    expect(result.ok && result.documents.map((document) => [document.text, document.spans.map((span) => span.label)])).toEqual([
      ['قال أوستن', ['PER']],
      ['بغداد', ['LOC']],
    ]);
  });

  it('starts a new entity at B- even after an entity of the same type (IOB1 and IOB2 agree)', () => {
    const result = parseConllBio('عمان B-LOC\nبغداد B-LOC\nدمشق I-LOC\n', options);
    expect(result.ok && result.documents[0]!.spans.map((span) => [span.startUtf16, span.endUtf16])).toEqual([
      [0, 4],
      [5, 15],
    ]);
  });

  it('names the file and line of a row without a tag or with an unknown tag', () => {
    const result = parseConllBio('قال O\nالوزير\nأوستن S-PER\n', options);
    expect(result).toEqual({
      ok: false,
      errors: [
        { file: 'anercorp.conll', line: 2, message: expect.stringMatching(/expected a token and a tag/) },
        { file: 'anercorp.conll', line: 3, message: expect.stringMatching(/"S-PER" is not O, B-TYPE or I-TYPE/) },
      ],
    });
  });
});

describe('CoNLL BIO: writing', () => {
  it('tokenizes with Intl.Segmenter, one sentence block per line, and keeps one label layer', () => {
    const { content } = serializeConllBio([hardDocument()], { labels: ['speaker', 'source'] });
    const rows = content.split('\n');
    expect(rows.slice(0, 4)).toEqual(['🙂 O', 'قالَ O', 'وزيرُ B-speaker', 'الدفاع I-speaker']);
    expect(rows).toContain('البيان B-source');
    expect(rows.some((row) => /claim|cue/.test(row))).toBe(false);
  });

  it('resolves overlaps by the stated rule: more tokens win, then the earlier start; losers are reported', () => {
    const text = 'قال وزير الدفاع الأميركي';
    const document: CorpusDocument = {
      id: 'd',
      text,
      relations: [],
      spans: [
        { id: 'short', label: 'ORG', startUtf16: 4, endUtf16: 15 }, // وزير الدفاع
        { id: 'long', label: 'PER', startUtf16: 4, endUtf16: text.length }, // وزير الدفاع الأميركي
        { id: 'tie-a', label: 'X', startUtf16: 0, endUtf16: 3 }, // قال
      ],
    };
    const { content, warnings } = serializeConllBio([document]);
    expect(content).toBe('قال B-X\nوزير B-PER\nالدفاع I-PER\nالأميركي I-PER\n');
    expect(warnings).toEqual([{ file: 'd', message: expect.stringMatching(/span short \(ORG\) overlaps span long \(PER\)/) }]);
  });

  it('widens a span that ends inside a token, and says so', () => {
    const { content, warnings } = serializeConllBio([{ id: 'd', text: 'الوزيرُ قال', spans: [{ id: 's', label: 'S', startUtf16: 0, endUtf16: 3 }], relations: [] }]);
    expect(content).toBe('الوزيرُ B-S\nقال O\n');
    expect(warnings[0]!.message).toMatch(/widened to whole tokens/);
  });

  it('round-trips token-aligned spans over random texts: same labels on the same tokens (property)', () => {
    const aligned = arbitraryText.chain((text) => {
      const tokens = segmentSentences(text).flatMap((sentence) => sentence.map((token, index) => ({ ...token, sentenceEnd: sentence[sentence.length - 1]!.endUtf16, index })));
      return fc.array(fc.tuple(fc.nat({ max: Math.max(0, tokens.length - 1) }), fc.nat({ max: 3 }), fc.constantFrom('A', 'B')), { maxLength: 4 }).map((picks) => {
        const spans = picks.flatMap(([first, extra, label], index) => {
          const start = tokens[first];
          if (start === undefined) return [];
          const endToken = tokens.slice(first, first + extra + 1).filter((token) => token.sentenceEnd === start.sentenceEnd).pop()!;
          return [{ id: `s${index}`, label, startUtf16: start.startUtf16, endUtf16: endToken.endUtf16 }];
        });
        // Keep only non-overlapping spans: BIO cannot carry the others (tested above).
        const kept = spans.filter((span, i) => spans.every((other, j) => j >= i || other.endUtf16 <= span.startUtf16 || other.startUtf16 >= span.endUtf16));
        return { id: 'doc', text, spans: kept, relations: [] } as CorpusDocument;
      });
    });
    fc.assert(
      fc.property(aligned, (document) => {
        const written = serializeConllBio([document]);
        expect(written.warnings).toEqual([]);
        const result = parseConllBio(written.content, options);
        const tokensOf = (doc: CorpusDocument) =>
          doc.spans
            .map((span) => `${span.label}:${segmentSentences(doc.text.slice(span.startUtf16, span.endUtf16)).flat().map((token) => doc.text.slice(span.startUtf16 + token.startUtf16, span.startUtf16 + token.endUtf16)).join(' ')}`)
            .sort();
        if (document.spans.length === 0 && !result.ok) return; // a text of spaces only has no tokens
        expect(result.ok).toBe(true);
        if (result.ok) expect(tokensOf(result.documents[0] ?? { text: '', spans: [], relations: [] })).toEqual(tokensOf(document));
      }),
    );
  });
});
