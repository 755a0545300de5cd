// The one canonical form of a document's text: every offset, hash and export is computed on it.
// BOM removed, line endings normalized to \n, Unicode NFC.

export function canonicalizeText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** The title shown in document lists: the first non-blank line, trimmed and shortened. */
export function titleFromText(text: string, fallback: string, maxLength = 120): string {
  const firstLine = text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  const title = firstLine === '' ? fallback : firstLine;
  return title.length > maxLength ? `${title.slice(0, maxLength - 1)}…` : title;
}
