// Validates a span's UTF-16 range against its document's text, as a result rather than a throw:
// a bad range is an expected user error, not a bug.
import { OffsetMap } from './offset-map';

export type RangeCheck = { ok: true } | { ok: false; message: string };

export function checkSpanRangeUtf16(map: OffsetMap, startUtf16: number, endUtf16: number): RangeCheck {
  if (!Number.isInteger(startUtf16) || !Number.isInteger(endUtf16)) {
    return { ok: false, message: 'Span offsets must be whole numbers.' };
  }
  if (startUtf16 >= endUtf16) {
    return { ok: false, message: `A span must end after it starts (start ${startUtf16}, end ${endUtf16}).` };
  }
  if (startUtf16 < 0 || endUtf16 > map.lengthUtf16) {
    return { ok: false, message: `Span ${startUtf16}–${endUtf16} lies outside the text (0–${map.lengthUtf16} UTF-16 units).` };
  }
  if (!map.isBoundaryUtf16(startUtf16) || !map.isBoundaryUtf16(endUtf16)) {
    return { ok: false, message: `Span ${startUtf16}–${endUtf16} splits a character outside the Basic Multilingual Plane.` };
  }
  return { ok: true };
}
