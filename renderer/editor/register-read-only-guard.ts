// Keeps the article text immutable while the editor stays editable (so the caret, Shift+arrow
// selection and copy keep working): every mutating command is swallowed at the highest priority,
// native beforeinput is cancelled, and anything that still slips through (IME composition cannot
// be cancelled) is detected by a text-content check and reported so the caller can restore the text.
import {
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_ENTER_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  REDO_COMMAND,
  REMOVE_TEXT_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  UNDO_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';

function swallow(event: unknown): boolean {
  if (event instanceof Event) event.preventDefault();
  return true;
}

function block<P>(editor: LexicalEditor, command: LexicalCommand<P>): () => void {
  return editor.registerCommand(command, swallow, COMMAND_PRIORITY_CRITICAL);
}

function preventInput(event: Event): void {
  event.preventDefault();
}

/**
 * @param isExpectedTextContent tells whether Lexical's current text content is the loaded document's.
 * @param onTextMutated called (outside any update) when the text changed despite the guard.
 */
export function registerReadOnlyGuard(
  editor: LexicalEditor,
  isExpectedTextContent: (textContent: string) => boolean,
  onTextMutated: () => void,
): () => void {
  let restoreQueued = false;
  return mergeRegister(
    block(editor, CONTROLLED_TEXT_INSERTION_COMMAND),
    block(editor, PASTE_COMMAND),
    block(editor, CUT_COMMAND),
    block(editor, DROP_COMMAND),
    block(editor, DELETE_CHARACTER_COMMAND),
    block(editor, DELETE_WORD_COMMAND),
    block(editor, DELETE_LINE_COMMAND),
    block(editor, REMOVE_TEXT_COMMAND),
    block(editor, INSERT_PARAGRAPH_COMMAND),
    block(editor, INSERT_LINE_BREAK_COMMAND),
    block(editor, INSERT_TAB_COMMAND),
    block(editor, SELECTION_INSERT_CLIPBOARD_NODES_COMMAND),
    block(editor, FORMAT_TEXT_COMMAND),
    block(editor, FORMAT_ELEMENT_COMMAND),
    block(editor, INDENT_CONTENT_COMMAND),
    block(editor, OUTDENT_CONTENT_COMMAND),
    block(editor, UNDO_COMMAND),
    block(editor, REDO_COMMAND),
    // Keys whose default action edits text. Tab is left alone so keyboard users can leave the editor.
    block(editor, KEY_ENTER_COMMAND),
    block(editor, KEY_BACKSPACE_COMMAND),
    block(editor, KEY_DELETE_COMMAND),
    editor.registerRootListener((root, previousRoot) => {
      // Capture phase: cancel the browser's own edit before Lexical or the DOM sees it.
      previousRoot?.removeEventListener('beforeinput', preventInput, true);
      root?.addEventListener('beforeinput', preventInput, true);
    }),
    editor.registerTextContentListener((textContent) => {
      if (isExpectedTextContent(textContent) || restoreQueued) return;
      restoreQueued = true;
      // Restore after the current update (and any composition) has settled.
      queueMicrotask(() => {
        restoreQueued = false;
        onTextMutated();
      });
    }),
    () => {
      const root = editor.getRootElement();
      root?.removeEventListener('beforeinput', preventInput, true);
    },
  );
}
