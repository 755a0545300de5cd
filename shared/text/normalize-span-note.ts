// A span's free-text note as Isnad stores it: trimmed, NFC, and null rather than empty, so that
// "no note" has one representation from the RPC, imports and the database alike.

/** Longest note, in UTF-16 code units (the database bounds it at 10,000 characters, never tighter). */
export const MAX_SPAN_NOTE_UTF16 = 10_000;

export function normalizeSpanNote(raw: string | null | undefined): string | null {
  const note = (raw ?? '').trim().normalize('NFC');
  return note === '' ? null : note;
}
