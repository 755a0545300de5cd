// Window-wide keys: a label's shortcut tags the selection (matched on KeyboardEvent.code, the
// physical key, so Digit1 works on an Arabic layout too), Delete removes the selected span and
// Escape deselects it. Keys typed into form fields are left alone.
import { useEffect, useRef } from 'react';
import type { Label } from '../../shared/rpc/domain';

interface Handlers {
  enabled: boolean;
  labels: readonly Label[];
  selectedSpanId: string | null;
  onTag: (labelName: string) => void;
  onDeleteSpan: (spanId: string) => void;
  onDeselect: () => void;
}

function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[data-testid="editor"]') !== null) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useKeyboardShortcuts(handlers: Handlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { enabled, labels, selectedSpanId, onTag, onDeleteSpan, onDeselect } = latest.current;
      if (!enabled || event.ctrlKey || event.metaKey || event.altKey || event.isComposing || isFormField(event.target)) return;
      const label = labels.find((candidate) => candidate.shortcutCode === event.code);
      if (label !== undefined) {
        event.preventDefault();
        event.stopPropagation();
        onTag(label.name);
      } else if (event.code === 'Delete' && selectedSpanId !== null) {
        event.preventDefault();
        onDeleteSpan(selectedSpanId);
      } else if (event.code === 'Escape' && selectedSpanId !== null) {
        onDeselect();
      }
    };
    // Capture phase: the shortcut must win over the editor's own handling of the key.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
