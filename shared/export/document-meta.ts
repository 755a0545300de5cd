// A document's metadata: the JSON object it arrived with (a JSONL corpus's `meta`, the other fields of
// a Label Studio task's `data`, …), stored with the document and exported with it. Bounded, so that a
// task's stray HTML field cannot make every document row and export line huge.
import { z } from 'zod';

/** Longest metadata, in UTF-16 units of its JSON. */
export const MAX_DOCUMENT_META_UTF16 = 65_536;

export const DocumentMeta = z
  .record(z.string(), z.json())
  .refine((meta) => JSON.stringify(meta).length <= MAX_DOCUMENT_META_UTF16, { message: `at most ${MAX_DOCUMENT_META_UTF16} characters of JSON` })
  .describe('The metadata the document was imported with (e.g. a JSONL corpus\'s "meta"): any JSON object.');

export type DocumentMeta = z.infer<typeof DocumentMeta>;

/**
 * The JSON to store for `meta`: null when there is none (absent or `{}`), else its JSON, or a
 * message when it is too long to keep.
 */
export function documentMetaJson(meta: Readonly<Record<string, unknown>> | undefined): { json: string | null } | { problem: string } {
  if (meta === undefined || Object.keys(meta).length === 0) return { json: null };
  const json = JSON.stringify(meta);
  if (json.length > MAX_DOCUMENT_META_UTF16) return { problem: `its metadata (${json.length.toLocaleString('en')} characters of JSON) is longer than the ${MAX_DOCUMENT_META_UTF16.toLocaleString('en')} kept` };
  return { json };
}

/** True when two metadata objects hold the same values, whatever the order of their keys. */
export function sameDocumentMeta(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
