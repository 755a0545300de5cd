// Paints spans with the CSS Custom Highlight API: one Highlight per label holding DOM Ranges, so the
// text is never wrapped in elements (which would break Arabic letter joining). Only spans inside the
// text window near the viewport are registered: Chromium re-walks every registered range whenever any
// Highlight changes, so 2,000 registered spans made each tag's frame 4x dearer than the ~100 in view.
import type { Label } from '../../shared/rpc/domain';
import { buildHighlightCss, FLASH_HIGHLIGHT, FRAME_HOVER_HIGHLIGHT, highlightNameForLabel, LINK_CANDIDATE_HIGHLIGHT, SELECTED_HIGHLIGHT } from './highlight-styles';
import { replaceRanges } from './replace-ranges';

export interface PaintableSpan {
  id: string;
  label: string;
  startUtf16: number;
  endUtf16: number;
}

export type RangeFactory = (startUtf16: number, endUtf16: number) => AbstractRange | null;

interface PaintedSpan {
  label: string;
  startUtf16: number;
  endUtf16: number;
  /** Created when the span first enters the window; undefined until then. */
  range: AbstractRange | null | undefined;
  /** Whether the range is in its label's Highlight now. */
  shown: boolean;
  /** Painted by paintOne and not yet in a synced list: sync leaves it alone until then. */
  provisional: boolean;
}

/** Half-open [startUtf16, endUtf16) of the text whose spans are registered. */
export interface TextWindowUtf16 {
  startUtf16: number;
  endUtf16: number;
}

/** Every span is registered until the editor reports where the viewport is. */
const WHOLE_TEXT: TextWindowUtf16 = { startUtf16: 0, endUtf16: Number.POSITIVE_INFINITY };

const FLASH_MS = 1200;

export class HighlightPainter {
  private readonly sheet = new CSSStyleSheet();
  private readonly labelHighlights = new Map<string, { name: string; highlight: Highlight }>();
  private readonly painted = new Map<string, PaintedSpan>();
  private readonly selected = new Highlight();
  private readonly flashing = new Highlight();
  private readonly hovered = new Highlight();
  private readonly candidate = new Highlight();
  private flashTimer: number | undefined;
  private window: TextWindowUtf16 = WHOLE_TEXT;
  private makeRange: RangeFactory | null = null;

  constructor(labels: readonly Label[]) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    this.selected.priority = 1000;
    this.flashing.priority = 1001;
    CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
    CSS.highlights.set(FLASH_HIGHLIGHT, this.flashing);
    this.hovered.priority = 999;
    this.candidate.priority = 1002;
    CSS.highlights.set(FRAME_HOVER_HIGHLIGHT, this.hovered);
    CSS.highlights.set(LINK_CANDIDATE_HIGHLIGHT, this.candidate);
    this.setLabels(labels);
  }

  setLabels(labels: readonly Label[]): void {
    this.sheet.replaceSync(buildHighlightCss(labels));
    labels.forEach((label, index) => {
      const name = highlightNameForLabel(label.name, index);
      let entry = this.labelHighlights.get(label.name);
      if (entry === undefined) {
        entry = { name, highlight: new Highlight() };
        this.labelHighlights.set(label.name, entry);
      } else if (entry.name !== name) {
        CSS.highlights.delete(entry.name);
        entry.name = name;
      }
      // Later labels paint above earlier ones, so a speaker inside a claim stays visible.
      entry.highlight.priority = index;
      CSS.highlights.set(name, entry.highlight);
    });
  }

  /** Brings the painted spans in line with `spans`; only new or moved spans inside the window touch a Highlight. */
  sync(spans: readonly PaintableSpan[], makeRange: RangeFactory): void {
    this.makeRange = makeRange;
    const seen = new Set<string>();
    for (const span of spans) {
      seen.add(span.id);
      const before = this.painted.get(span.id);
      if (before !== undefined && before.startUtf16 === span.startUtf16 && before.endUtf16 === span.endUtf16) {
        if (before.label !== span.label) {
          this.hide(before);
          before.label = span.label;
          this.showIfInWindow(before);
        }
        continue;
      }
      if (before !== undefined) this.hide(before);
      const entry: PaintedSpan = { label: span.label, startUtf16: span.startUtf16, endUtf16: span.endUtf16, range: undefined, shown: false, provisional: false };
      this.painted.set(span.id, entry);
      this.showIfInWindow(entry);
    }
    for (const [id, entry] of this.painted) {
      if (entry.provisional) {
        if (seen.has(id)) entry.provisional = false;
        continue;
      }
      if (!seen.has(id)) {
        this.hide(entry);
        this.painted.delete(id);
      }
    }
  }

  /**
   * Paints one span now, ahead of the span list that will contain it (a span being saved). Syncs
   * leave it painted until a synced list contains it; `unpaint` removes it if it never arrives.
   */
  paintOne(span: PaintableSpan): void {
    if (this.painted.has(span.id)) return;
    const entry: PaintedSpan = { label: span.label, startUtf16: span.startUtf16, endUtf16: span.endUtf16, range: undefined, shown: false, provisional: true };
    this.painted.set(span.id, entry);
    this.showIfInWindow(entry);
  }

  unpaint(spanId: string): void {
    const entry = this.painted.get(spanId);
    if (entry === undefined) return;
    this.hide(entry);
    this.painted.delete(spanId);
  }

  /**
   * Registers the spans that meet `window` and unregisters the others. The editor calls this as the
   * viewport moves, with a margin, so highlights are in place before their text scrolls into view.
   */
  setWindow(next: TextWindowUtf16): void {
    if (next.startUtf16 === this.window.startUtf16 && next.endUtf16 === this.window.endUtf16) return;
    this.window = next;
    for (const entry of this.painted.values()) {
      if (this.inWindow(entry)) this.showIfInWindow(entry);
      else this.hide(entry);
    }
  }

  /** Forgets every range: the text nodes they point into are gone (another document was loaded). */
  clear(): void {
    this.painted.clear();
    this.window = WHOLE_TEXT;
    for (const { highlight } of this.labelHighlights.values()) highlight.clear();
    this.selected.clear();
    this.flashing.clear();
    this.hovered.clear();
    this.candidate.clear();
  }

  /** Lights up every span of the hovered claim frame (an empty list clears it). */
  hover(ranges: readonly AbstractRange[]): void {
    replaceRanges(this.hovered, ranges);
  }

  markCandidate(range: AbstractRange | null): void {
    replaceRanges(this.candidate, range === null ? [] : [range]);
  }

  select(range: AbstractRange | null): void {
    replaceRanges(this.selected, range === null ? [] : [range]);
  }

  flash(range: AbstractRange): void {
    window.clearTimeout(this.flashTimer);
    this.flashing.clear();
    this.flashing.add(range);
    this.flashTimer = window.setTimeout(() => this.flashing.clear(), FLASH_MS);
  }

  dispose(): void {
    window.clearTimeout(this.flashTimer);
    for (const { name } of this.labelHighlights.values()) CSS.highlights.delete(name);
    CSS.highlights.delete(SELECTED_HIGHLIGHT);
    CSS.highlights.delete(FLASH_HIGHLIGHT);
    CSS.highlights.delete(FRAME_HOVER_HIGHLIGHT);
    CSS.highlights.delete(LINK_CANDIDATE_HIGHLIGHT);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
  }

  private inWindow(entry: PaintedSpan): boolean {
    // Empty spans cannot exist, but a zero-width window edge must not drop a span that touches it.
    return entry.startUtf16 < this.window.endUtf16 && entry.endUtf16 > this.window.startUtf16;
  }

  private showIfInWindow(entry: PaintedSpan): void {
    if (entry.shown || !this.inWindow(entry) || this.makeRange === null) return;
    if (entry.range === undefined) entry.range = this.makeRange(entry.startUtf16, entry.endUtf16);
    if (entry.range === null) return;
    this.labelHighlights.get(entry.label)?.highlight.add(entry.range);
    entry.shown = true;
  }

  private hide(entry: PaintedSpan): void {
    if (!entry.shown || entry.range == null) return;
    this.labelHighlights.get(entry.label)?.highlight.delete(entry.range);
    entry.shown = false;
  }
}
