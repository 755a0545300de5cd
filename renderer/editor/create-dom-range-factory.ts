// Turns document offsets into (static) DOM ranges over the text Lexical rendered, for highlights
// and scrolling. Paragraphs are found by binary search over the offset table and each paragraph's DOM
// text node is cached, so thousands of ranges never walk the DOM.
import type { LexicalEditor } from 'lexical';
import type { RangeFactory } from '../highlights/HighlightPainter';
import { staticRangeBetween } from '../highlights/static-ranges';
import type { ParagraphKeyIndex } from '../text/ParagraphKeyIndex';

export function createDomRangeFactory(editor: LexicalEditor, index: ParagraphKeyIndex): RangeFactory {
  const textNodes: (Node | null | undefined)[] = [];

  const domPoint = (offsetUtf16: number): [Node, number] | null => {
    const { paragraphIndex, offsetInParagraphUtf16 } = index.offsets.locateUtf16(offsetUtf16);
    let node = textNodes[paragraphIndex];
    if (node === undefined) {
      const textKey = index.textKeys[paragraphIndex];
      node = textKey == null ? null : (editor.getElementByKey(textKey)?.firstChild ?? null);
      textNodes[paragraphIndex] = node;
    }
    if (node !== null) return [node, Math.min(offsetInParagraphUtf16, node.textContent?.length ?? 0)];
    // A blank line has no text node: point at its (empty) paragraph element.
    const paragraphKey = index.paragraphKeys[paragraphIndex];
    const element = paragraphKey === undefined ? null : editor.getElementByKey(paragraphKey);
    return element === null ? null : [element, 0];
  };

  return (startUtf16, endUtf16) => {
    const start = domPoint(startUtf16);
    const end = domPoint(endUtf16);
    if (start === null || end === null) return null;
    return staticRangeBetween(start, end);
  };
}
