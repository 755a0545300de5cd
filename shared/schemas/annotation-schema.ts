// An annotation schema as data: labels (colour, shortcut, names in ar/en), relation types between
// labels, and typed attributes per label. Checked by zod, including the cross-references, so a
// schema file with a mistake is refused with a message naming the path (see parse-annotation-schema).
import { z } from 'zod';

export const ATTRIBUTE_TYPES = ['choice', 'multi-choice', 'boolean', 'text'] as const;
export const ENTITY_KINDS = ['speaker', 'source'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The largest free-text attribute value, in UTF-16 code units. */
export const MAX_TEXT_ATTRIBUTE_UTF16 = 2000;

const snakeId = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'must be lowercase letters, digits or "_", starting with a letter');
const camelId = z
  .string()
  .max(64)
  .regex(/^[a-z][A-Za-z0-9]*$/, 'must be camelCase letters and digits, starting with a lowercase letter');
const valueId = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be lowercase letters, digits, "_" or "-", starting with a letter');
// KeyboardEvent.code names the physical key, so a shortcut works on Arabic and Latin layouts alike.
const keyCode = z
  .string()
  .regex(/^(Key[A-Z]|Digit[0-9]|Numpad[0-9]|F[1-9]|F1[0-2])$/, 'must be a KeyboardEvent.code such as "Digit1", "KeyQ" or "F2"');

export const LocalizedName = z.strictObject({
  ar: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

export const AttributeValue = z.union([z.string().max(MAX_TEXT_ATTRIBUTE_UTF16), z.array(z.string().max(64)).max(100), z.boolean()]);

export const AttributeOption = z.strictObject({ id: valueId, displayName: LocalizedName });

export const AttributeDefinition = z.strictObject({
  name: camelId,
  type: z.enum(ATTRIBUTE_TYPES),
  displayName: LocalizedName,
  values: z.array(AttributeOption).max(100).optional().describe('The allowed values of a choice or multi-choice attribute.'),
  default: AttributeValue.optional().describe('Value given to new spans; none when absent.'),
});

export const SchemaLabel = z.strictObject({
  name: snakeId,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#e0a100"'),
  shortcut: keyCode,
  displayName: LocalizedName,
  entityKind: z.enum(ENTITY_KINDS).optional().describe('Spans with this label link to register entries of this kind.'),
  attributes: z.array(AttributeDefinition).max(50).optional(),
});

export const RelationType = z.strictObject({
  name: snakeId,
  from: snakeId.describe('Label of the span the relation starts at, e.g. "claim".'),
  to: snakeId.describe('Label of the span it points to, e.g. "speaker".'),
  displayName: LocalizedName,
});

export const AnnotationSchema = z
  .strictObject({
    id: snakeId,
    version: z.int().positive(),
    displayName: LocalizedName,
    labels: z.array(SchemaLabel).min(1).max(50),
    relations: z.array(RelationType).max(50),
  })
  .superRefine((schema, context) => {
    for (const issue of crossReferenceIssues(schema)) context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  })
  .describe('An Isnad annotation schema: labels, relation types and attributes.');

export type LocalizedName = z.infer<typeof LocalizedName>;
export type AttributeValue = z.infer<typeof AttributeValue>;
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;
export type SchemaLabel = z.infer<typeof SchemaLabel>;
export type RelationType = z.infer<typeof RelationType>;
export type AnnotationSchema = z.infer<typeof AnnotationSchema>;
/** Attribute values of one span, by attribute name. */
export type SpanAttributes = Record<string, AttributeValue>;

interface CrossIssue {
  path: (string | number)[];
  message: string;
}

type SchemaShape = Pick<AnnotationSchema, 'labels' | 'relations'>;

/** The mistakes zod's field checks cannot see: duplicates, dangling references, defaults that do not fit. */
function crossReferenceIssues(schema: SchemaShape): CrossIssue[] {
  const issues: CrossIssue[] = [];
  const labelByName = new Map<string, number>();
  const labelByShortcut = new Map<string, string>();
  schema.labels.forEach((label, index) => {
    const earlier = labelByName.get(label.name);
    if (earlier !== undefined) issues.push({ path: ['labels', index, 'name'], message: `"${label.name}" is already the name of labels[${earlier}]` });
    else labelByName.set(label.name, index);
    const shortcutOwner = labelByShortcut.get(label.shortcut);
    if (shortcutOwner !== undefined) issues.push({ path: ['labels', index, 'shortcut'], message: `"${label.shortcut}" is already used by "${shortcutOwner}"` });
    else labelByShortcut.set(label.shortcut, label.name);
    (label.attributes ?? []).forEach((attribute, attributeIndex) => {
      issues.push(...attributeIssues(attribute, ['labels', index, 'attributes', attributeIndex]));
    });
    const attributeNames = new Set<string>();
    (label.attributes ?? []).forEach((attribute, attributeIndex) => {
      if (attributeNames.has(attribute.name)) {
        issues.push({ path: ['labels', index, 'attributes', attributeIndex, 'name'], message: `"${attribute.name}" is defined twice for label "${label.name}"` });
      }
      attributeNames.add(attribute.name);
    });
  });

  const known = [...labelByName.keys()].map((name) => `"${name}"`).join(', ');
  const relationNames = new Set<string>();
  schema.relations.forEach((relation, index) => {
    if (relationNames.has(relation.name)) issues.push({ path: ['relations', index, 'name'], message: `"${relation.name}" is defined twice` });
    relationNames.add(relation.name);
    for (const end of ['from', 'to'] as const) {
      if (!labelByName.has(relation[end])) issues.push({ path: ['relations', index, end], message: `unknown label "${relation[end]}"; the labels are ${known}` });
    }
  });
  return issues;
}

function attributeIssues(attribute: AttributeDefinition, path: (string | number)[]): CrossIssue[] {
  const issues: CrossIssue[] = [];
  const hasValues = attribute.type === 'choice' || attribute.type === 'multi-choice';
  if (hasValues && (attribute.values === undefined || attribute.values.length === 0)) {
    issues.push({ path: [...path, 'values'], message: `a ${attribute.type} attribute needs at least one value` });
  }
  if (!hasValues && attribute.values !== undefined) {
    issues.push({ path: [...path, 'values'], message: `a ${attribute.type} attribute takes no list of values` });
  }
  const ids = new Set<string>();
  (attribute.values ?? []).forEach((value, index) => {
    if (ids.has(value.id)) issues.push({ path: [...path, 'values', index, 'id'], message: `"${value.id}" is listed twice` });
    ids.add(value.id);
  });
  if (attribute.default !== undefined) {
    const problem = attributeValueProblem(attribute, attribute.default);
    if (problem !== null) issues.push({ path: [...path, 'default'], message: problem });
  }
  return issues;
}

/** Why `value` does not fit `attribute`, or null when it does. Used for defaults and for span edits. */
export function attributeValueProblem(attribute: AttributeDefinition, value: AttributeValue): string | null {
  const allowed = (attribute.values ?? []).map((option) => option.id);
  const list = allowed.map((id) => `"${id}"`).join(', ');
  switch (attribute.type) {
    case 'choice':
      if (typeof value !== 'string') return `"${attribute.name}" takes one value, one of ${list}`;
      return allowed.includes(value) ? null : `"${value}" is not a value of "${attribute.name}"; the values are ${list}`;
    case 'multi-choice': {
      if (!Array.isArray(value)) return `"${attribute.name}" takes a list of values among ${list}`;
      const unknown = value.find((item) => !allowed.includes(item));
      if (unknown !== undefined) return `"${unknown}" is not a value of "${attribute.name}"; the values are ${list}`;
      return new Set(value).size === value.length ? null : `"${attribute.name}" lists a value twice`;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `"${attribute.name}" takes true or false`;
    case 'text':
      return typeof value === 'string' ? null : `"${attribute.name}" takes a text`;
  }
}
