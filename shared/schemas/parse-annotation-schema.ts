// Reads an annotation schema from JSON text or a parsed value, returning either the schema or
// one readable line per mistake, each naming its path: `labels[2].shortcut: "Digit1" is already used by "claim"`.
import type { z } from 'zod';
import { AnnotationSchema } from './annotation-schema';

export type ParsedSchema = { ok: true; schema: AnnotationSchema } | { ok: false; errors: string[] };

export function parseAnnotationSchemaJson(jsonText: string): ParsedSchema {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return parseAnnotationSchema(value);
}

export function parseAnnotationSchema(value: unknown): ParsedSchema {
  const parsed = AnnotationSchema.safeParse(value);
  if (parsed.success) return { ok: true, schema: parsed.data };
  return { ok: false, errors: parsed.error.issues.map(describeIssue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/** `['labels', 2, 'shortcut']` → `labels[2].shortcut`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
