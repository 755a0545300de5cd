// Paints one comparison column with the CSS Custom Highlight API: one Highlight per kind of
// agreement, registered under names carrying the column index (isnad-cmp-<column>-<kind>), so the
// columns and the annotation editor never share or overwrite each other's highlights.
import type { ComparisonKind } from '../../../shared/adjudication/compare-annotators';
import { replaceRanges } from '../../highlights/replace-ranges';

export const PAINTED_KINDS: readonly ComparisonKind[] = ['match', 'details', 'boundary', 'label', 'missing'];
const FLASH_MS = 1200;

export function compareHighlightName(column: number, kind: ComparisonKind | 'current' | 'flash' | 'gold'): string {
  return `isnad-cmp-${column}-${kind}`;
}

export interface PaintedRange {
  readonly kind: ComparisonKind;
  readonly range: AbstractRange;
}

export class ComparePainter {
  private readonly byKind = new Map<ComparisonKind, Highlight>();
  private readonly current = new Highlight();
  private readonly flashing = new Highlight();
  private flashTimer: number | undefined;

  constructor(private readonly column: number) {
    PAINTED_KINDS.forEach((kind, index) => {
      const highlight = new Highlight();
      // Disagreements paint above agreements where spans of a column overlap.
      highlight.priority = index;
      this.byKind.set(kind, highlight);
      CSS.highlights.set(compareHighlightName(column, kind), highlight);
    });
    this.current.priority = 100;
    this.flashing.priority = 101;
    CSS.highlights.set(compareHighlightName(column, 'current'), this.current);
    CSS.highlights.set(compareHighlightName(column, 'flash'), this.flashing);
  }

  paint(ranges: readonly PaintedRange[]): void {
    for (const highlight of this.byKind.values()) highlight.clear();
    for (const { kind, range } of ranges) this.byKind.get(kind)?.add(range);
  }

  markCurrent(range: AbstractRange | null, flash: boolean): void {
    replaceRanges(this.current, range === null ? [] : [range]);
    if (range === null || !flash) return;
    window.clearTimeout(this.flashTimer);
    replaceRanges(this.flashing, [range]);
    this.flashTimer = window.setTimeout(() => this.flashing.clear(), FLASH_MS);
  }

  dispose(): void {
    window.clearTimeout(this.flashTimer);
    for (const kind of PAINTED_KINDS) CSS.highlights.delete(compareHighlightName(this.column, kind));
    CSS.highlights.delete(compareHighlightName(this.column, 'current'));
    CSS.highlights.delete(compareHighlightName(this.column, 'flash'));
  }
}
