// The canonical form every hash and offset is computed on: no BOM, \n line endings, NFC.
import { describe, expect, it } from 'vitest';
import { canonicalizeText, titleFromText } from './canonical-text';

describe('canonicalizeText', () => {
  it('removes a leading BOM only', () => {
    expect(canonicalizeText('\ufeffقال')).toBe('قال');
    expect(canonicalizeText('قال\ufeff')).toBe('قال\ufeff');
  });

  it('normalizes \\r\\n and lone \\r to \\n', () => {
    expect(canonicalizeText('سطر\r\nسطر\rسطر\n')).toBe('سطر\nسطر\nسطر\n');
    expect(canonicalizeText('a\r\r\nb')).toBe('a\n\nb');
  });

  it('composes to NFC, including Arabic hamza and madda sequences', () => {
    // ALEF + combining MADDA ABOVE composes to ALEF WITH MADDA ABOVE (U+0622).
    expect(canonicalizeText('\u0627\u0653')).toBe('\u0622');
    expect(canonicalizeText('e\u0301')).toBe('\u00e9');
  });

  it('is idempotent', () => {
    const raw = '\ufeff\u0627\u0653\r\nقَالَ\r';
    expect(canonicalizeText(canonicalizeText(raw))).toBe(canonicalizeText(raw));
  });
});

describe('titleFromText', () => {
  it('takes the first non-blank line, trimmed', () => {
    expect(titleFromText('\n   \n  واشنطن: القوات الأميركية  \nالنص', 'fallback')).toBe('واشنطن: القوات الأميركية');
  });

  it('falls back when the text has no visible line', () => {
    expect(titleFromText('\n \n', 'article-1')).toBe('article-1');
  });

  it('shortens long lines with an ellipsis, to the maximum length', () => {
    const title = titleFromText('ك'.repeat(200), 'x', 50);
    expect(title).toHaveLength(50);
    expect(title.endsWith('…')).toBe(true);
  });
});
