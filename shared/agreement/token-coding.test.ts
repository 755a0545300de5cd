import { describe, expect, it } from 'vitest';
import { codeTokens, codeTokensByLabel, wordTokensUtf16 } from './token-coding';
import type { AgreementSpan } from './types';

// A real Arabic news article (repoRoot/../shared/fixtures), imported as text so the test needs no Node API.
import article from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';

const SENTENCE = 'قال الوزير إن الحكومة ستدعم المشروع.';

function span(label: string, startUtf16: number, endUtf16: number): AgreementSpan {
  return { id: `${label}@${startUtf16}`, label, startUtf16, endUtf16 };
}

function tokenTexts(text: string): string[] {
  const tokens = wordTokensUtf16(text);
  return Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.startsUtf16[i], tokens.endsUtf16[i]));
}

describe('wordTokensUtf16', () => {
  it('keeps the words of an Arabic sentence and drops spaces and punctuation', () => {
    expect(tokenTexts(SENTENCE)).toEqual(['قال', 'الوزير', 'إن', 'الحكومة', 'ستدعم', 'المشروع']);
  });

  it('finds the words of a real article, each a slice without spaces', () => {
    const words = tokenTexts(article);
    expect(words.length).toBeGreaterThan(500);
    expect(words).toContain('البنتاغون');
    for (const w of words) expect(w).not.toMatch(/\s/);
  });

  it('finds nothing in an empty text', () => {
    expect(wordTokensUtf16('').count).toBe(0);
  });
});

describe('codeTokens', () => {
  const tokens = wordTokensUtf16(SENTENCE);
  const at = (word: string): number => SENTENCE.indexOf(word);

  it('codes a token 1 when a span of the label covers any part of it', () => {
    // From the second letter of "إن" to the middle of "ستدعم": the claim touches three words.
    const claim = span('claim', at('إن') + 1, at('ستدعم') + 2);
    expect([...codeTokens(tokens, [claim], 'claim')]).toEqual([0, 0, 1, 1, 1, 0]);
  });

  it('codes each label on its own, so overlapping labels are both seen', () => {
    const spans = [span('claim', at('الوزير'), SENTENCE.length), span('speaker', at('الوزير'), at('الوزير') + 'الوزير'.length)];
    expect([...codeTokens(tokens, spans, 'claim')]).toEqual([0, 1, 1, 1, 1, 1]);
    expect([...codeTokens(tokens, spans, 'speaker')]).toEqual([0, 1, 0, 0, 0, 0]);
    expect([...codeTokens(tokens, spans, 'cue')]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('does not code a token for a span that covers only the space before it', () => {
    expect([...codeTokens(tokens, [span('claim', at('الوزير') - 1, at('الوزير'))], 'claim')]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('codeTokensByLabel', () => {
  it('codes every label in one pass exactly as codeTokens does label by label', () => {
    const text = article.normalize('NFC');
    const tokens = wordTokensUtf16(text);
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const labels = ['claim', 'speaker', 'cue', 'claim', 'unused'];
    const spans = Array.from({ length: 300 }, () => {
      const start = next(text.length - 1);
      return span(['claim', 'speaker', 'cue', 'other'][next(4)]!, start, start + 1 + next(80));
    }).map((s, i) => ({ ...s, id: `s${i}` }));
    const byLabel = codeTokensByLabel(tokens, spans, labels);
    expect(byLabel.map((codes) => [...codes])).toEqual(labels.map((label) => [...codeTokens(tokens, spans, label)]));
    expect(byLabel[0]!.some((c) => c === 1) && byLabel[1]!.some((c) => c === 1)).toBe(true);
  });
});
