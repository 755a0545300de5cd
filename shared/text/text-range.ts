// A half-open range [startUtf16, endUtf16) of a document's text, in UTF-16 code units: what the
// Arabic text helpers (find, snapping, clitic exclusion) take and return.
export interface TextRangeUtf16 {
  startUtf16: number;
  endUtf16: number;
}
