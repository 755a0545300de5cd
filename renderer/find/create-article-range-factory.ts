// DOM Ranges over the article as rendered (one <p> per line, each with at most one text node), from
// document offsets: what the find bar paints and scrolls to. Independent of the editor's own range
// factory, so find works on whatever the article shows without reaching into the Lexical plugin.
import type { RangeFactory } from '../highlights/HighlightPainter';
import { staticRangeBetween } from '../highlights/static-ranges';
import { ParagraphOffsets } from '../text/ParagraphOffsets';

export function createArticleRangeFactory(editorRoot: HTMLElement, text: string): RangeFactory {
  const offsets = new ParagraphOffsets(text);
  const paragraphs = editorRoot.querySelectorAll<HTMLElement>(':scope > p');
  const textNodes = new Map<number, Node | null>();

  const point = (offsetUtf16: number): [Node, number] | null => {
    const { paragraphIndex, offsetInParagraphUtf16 } = offsets.locateUtf16(offsetUtf16);
    const paragraph = paragraphs[paragraphIndex];
    if (paragraph === undefined) return null;
    let node = textNodes.get(paragraphIndex);
    if (node === undefined) {
      node = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode();
      textNodes.set(paragraphIndex, node);
    }
    return node === null ? [paragraph, 0] : [node, Math.min(offsetInParagraphUtf16, node.textContent?.length ?? 0)];
  };

  return (startUtf16, endUtf16) => {
    const start = point(startUtf16);
    const end = point(endUtf16);
    if (start === null || end === null) return null;
    return staticRangeBetween(start, end);
  };
}
