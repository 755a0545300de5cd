// Long articles: paragraphs use `content-visibility: auto`, so the browser shapes and lays out
// only those near the viewport (shaping 200,000 Arabic characters at once takes over a second).
// Each skipped paragraph needs a size estimate to keep the scrollbar honest; once a paragraph has
// been rendered, the browser remembers its real size (the `auto` keyword).
import type { LexicalEditor } from 'lexical';
import type { ParagraphKeyIndex } from '../text/ParagraphKeyIndex';

/** Average advance of a Noto Naskh Arabic character, in em (measured on the news fixtures). */
const AVERAGE_CHAR_EM = 0.47;

export interface ArticleMetrics {
  fontSizePx: number;
  lineHeightPx: number;
  charsPerLine: number;
}

/**
 * Reads the article's font and width. Call it before the paragraphs are inserted: afterwards the
 * same reads force a style and layout pass over thousands of new paragraphs (~25 ms on a long article).
 */
export function measureArticle(editor: LexicalEditor): ArticleMetrics | null {
  const root = editor.getRootElement();
  if (root === null) return null;
  const style = getComputedStyle(root);
  const fontSizePx = Number.parseFloat(style.fontSize) || 20;
  const lineHeightPx = Number.parseFloat(style.lineHeight) || fontSizePx * 2;
  return { fontSizePx, lineHeightPx, charsPerLine: Math.max(10, root.clientWidth / (fontSizePx * AVERAGE_CHAR_EM)) };
}

export function applyParagraphSizeHints(editor: LexicalEditor, index: ParagraphKeyIndex, metrics: ArticleMetrics): void {
  const { lineHeightPx, charsPerLine } = metrics;
  index.paragraphKeys.forEach((key, paragraphIndex) => {
    const element = editor.getElementByKey(key);
    if (element === null) return;
    const lengthUtf16 = index.offsets.endUtf16(paragraphIndex) - index.offsets.startUtf16(paragraphIndex);
    const lines = Math.max(1, Math.ceil(lengthUtf16 / charsPerLine));
    element.style.containIntrinsicBlockSize = `auto ${Math.round(lines * lineHeightPx)}px`;
  });
}
