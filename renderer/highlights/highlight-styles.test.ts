import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../shared/labels/default-labels';
import { buildHighlightCss, highlightNameForLabel, safeCssColor } from './highlight-styles';

describe('highlight styles', () => {
  it('gives each default label its own ::highlight rule in its colour', () => {
    const css = buildHighlightCss(DEFAULT_LABELS);
    for (const label of DEFAULT_LABELS) {
      expect(css).toContain(`::highlight(isnad-${label.name})`);
      expect(css).toContain(label.color);
    }
    expect(css).toContain('::highlight(isnad-selected)');
  });

  it('keeps hostile label data out of the stylesheet', () => {
    expect(safeCssColor('red; } body { display: none')).toBe('#7a7a7a');
    expect(safeCssColor('rgb(1 2 3 / 50%)')).toBe('rgb(1 2 3 / 50%)');
    expect(highlightNameForLabel('x) { } ::highlight(y', 3)).toBe('isnad-label-3');
    const css = buildHighlightCss([{ name: 'a}b', color: 'red;}', shortcutCode: 'Digit1', sortOrder: 1 }]);
    expect(css).not.toContain('red;}');
    expect(css).not.toContain('a}b');
  });
});
