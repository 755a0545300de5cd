// Wraps text interpolated into a translated sentence in Unicode first-strong isolates (FSI … PDI),
// so an Arabic name inside an English sentence (or the reverse) keeps its own direction and does not
// reorder the punctuation around it, as <bdi> does for text in its own element.
export function isolateBidi(text: string): string {
  return `\u2068${text}\u2069`;
}
