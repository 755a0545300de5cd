// Canonicalizes an imported text (shared/text/canonical-text.ts) and keeps a map from offsets in
// the source text to offsets in the canonical one, so that spans recorded against a file with a BOM,
// \r\n line endings or decomposed characters land on the same characters after canonicalization.
import { canonicalizeText } from '../text/canonical-text';
import { OffsetMap } from '../text/offset-map';
import { partitionPoint } from '../util/partition-point';

export interface CanonicalSource {
  /** The text as the file had it; the importer's offsets count against this. */
  readonly raw: string;
  readonly rawMap: OffsetMap;
  /** The canonical text the document will hold. */
  readonly text: string;
  readonly textMap: OffsetMap;
  /** Plain-language list of what canonicalization changed; empty when the text was canonical. */
  readonly changes: string[];
  /** Canonical UTF-16 offset of a source UTF-16 offset, or undefined inside a merged sequence. */
  toCanonicalUtf16(rawUtf16: number): number | undefined;
}

/** A source stretch that canonicalization rewrote, e.g. "\r\n" → "\n" or "ا" + U+0653 → "آ". */
interface ChangedPiece {
  rawStart: number;
  rawEnd: number;
  canonicalEnd: number;
}

let graphemes: Intl.Segmenter | undefined;

export function canonicalizeSource(raw: string): CanonicalSource {
  const text = canonicalizeText(raw);
  const rawMap = new OffsetMap(raw);
  if (text === raw) {
    return { raw, rawMap, text, textMap: rawMap, changes: [], toCanonicalUtf16: (offset) => offset };
  }
  const pieces = changedPieces(raw, text);
  return {
    raw,
    rawMap,
    text,
    textMap: new OffsetMap(text),
    changes: describeChanges(raw, pieces),
    toCanonicalUtf16: (offset) => mapOffset(pieces, offset),
  };
}

/**
 * BOM removal, \r\n → \n and NFC composition all act within one extended grapheme cluster (\r\n is
 * one cluster; a combining mark extends its base), so canonicalizing cluster by cluster gives the
 * same text and exact boundaries. If that ever disagreed, the whole text counts as one changed
 * piece: every inner offset is then refused rather than guessed.
 */
function changedPieces(raw: string, text: string): ChangedPiece[] {
  const pieces: ChangedPiece[] = [];
  let rawOffset = 0;
  let canonicalOffset = 0;
  let rebuilt = '';
  if (raw.charCodeAt(0) === 0xfeff) {
    pieces.push({ rawStart: 0, rawEnd: 1, canonicalEnd: 0 });
    rawOffset = 1;
  }
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(raw.slice(rawOffset))) {
    const canonical = segment.replace(/\r\n?/g, '\n').normalize('NFC');
    rebuilt += canonical;
    if (canonical !== segment) {
      pieces.push({ rawStart: rawOffset, rawEnd: rawOffset + segment.length, canonicalEnd: canonicalOffset + canonical.length });
    }
    rawOffset += segment.length;
    canonicalOffset += canonical.length;
  }
  if (rebuilt !== text) return [{ rawStart: 0, rawEnd: raw.length, canonicalEnd: text.length }];
  return pieces;
}

function mapOffset(pieces: readonly ChangedPiece[], rawUtf16: number): number | undefined {
  // Last changed piece starting strictly before the offset.
  const before = pieces[partitionPoint(pieces.length, (i) => pieces[i]!.rawStart < rawUtf16) - 1];
  if (before === undefined) return rawUtf16;
  if (rawUtf16 < before.rawEnd) return undefined;
  return rawUtf16 + before.canonicalEnd - before.rawEnd;
}

function describeChanges(raw: string, pieces: readonly ChangedPiece[]): string[] {
  const changes: string[] = [];
  if (raw.charCodeAt(0) === 0xfeff) changes.push('removed the byte-order mark');
  const crlf = raw.match(/\r\n/g)?.length ?? 0;
  const lone = (raw.match(/\r/g)?.length ?? 0) - crlf;
  if (crlf > 0) changes.push(`replaced ${crlf} \\r\\n line ending${crlf === 1 ? '' : 's'} with \\n`);
  if (lone > 0) changes.push(`replaced ${lone} lone \\r line ending${lone === 1 ? '' : 's'} with \\n`);
  const composed = pieces.filter((piece) => {
    const segment = raw.slice(piece.rawStart, piece.rawEnd);
    return !segment.includes('\r') && segment !== '\ufeff';
  }).length;
  if (composed > 0) changes.push(`composed ${composed} character sequence${composed === 1 ? '' : 's'} to Unicode NFC`);
  return changes;
}

/** The warning every importer adds when it changed a text, so the user knows offsets were mapped. */
export function canonicalizationWarning(changes: readonly string[]): string | undefined {
  if (changes.length === 0) return undefined;
  return `Text canonicalized: ${changes.join('; ')}. Offsets were mapped onto the canonical text.`;
}
