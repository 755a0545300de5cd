// Paints spans with the CSS Custom Highlight API: one Highlight per label holding DOM Ranges, so the
// text is never wrapped in elements (which would break Arabic letter joining) and thousands of
// overlapping spans stay cheap. Updates are incremental: only spans that changed touch a Highlight.
import type { Label } from '../../shared/rpc/domain';
import { buildHighlightCss, FLASH_HIGHLIGHT, FRAME_HOVER_HIGHLIGHT, highlightNameForLabel, LINK_CANDIDATE_HIGHLIGHT, SELECTED_HIGHLIGHT } from './highlight-styles';

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
  range: AbstractRange | null;
}

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

  /** Brings the painted ranges in line with `spans`, creating Ranges only for new or moved spans. */
  sync(spans: readonly PaintableSpan[], makeRange: RangeFactory): void {
    const seen = new Set<string>();
    for (const span of spans) {
      seen.add(span.id);
      const before = this.painted.get(span.id);
      if (before !== undefined && before.startUtf16 === span.startUtf16 && before.endUtf16 === span.endUtf16) {
        if (before.label !== span.label) {
          this.remove(before);
          before.label = span.label;
          this.add(before);
        }
        continue;
      }
      if (before !== undefined) this.remove(before);
      const entry: PaintedSpan = { label: span.label, startUtf16: span.startUtf16, endUtf16: span.endUtf16, range: makeRange(span.startUtf16, span.endUtf16) };
      this.painted.set(span.id, entry);
      this.add(entry);
    }
    for (const [id, entry] of this.painted) {
      if (!seen.has(id)) {
        this.remove(entry);
        this.painted.delete(id);
      }
    }
  }

  /** Forgets every range: the text nodes they point into are gone (another document was loaded). */
  clear(): void {
    this.painted.clear();
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

  private add(entry: PaintedSpan): void {
    if (entry.range !== null) this.labelHighlights.get(entry.label)?.highlight.add(entry.range);
  }

  private remove(entry: PaintedSpan): void {
    if (entry.range !== null) this.labelHighlights.get(entry.label)?.highlight.delete(entry.range);
  }
}

/**
 * Sets a Highlight's ranges, touching it only when they differ: in Chromium any mutation of any
 * registered Highlight (even clear() + add() of an equal range) rebuilds the highlight markers of
 * the whole document and repaints all highlighted text, ~100 ms on a 200k-character article. These
 * setters run on every spans change (every tag), so an unchanged set must cost nothing.
 */
function replaceRanges(highlight: Highlight, ranges: readonly AbstractRange[]): void {
  if (highlight.size === ranges.length) {
    const current = [...highlight.keys()];
    if (ranges.every((range, index) => sameRange(current[index], range))) return;
  }
  highlight.clear();
  for (const range of ranges) highlight.add(range);
}

function sameRange(a: AbstractRange | undefined, b: AbstractRange): boolean {
  return (
    a !== undefined &&
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}
