// Keyboard for the comparison: n / j / ↓ next disagreement, p / k / ↑ previous, 1–3 take that
// annotator's version, b both (all), 0 neither, e edit. Keys typed into a field are left alone.
import { useEffect, useRef } from 'react';
import type { GoldChoice } from '../../../shared/adjudication/plan-gold-change';

export interface CompareKeyActions {
  next(): void;
  previous(): void;
  choose(choice: GoldChoice): void;
  edit(): void;
  readonly enabled: boolean;
}

export function useCompareKeys(actions: CompareKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const current = latest.current;
      if (!current.enabled || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [contenteditable="true"]') != null) return;
      const key = event.key.toLowerCase();
      const handled = (() => {
        if (key === 'n' || key === 'j' || key === 'arrowdown') current.next();
        else if (key === 'p' || key === 'k' || key === 'arrowup') current.previous();
        else if (key === '1' || key === '2' || key === '3') current.choose({ kind: 'column', column: Number(key) - 1 });
        else if (key === 'b') current.choose({ kind: 'all' });
        else if (key === '0') current.choose({ kind: 'none' });
        else if (key === 'e') current.edit();
        else return false;
        return true;
      })();
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
