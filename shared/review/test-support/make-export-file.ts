// Test helper: builds a valid export v1 file from a text and spans given by phrase, the way the
// app's exporter would (code point and UTF-16 offsets, covered text), so tests state only what differs.
import type { ExportFileV1 } from '../../export/export-v1';
import { OffsetMap } from '../../text/offset-map';

export interface PhraseSpan {
  readonly annotator: string;
  readonly label: string;
  readonly phrase: string;
  /** Take the first occurrence at or after this UTF-16 offset. */
  readonly after?: number;
  /** A name for the span that relations refer to; the span's id is `span-N` whatever it is. */
  readonly key?: string;
  readonly attributes?: Readonly<Record<string, string | boolean | readonly string[]>>;
}

/** A relation between two spans of the document, named by their `key`. */
export interface KeyRelation {
  readonly annotator: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

export interface ExportDocumentSpec {
  readonly text: string;
  readonly title?: string;
  readonly id?: string;
  readonly spans: readonly PhraseSpan[];
  readonly relations?: readonly KeyRelation[];
  readonly status?: Readonly<Record<string, 'not_started' | 'in_progress' | 'done'>>;
}

const AT = '2026-11-25T12:00:00.000Z';

export function makeExportFile(annotators: readonly { id: string; name: string }[], documents: readonly ExportDocumentSpec[], sha256Hex: (text: string) => string): ExportFileV1 {
  let spanNumber = 0;
  return {
    format: 'isnad',
    version: 1,
    exportedAt: AT,
    annotators: annotators.map((a) => ({ ...a })),
    documents: documents.map((doc, d) => {
      const offsets = new OffsetMap(doc.text);
      const idOfKey = new Map<string, string>();
      const spans = doc.spans.map((s) => {
        const startUtf16 = doc.text.indexOf(s.phrase, s.after ?? 0);
        if (startUtf16 < 0) throw new Error(`phrase not in the text: ${s.phrase}`);
        const endUtf16 = startUtf16 + s.phrase.length;
        const id = `span-${++spanNumber}`;
        if (s.key !== undefined) idOfKey.set(s.key, id);
        return {
          id,
          annotator: s.annotator,
          label: s.label,
          start: offsets.toCodePoint(startUtf16),
          end: offsets.toCodePoint(endUtf16),
          startUtf16,
          endUtf16,
          text: s.phrase,
          ...(s.attributes === undefined ? {} : { attributes: copyAttributes(s.attributes) }),
          createdAt: AT,
          updatedAt: AT,
        };
      });
      const spanId = (key: string): string => {
        const id = idOfKey.get(key);
        if (id === undefined) throw new Error(`no span with key ${key}`);
        return id;
      };
      return {
        id: doc.id ?? `doc-${d + 1}`,
        title: doc.title ?? `Document ${d + 1}`,
        lang: 'ar',
        direction: 'rtl',
        sha256: sha256Hex(doc.text),
        text: doc.text,
        spans,
        ...(doc.relations === undefined
          ? {}
          : { relations: doc.relations.map((r, i) => ({ id: `relation-${d + 1}-${i + 1}`, annotator: r.annotator, type: r.type, from: spanId(r.from), to: spanId(r.to), createdAt: AT })) }),
        ...(doc.status === undefined ? {} : { status: { ...doc.status } }),
      };
    }),
  };
}

function copyAttributes(attributes: NonNullable<PhraseSpan['attributes']>): Record<string, string | boolean | string[]> {
  const copy: Record<string, string | boolean | string[]> = {};
  for (const [name, value] of Object.entries(attributes)) copy[name] = typeof value === 'object' ? [...value] : value;
  return copy;
}

/**
 * A stand-in for SHA-256 in shared/ tests, which may not use node:crypto: 64 hex digits from eight
 * seeded FNV-1a hashes. Only its determinism and spread matter there; the CLI tests use the real one.
 */
export function fakeSha256Hex(text: string): string {
  let out = '';
  for (let seed = 0; seed < 8; seed++) {
    let h = (0x811c9dc5 ^ (seed * 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
