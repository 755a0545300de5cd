// The annotation schemas shipped with Isnad. The attribution schema is the default of every new
// project; its labels are the ones the first database version seeded (shared/labels/default-labels.ts).
import attributionJson from './attribution.schema.json';
import namedEntitiesJson from './named-entities.schema.json';
import { AnnotationSchema } from './annotation-schema';

export const DEFAULT_SCHEMA_ID = 'attribution';

// Parsed once at load: a mistake in a shipped file fails loudly in every test run.
export const BUILT_IN_SCHEMAS: readonly AnnotationSchema[] = [AnnotationSchema.parse(attributionJson), AnnotationSchema.parse(namedEntitiesJson)];

export function builtInSchema(id: string): AnnotationSchema | undefined {
  return BUILT_IN_SCHEMAS.find((schema) => schema.id === id);
}
