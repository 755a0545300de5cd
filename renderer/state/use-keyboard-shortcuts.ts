// Window-wide keys, all matched on KeyboardEvent.code (the physical key, so they work on an Arabic
// layout too): label keys tag the selection (Alt keeps the exact characters), S/R/C link the selected
// claim, Tab steps through spans, [ ] move the selected span's ends, X drops leading clitics, A
// focuses its attributes, Delete, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, ? for help. Keys typed into form
// fields are left alone, so Tab and undo keep working there.
import { useEffect, useRef } from 'react';
import type { Label } from '../../shared/rpc/domain';
import type { LinkKey } from '../frames/link-keys';
import type { MoveDirection, MoveUnit, SpanEdge } from '../spans/move-span-boundary';

interface Handlers {
  enabled: boolean;
  labels: readonly Label[];
  selectedSpanId: string | null;
  linkKeys: readonly LinkKey[];
  linking: boolean;
  helpOpen: boolean;
  onTag: (labelName: string, exact: boolean) => void;
  onDeleteSpan: (spanId: string) => void;
  onDeselect: () => void;
  onStartLink: (relationType: string) => void;
  onCycleCandidate: (direction: MoveDirection) => void;
  onConfirmLink: () => void;
  onCancelLink: () => void;
  onStepSpan: (direction: MoveDirection) => void;
  onMoveBoundary: (edge: SpanEdge, direction: MoveDirection, unit: MoveUnit) => void;
  onExcludeClitics: () => void;
  onFocusAttributes: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onToggleHelp: (open: boolean) => void;
}

function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[data-testid="editor"]') !== null) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Tab steps through spans only where the annotator is working on spans: the article or the side panel. */
function inSpanArea(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return target === window || target === document || target === document.body;
  return target === document.body || target.closest('[data-testid="editor"], .spans-pane') !== null;
}

export function useKeyboardShortcuts(handlers: Handlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const h = latest.current;
      if (event.isComposing) return;
      const handled = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      if (h.helpOpen) {
        if (event.code === 'Escape' || (event.code === 'Slash' && event.shiftKey)) {
          handled();
          h.onToggleHelp(false);
        }
        return;
      }
      if (!h.enabled || isFormField(event.target)) return;
      const ctrl = event.ctrlKey || event.metaKey;
      if (ctrl) {
        if (event.code === 'KeyZ' && !event.shiftKey && !event.altKey) {
          handled();
          h.onUndo();
        } else if ((event.code === 'KeyZ' && event.shiftKey) || (event.code === 'KeyY' && !event.shiftKey)) {
          handled();
          h.onRedo();
        }
        return;
      }
      if (event.code === 'Slash' && event.shiftKey) {
        handled();
        h.onToggleHelp(true);
        return;
      }
      if (h.linking) {
        if (event.code === 'Tab') {
          handled();
          h.onCycleCandidate(event.shiftKey ? -1 : 1);
        } else if (event.code === 'Enter' || event.code === 'NumpadEnter') {
          handled();
          h.onConfirmLink();
        } else if (event.code === 'Escape') {
          handled();
          h.onCancelLink();
        }
        return;
      }
      const label = h.labels.find((candidate) => candidate.shortcutCode === event.code);
      if (label !== undefined && !event.shiftKey) {
        handled();
        h.onTag(label.name, event.altKey);
        return;
      }
      if (event.code === 'Tab' && !event.altKey && inSpanArea(event.target)) {
        handled();
        h.onStepSpan(event.shiftKey ? -1 : 1);
        return;
      }
      if (event.code === 'Escape' && h.selectedSpanId !== null) {
        h.onDeselect();
        return;
      }
      if (h.selectedSpanId === null) return;
      if (event.code === 'Delete') {
        handled();
        h.onDeleteSpan(h.selectedSpanId);
      } else if (event.code === 'BracketLeft' || event.code === 'BracketRight') {
        handled();
        h.onMoveBoundary(event.shiftKey ? 'end' : 'start', event.code === 'BracketLeft' ? -1 : 1, event.altKey ? 'word' : 'character');
      } else if (event.altKey || event.shiftKey) {
        return;
      } else if (event.code === 'KeyX') {
        handled();
        h.onExcludeClitics();
      } else if (event.code === 'KeyA') {
        handled();
        h.onFocusAttributes();
      } else {
        const linkKey = h.linkKeys.find((candidate) => candidate.code === event.code);
        if (linkKey !== undefined) {
          handled();
          h.onStartLink(linkKey.relationType);
        }
      }
    };
    // Capture phase: the shortcut must win over the editor's own handling of the key.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
