// Turns offsets as a format records them (code points or UTF-16, on the source text) into UTF-16
// offsets on the canonical text, checking range, unit and the recorded covered text on the way.
// A mismatch is reported, never shifted: the message says which unit would have matched.
import { checkSpanRangeUtf16 } from '../text/check-span-range';
import { canonicalizeText } from '../text/canonical-text';
import type { CanonicalSource } from './canonical-source';
import type { CorpusFragment, OffsetUnit } from './corpus-model';
import { quote } from './parse-result';

export type LocateResult = ({ ok: true } & CorpusFragment) | { ok: false; message: string };

export interface LocateOptions {
  /** The covered text the format recorded beside the offsets (brat, Label Studio, W3C exact). */
  recordedText?: string;
}

export const UNIT_NAMES: Record<OffsetUnit, string> = { utf16: 'UTF-16 code units', codePoints: 'code points' };

export function locateSpan(source: CanonicalSource, start: unknown, end: unknown, unit: OffsetUnit, options: LocateOptions = {}): LocateResult {
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) {
    return { ok: false, message: `offsets must be whole numbers (start ${String(start)}, end ${String(end)})` };
  }
  const raw = toRawUtf16(source, start, end, unit);
  if (!raw.ok) return raw;
  const slice = source.raw.slice(raw.startUtf16, raw.endUtf16);
  if (options.recordedText !== undefined && !textMatches(options.recordedText, slice)) {
    const other: OffsetUnit = unit === 'utf16' ? 'codePoints' : 'utf16';
    const otherRange = toRawUtf16(source, start, end, other);
    const hint =
      otherRange.ok && textMatches(options.recordedText, source.raw.slice(otherRange.startUtf16, otherRange.endUtf16))
        ? ` It would match if the offsets counted ${UNIT_NAMES[other]}: was the file written by a tool that counts them that way?`
        : '';
    return {
      ok: false,
      message: `recorded text ${quote(options.recordedText)} does not match the text at ${start}–${end} (${UNIT_NAMES[unit]}): ${quote(slice)}.${hint}`,
    };
  }
  const startUtf16 = source.toCanonicalUtf16(raw.startUtf16);
  const endUtf16 = source.toCanonicalUtf16(raw.endUtf16);
  if (startUtf16 === undefined || endUtf16 === undefined) {
    return { ok: false, message: `span ${start}–${end} starts or ends inside a sequence that canonicalization merged (\\r\\n or a base letter with its combining mark)` };
  }
  const check = checkSpanRangeUtf16(source.textMap, startUtf16, endUtf16);
  if (!check.ok) return { ok: false, message: check.message };
  return { ok: true, startUtf16, endUtf16 };
}

function toRawUtf16(source: CanonicalSource, start: number, end: number, unit: OffsetUnit): LocateResult {
  const length = unit === 'utf16' ? source.rawMap.lengthUtf16 : source.rawMap.lengthCodePoints;
  if (start >= end) return { ok: false, message: `span must end after it starts (start ${start}, end ${end})` };
  if (start < 0 || end > length) {
    return { ok: false, message: `span ${start}–${end} lies outside the text (0–${length} ${UNIT_NAMES[unit]})` };
  }
  if (unit === 'codePoints') return { ok: true, startUtf16: source.rawMap.toUtf16(start), endUtf16: source.rawMap.toUtf16(end) };
  if (!source.rawMap.isBoundaryUtf16(start) || !source.rawMap.isBoundaryUtf16(end)) {
    return { ok: false, message: `span ${start}–${end} splits a character outside the Basic Multilingual Plane (an emoji?): are the offsets code points rather than UTF-16 code units?` };
  }
  return { ok: true, startUtf16: start, endUtf16: end };
}

function textMatches(recorded: string, slice: string): boolean {
  return recorded === slice || canonicalizeText(recorded) === canonicalizeText(slice);
}

/** Offsets of a canonical UTF-16 range in a format's unit. */
export function fromUtf16(source: { toCodePoint(offsetUtf16: number): number }, startUtf16: number, endUtf16: number, unit: OffsetUnit): [number, number] {
  if (unit === 'utf16') return [startUtf16, endUtf16];
  return [source.toCodePoint(startUtf16), source.toCodePoint(endUtf16)];
}
