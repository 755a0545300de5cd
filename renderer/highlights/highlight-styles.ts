// The ::highlight() rules for every label, built from the labels' data. Colours come from the
// database, so they are checked before they reach a stylesheet; names become safe CSS identifiers.
import type { Label } from '../../shared/rpc/domain';

export const SELECTED_HIGHLIGHT = 'isnad-selected';
export const FLASH_HIGHLIGHT = 'isnad-flash';
/** Every span of the claim frame under the pointer in the side panel. */
export const FRAME_HOVER_HIGHLIGHT = 'isnad-frame-hover';
/** The span Tab has reached while picking a speaker, source or cue. */
export const LINK_CANDIDATE_HIGHLIGHT = 'isnad-link-candidate';
const FALLBACK_COLOR = '#7a7a7a';
const DECORATION_STYLES = ['solid', 'dotted', 'wavy', 'dashed', 'double'] as const;

/** `isnad-<label>` when the label name is a plain identifier, otherwise an index-based name. */
export function highlightNameForLabel(labelName: string, index: number): string {
  return /^[a-z][a-z0-9_-]*$/i.test(labelName) ? `isnad-${labelName}` : `isnad-label-${index}`;
}

export function safeCssColor(color: string): string {
  const trimmed = color.trim();
  const hex = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
  const fn = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]*\)$/i;
  const named = /^[a-z]{3,30}$/i;
  return hex.test(trimmed) || fn.test(trimmed) || named.test(trimmed) ? trimmed : FALLBACK_COLOR;
}

/**
 * Overlaps must stay readable: every label gets a translucent background so layers blend, and
 * every label after the first also an underline of its own style, so nested spans stay distinct.
 */
export function buildHighlightCss(labels: readonly Label[]): string {
  const rules = labels.map((label, index) => {
    const name = highlightNameForLabel(label.name, index);
    const color = safeCssColor(label.color);
    const declarations = [`background-color: color-mix(in srgb, ${color} ${index === 0 ? 30 : 22}%, transparent);`];
    if (index > 0) {
      const style = DECORATION_STYLES[(index - 1) % DECORATION_STYLES.length];
      declarations.push(
        'text-decoration-line: underline;',
        `text-decoration-color: ${color};`,
        `text-decoration-style: ${style};`,
        'text-decoration-thickness: 2px;',
      );
    }
    return `::highlight(${name}) { ${declarations.join(' ')} }`;
  });
  rules.push(
    `::highlight(${SELECTED_HIGHLIGHT}) { background-color: rgb(15 23 42 / 0.14); color: #000; text-decoration-line: underline overline; text-decoration-color: rgb(15 23 42 / 0.85); text-decoration-thickness: 1.5px; }`,
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: rgb(255 99 71 / 0.45); }`,
    `::highlight(${FRAME_HOVER_HIGHLIGHT}) { background-color: rgb(14 94 99 / 0.22); text-decoration-line: underline; text-decoration-color: #0e5e63; text-decoration-thickness: 3px; }`,
    `::highlight(${LINK_CANDIDATE_HIGHLIGHT}) { background-color: rgb(124 58 237 / 0.28); color: #000; text-decoration-line: underline overline; text-decoration-color: #7c3aed; text-decoration-thickness: 2px; }`,
  );
  return rules.join('\n');
}
