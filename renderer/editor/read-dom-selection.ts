// The selection as the user sees it right now. Lexical's own selection follows the asynchronous
// `selectionchange` event, so a shortcut pressed right after Shift+arrow, or a quick click, would
// otherwise act on the previous selection. Call inside editor.read() or a command handler.
import { $createRangeSelectionFromDom, $getSelection, $isRangeSelection, type LexicalEditor, type RangeSelection } from 'lexical';

export function $readDomSelection(editor: LexicalEditor): RangeSelection | null {
  const root = editor.getRootElement();
  const domSelection = root?.ownerDocument.defaultView?.getSelection() ?? null;
  const fromDom = domSelection !== null && domSelection.anchorNode !== null && root?.contains(domSelection.anchorNode)
    ? $createRangeSelectionFromDom(domSelection, editor)
    : null;
  if (fromDom !== null) return fromDom;
  const selection = $getSelection();
  return $isRangeSelection(selection) ? selection : null;
}
