// Paints find-in-article hits with the CSS Custom Highlight API, apart from the span highlights: every
// hit in `isnad-find`, the current one in `isnad-find-current`, both above the labels' colours.
export const FIND_HIGHLIGHT = 'isnad-find';
export const FIND_CURRENT_HIGHLIGHT = 'isnad-find-current';

const FIND_CSS = [
  `::highlight(${FIND_HIGHLIGHT}) { background-color: rgb(250 204 21 / 0.55); color: #000; }`,
  `::highlight(${FIND_CURRENT_HIGHLIGHT}) { background-color: rgb(234 88 12 / 0.7); color: #fff; }`,
].join('\n');

export class FindPainter {
  private readonly sheet = new CSSStyleSheet();
  private readonly all = new Highlight();
  private readonly current = new Highlight();

  constructor() {
    this.sheet.replaceSync(FIND_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    this.all.priority = 1100;
    this.current.priority = 1101;
    CSS.highlights.set(FIND_HIGHLIGHT, this.all);
    CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, this.current);
  }

  show(ranges: readonly AbstractRange[], currentIndex: number): void {
    this.all.clear();
    this.current.clear();
    ranges.forEach((range, index) => (index === currentIndex ? this.current : this.all).add(range));
  }

  clear(): void {
    this.all.clear();
    this.current.clear();
  }

  dispose(): void {
    CSS.highlights.delete(FIND_HIGHLIGHT);
    CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
  }
}
