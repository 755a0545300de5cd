// Builds the read-only article in Lexical: one right-to-left ParagraphNode per line of the
// canonical text, holding one TextNode (none for a blank line). Call inside editor.update().
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { ParagraphKeyIndex } from '../text/ParagraphKeyIndex';
import { ParagraphOffsets } from '../text/ParagraphOffsets';

export function $loadDocumentText(text: string): ParagraphKeyIndex {
  const root = $getRoot();
  root.clear();
  // Explicit rtl on the root and on every paragraph: left to Lexical, each paragraph gets
  // dir="auto" and one that starts with a Latin word or a digit would turn left-to-right.
  root.setDirection('rtl');
  const paragraphKeys: string[] = [];
  const textKeys: (string | null)[] = [];
  for (const line of text.split('\n')) {
    const paragraph = $createParagraphNode().setDirection('rtl');
    if (line === '') {
      textKeys.push(null);
    } else {
      const textNode = $createTextNode(line);
      paragraph.append(textNode);
      textKeys.push(textNode.getKey());
    }
    root.append(paragraph);
    paragraphKeys.push(paragraph.getKey());
  }
  return new ParagraphKeyIndex(new ParagraphOffsets(text), root.getKey(), paragraphKeys, textKeys);
}
