// Whether a relation of a given type may join two spans, by their labels, under a schema.
import type { AnnotationSchema } from './annotation-schema';

export type RelationCheck = { ok: true } | { ok: false; message: string };

export function checkRelationLabels(schema: AnnotationSchema, type: string, fromLabel: string, toLabel: string): RelationCheck {
  const relation = schema.relations.find((candidate) => candidate.name === type);
  if (relation === undefined) {
    const known = schema.relations.map((candidate) => `"${candidate.name}"`).join(', ') || 'none';
    return { ok: false, message: `Unknown relation type "${type}" in schema "${schema.id}"; its relation types: ${known}.` };
  }
  if (relation.from !== fromLabel || relation.to !== toLabel) {
    return {
      ok: false,
      message: `A "${type}" relation goes from a "${relation.from}" span to a "${relation.to}" span; this one would go from "${fromLabel}" to "${toLabel}".`,
    };
  }
  return { ok: true };
}
