// Attribute values of spans against the schema: the defaults a new span gets, checked edits, and
// what survives a relabel. Pure, so the renderer can check an edit before sending it.
import { attributeValueProblem, type AttributeValue, type SchemaLabel, type SpanAttributes } from './annotation-schema';

export type AttributesResult = { ok: true; attributes: SpanAttributes } | { ok: false; message: string };

export function defaultAttributes(label: SchemaLabel): SpanAttributes {
  const attributes: SpanAttributes = {};
  for (const attribute of label.attributes ?? []) {
    if (attribute.default !== undefined) attributes[attribute.name] = attribute.default;
  }
  return attributes;
}

/** Applies `changes` (null removes a value) to `current`, refusing names or values the label does not define. */
export function applyAttributeChanges(label: SchemaLabel, current: SpanAttributes, changes: Readonly<Record<string, AttributeValue | null>>): AttributesResult {
  const next: SpanAttributes = { ...current };
  for (const [name, value] of Object.entries(changes)) {
    const attribute = (label.attributes ?? []).find((candidate) => candidate.name === name);
    if (attribute === undefined) {
      const defined = (label.attributes ?? []).map((candidate) => `"${candidate.name}"`).join(', ') || 'none';
      return { ok: false, message: `Label "${label.name}" has no attribute "${name}"; its attributes: ${defined}.` };
    }
    if (value === null) {
      delete next[name];
      continue;
    }
    const problem = attributeValueProblem(attribute, value);
    if (problem !== null) return { ok: false, message: `${problem}.` };
    next[name] = value;
  }
  return { ok: true, attributes: next };
}

/** After a relabel: values the new label defines and accepts are kept, the rest fall back to its defaults. */
export function reconcileAttributes(label: SchemaLabel, current: SpanAttributes): SpanAttributes {
  const next = defaultAttributes(label);
  for (const attribute of label.attributes ?? []) {
    const value = current[attribute.name];
    if (value !== undefined && attributeValueProblem(attribute, value) === null) next[attribute.name] = value;
  }
  return next;
}
