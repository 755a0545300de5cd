// A quick check that a parsed document of an export file is the plain, common case that
// ExportDocumentV1 accepts: zod took a quarter of the time of reading a large file. It only says
// "surely valid"; anything unusual (notes, entities, an unknown key) goes to zod.
import { MAX_DOCUMENT_META_UTF16 } from '../export/document-meta';
import { ExportSpanV1 } from '../export/export-v1';
import { MAX_TEXT_ATTRIBUTE_UTF16 } from '../schemas/annotation-schema';

const DOCUMENT_KEYS = new Set(['id', 'title', 'lang', 'direction', 'sha256', 'meta', 'text', 'spans', 'relations', 'status']);
const SPAN_KEYS = new Set(['id', 'annotator', 'label', 'start', 'end', 'startUtf16', 'endUtf16', 'text', 'attributes', 'createdAt', 'updatedAt']);
const RELATION_KEYS = new Set(['id', 'annotator', 'type', 'from', 'to', 'createdAt']);
const STATUSES = new Set(['not_started', 'in_progress', 'done']);
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Timestamps zod accepted: a file's spans share few of them, and zod's check is the costly part. */
const knownTimestamps = new Set<string>();
const MAX_KNOWN_TIMESTAMPS = 10_000;

/** True only when ExportDocumentV1.safeParse(value) would succeed; false means "ask zod". */
export function surelyValidExportDocument(value: unknown): boolean {
  if (!isRecord(value) || !onlyKeys(value, DOCUMENT_KEYS)) return false;
  if (!nonEmpty(value.id) || typeof value.title !== 'string' || typeof value.lang !== 'string' || value.lang.length < 2) return false;
  if ((value.direction !== 'rtl' && value.direction !== 'ltr') || typeof value.sha256 !== 'string' || !SHA256_HEX.test(value.sha256)) return false;
  if (typeof value.text !== 'string' || !Array.isArray(value.spans)) return false;
  if ('meta' in value && !(isRecord(value.meta) && plainJson(value.meta) && JSON.stringify(value.meta).length <= MAX_DOCUMENT_META_UTF16)) return false;
  for (const span of value.spans) if (!surelyValidSpan(span)) return false;
  if ('relations' in value) {
    if (!Array.isArray(value.relations)) return false;
    for (const relation of value.relations) if (!surelyValidRelation(relation)) return false;
  }
  if ('status' in value) {
    if (!isRecord(value.status)) return false;
    for (const key in value.status) if (key === '__proto__' || !STATUSES.has(value.status[key] as string)) return false;
  }
  return true;
}

function surelyValidSpan(span: unknown): boolean {
  return (
    isRecord(span) &&
    onlyKeys(span, SPAN_KEYS) &&
    nonEmpty(span.id) &&
    nonEmpty(span.annotator) &&
    nonEmpty(span.label) &&
    offset(span.start) &&
    offset(span.end) &&
    offset(span.startUtf16) &&
    offset(span.endUtf16) &&
    typeof span.text === 'string' &&
    (!('attributes' in span) || attributes(span.attributes)) &&
    timestamp(span.createdAt) &&
    timestamp(span.updatedAt)
  );
}

function surelyValidRelation(relation: unknown): boolean {
  return (
    isRecord(relation) &&
    onlyKeys(relation, RELATION_KEYS) &&
    nonEmpty(relation.id) &&
    nonEmpty(relation.annotator) &&
    nonEmpty(relation.type) &&
    nonEmpty(relation.from) &&
    nonEmpty(relation.to) &&
    timestamp(relation.createdAt)
  );
}

/** AttributeValue by name: a text, a list of up to 100 short texts, or a yes/no. */
function attributes(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const name in value) {
    const item = value[name];
    if (name === '__proto__') return false;
    if (typeof item === 'boolean') continue;
    if (typeof item === 'string') {
      if (item.length > MAX_TEXT_ATTRIBUTE_UTF16) return false;
      continue;
    }
    if (!Array.isArray(item) || item.length > 100) return false;
    for (const choice of item) if (typeof choice !== 'string' || choice.length > 64) return false;
  }
  return true;
}

/** Only what JSON.parse makes (no key "__proto__", which zod's records treat apart). */
function plainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(plainJson);
  if (!isRecord(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (key === '__proto__' || !plainJson(value[key])) return false;
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** No key outside `allowed` (the schemas are strict); the callers check the required ones. */
function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function offset(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function timestamp(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (knownTimestamps.has(value)) return true;
  if (!ExportSpanV1.shape.createdAt.safeParse(value).success) return false;
  if (knownTimestamps.size >= MAX_KNOWN_TIMESTAMPS) knownTimestamps.clear();
  knownTimestamps.add(value);
  return true;
}
