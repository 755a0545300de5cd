// The project's annotation schemas: the built-in ones plus those imported into this database, and
// the active one (a setting), whose labels are copied into the labels table that spans reference.
import type Database from 'better-sqlite3';
import type { AnnotationSchema, SchemaLabel } from '../../shared/schemas/annotation-schema';
import { BUILT_IN_SCHEMAS, builtInSchema, DEFAULT_SCHEMA_ID } from '../../shared/schemas/built-in-schemas';
import { parseAnnotationSchemaJson } from '../../shared/schemas/parse-annotation-schema';
import type { SchemaSummary } from '../../shared/rpc/domain';
import { StoreError } from '../database-errors';
import type { AttributionStatements } from './attribution-statements';
import type { StoreStatements } from './store-statements';

export const ACTIVE_SCHEMA_KEY = 'active_schema_id';

export class SchemaRegistry {
  /** Parsed imported schemas by id, with the JSON they came from (another connection may re-import). */
  private readonly parsed = new Map<string, { json: string; schema: AnnotationSchema }>();

  constructor(
    private readonly db: Database.Database,
    private readonly sql: StoreStatements & AttributionStatements,
  ) {}

  activeId(): string {
    return this.sql.getSetting.get(ACTIVE_SCHEMA_KEY)?.value ?? DEFAULT_SCHEMA_ID;
  }

  active(): AnnotationSchema {
    return this.get(this.activeId());
  }

  /** A label of the active schema. */
  label(name: string): SchemaLabel | undefined {
    return this.active().labels.find((label) => label.name === name);
  }

  get(schemaId: string = this.activeId()): AnnotationSchema {
    const builtIn = builtInSchema(schemaId);
    if (builtIn !== undefined) return builtIn;
    const row = this.sql.importedSchemaById.get(schemaId);
    if (row === undefined) throw new StoreError('NOT_FOUND', `No annotation schema with id «${schemaId}».`);
    const cached = this.parsed.get(schemaId);
    if (cached?.json === row.json) return cached.schema;
    const parsed = parseAnnotationSchemaJson(row.json);
    // Stored schemas were validated on import; failing here means the file was edited by hand.
    if (!parsed.ok) throw new StoreError('INVALID_SCHEMA', `The stored schema «${schemaId}» is invalid: ${parsed.errors.join('; ')}`);
    this.parsed.set(schemaId, { json: row.json, schema: parsed.schema });
    return parsed.schema;
  }

  list(): SchemaSummary[] {
    const activeId = this.activeId();
    const imported = this.sql.importedSchemas.all().map((row) => this.get(row.id));
    return [...BUILT_IN_SCHEMAS, ...imported].map((schema) => summarize(schema, activeId));
  }

  /** Switches the project's schema; refused when existing spans or relations would not fit it. */
  setActive(schemaId: string): SchemaSummary {
    return this.db.transaction(() => {
      const schema = this.get(schemaId);
      this.activate(schema);
      return summarize(schema, schema.id);
    })();
  }

  /** Validates and stores a schema file (replacing an imported one with the same id). */
  import(jsonText: string): SchemaSummary {
    const parsed = parseAnnotationSchemaJson(jsonText);
    if (!parsed.ok) throw new StoreError('INVALID_SCHEMA', `The schema file has ${plural(parsed.errors.length, 'mistake')}: ${parsed.errors.join('; ')}`);
    const schema = parsed.schema;
    if (builtInSchema(schema.id) !== undefined) {
      throw new StoreError('CONFLICT', `«${schema.id}» is the id of a built-in schema; give the imported schema another id.`);
    }
    return this.db.transaction(() => {
      const activeId = this.activeId();
      // Re-importing the active schema applies it at once, so it must fit the existing annotations too.
      if (schema.id === activeId) this.activate(schema);
      this.sql.putImportedSchema.run({ id: schema.id, json: JSON.stringify(schema), at: new Date().toISOString() });
      return summarize(schema, activeId);
    })();
  }

  private activate(schema: AnnotationSchema): void {
    const labelNames = new Set(schema.labels.map((label) => label.name));
    const missing = this.sql.spanLabelCounts.all().filter((row) => !labelNames.has(row.label));
    if (missing.length > 0) {
      const detail = missing.map((row) => `«${row.label}» (${plural(row.n, 'span')})`).join(', ');
      throw new StoreError('CONFLICT', `Schema «${schema.id}» cannot be used: spans use labels it does not have: ${detail}. Delete or relabel them first.`);
    }
    const unfit = this.sql.relationLabelCounts
      .all()
      .filter((row) => !schema.relations.some((relation) => relation.name === row.type && relation.from === row.from_label && relation.to === row.to_label));
    if (unfit.length > 0) {
      const detail = unfit.map((row) => `«${row.type}» from ${row.from_label} to ${row.to_label} (${plural(row.n, 'relation')})`).join(', ');
      throw new StoreError('CONFLICT', `Schema «${schema.id}» cannot be used: it has no relation type for ${detail}. Delete those relations first.`);
    }
    this.sql.putSetting.run(ACTIVE_SCHEMA_KEY, schema.id);
    schema.labels.forEach((label, index) =>
      this.sql.upsertLabel.run({ name: label.name, color: label.color, shortcutCode: label.shortcut, sortOrder: index + 1 }),
    );
    this.sql.deleteLabelsExcept.run(JSON.stringify([...labelNames]));
  }
}

function summarize(schema: AnnotationSchema, activeId: string): SchemaSummary {
  return { id: schema.id, version: schema.version, displayName: schema.displayName, builtIn: builtInSchema(schema.id) !== undefined, active: schema.id === activeId };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
