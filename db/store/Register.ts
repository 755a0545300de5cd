// The register of speakers and sources shared by every document: entries, name search, the claims
// attributed to an entry, and merging duplicates (links move to the kept entry; all logged).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Entity, EntityClaim, EntityKind, Span } from '../../shared/rpc/domain';
import { StoreError } from '../database-errors';
import type { AttributionStatements, EntityRow } from './attribution-statements';
import { entityMatchRank, normalizeEntityName } from './entity-name';
import { toEntity } from './map-rows';
import type { Operation } from './Operation';
import type { FullSpanRow, SpanRow, StoreStatements } from './store-statements';

/** What the register needs from the Store (an interface, so the two files do not import each other). */
export interface RegisterHost {
  readonly db: Database.Database;
  registerOperation(kind: string): Operation;
  spanById(spanId: string): Span;
  writeSpan(operation: Operation, before: SpanRow, changes: Partial<Pick<FullSpanRow, 'entityId'>>): unknown;
}

const DEFAULT_SEARCH_LIMIT = 10;

export class Register {
  constructor(
    private readonly store: RegisterHost,
    private readonly sql: StoreStatements & AttributionStatements,
  ) {}

  /** Entries of `kind` whose name matches `query` (any spelling variant, any word order), best first. */
  search(kind: EntityKind, query: string, limit = DEFAULT_SEARCH_LIMIT): Entity[] {
    const normalizedQuery = normalizeEntityName(query);
    return this.sql.activeEntities
      .all({ kind })
      .map((row) => ({ row, rank: entityMatchRank(row.normalized_name, normalizedQuery) }))
      .filter((match): match is { row: EntityRow; rank: number } => match.rank !== null)
      .sort((a, b) => a.rank - b.rank || b.row.link_count - a.row.link_count || a.row.normalized_name.length - b.row.normalized_name.length)
      .slice(0, limit)
      .map((match) => toEntity(match.row));
  }

  /** Creates an entry, or returns the existing one of that kind with the same normalized name. */
  create(kind: EntityKind, rawName: string): Entity {
    const name = rawName.trim().normalize('NFC');
    const normalizedName = normalizeEntityName(name);
    if (normalizedName === '') throw new StoreError('CONFLICT', `«${name}» has no letters or digits to match a name by.`);
    return this.store.db.transaction(() => {
      const existing = this.sql.entityByNormalizedName.get(kind, normalizedName);
      if (existing !== undefined) return toEntity(existing);
      const operation = this.store.registerOperation('entities.create');
      const id = randomUUID();
      this.sql.insertEntity.run({ id, kind, name, normalizedName, at: operation.at });
      operation.logEntity(id, 'create', null, { kind, name, normalizedName });
      return toEntity(this.sql.entityById.get(id)!);
    })();
  }

  list(kind?: EntityKind): Entity[] {
    return this.sql.activeEntities.all({ kind: kind ?? null }).map(toEntity);
  }

  /** Every claim, in any document and by any annotator, related to a span linked to the entry. */
  claims(entityId: string): EntityClaim[] {
    this.requireActive(entityId);
    return this.sql.claimsOfEntity.all(entityId).map((row) => ({
      documentId: row.document_id,
      documentTitle: row.document_title,
      relationType: row.relation_type,
      claim: this.store.spanById(row.claim_id),
      via: this.store.spanById(row.via_id),
    }));
  }

  /** Moves every link of `mergeIds` to `keepId` and retires them; one logged operation. */
  merge(keepId: string, mergeIds: readonly string[]): { entity: Entity; movedLinks: number } {
    return this.store.db.transaction(() => {
      const kept = this.requireActive(keepId);
      const merged = [...new Set(mergeIds)].map((id) => this.requireActive(id));
      if (merged.some((entity) => entity.id === keepId)) throw new StoreError('CONFLICT', 'An entry cannot be merged into itself.');
      const otherKind = merged.find((entity) => entity.kind !== kept.kind);
      if (otherKind !== undefined) {
        throw new StoreError('CONFLICT', `«${otherKind.name}» is a ${otherKind.kind} and «${kept.name}» a ${kept.kind}: only entries of one kind merge.`);
      }
      const operation = this.store.registerOperation('entities.merge');
      let movedLinks = 0;
      for (const entity of merged) {
        const spanIds = this.sql.spanIdsOfEntity.all(entity.id).map((row) => row.id);
        for (const spanId of spanIds) {
          // Logged as span changes too, so each span's own history shows where its link went.
          this.store.writeSpan(operation, this.sql.spanById.get(spanId)!, { entityId: keepId });
        }
        movedLinks += spanIds.length;
        this.sql.markEntityMerged.run({ id: entity.id, into: keepId, at: operation.at });
        this.sql.repointMerged.run({ from: entity.id, into: keepId });
        operation.logEntity(entity.id, 'merge', { name: entity.name }, { mergedInto: keepId, spanIds });
      }
      return { entity: toEntity(this.sql.entityById.get(keepId)!), movedLinks };
    })();
  }

  /** The entry that now stands for `entityId` (itself, or the one it was merged into). */
  resolve(entityId: string): string {
    let id = entityId;
    for (let hops = 0; hops < 100; hops++) {
      const next = this.sql.entityById.get(id)?.merged_into;
      if (next === null || next === undefined) return id;
      id = next;
    }
    return id;
  }

  /** Any entry, merged ones included (an export lists what spans link to). */
  get(entityId: string): Entity {
    const row = this.sql.entityById.get(entityId);
    if (row === undefined) throw new StoreError('NOT_FOUND', `No register entry with id «${entityId}».`);
    return toEntity(row);
  }

  kindOf(entityId: string): EntityKind | undefined {
    return this.sql.entityById.get(entityId)?.kind as EntityKind | undefined;
  }

  requireActive(entityId: string): Entity {
    const row = this.sql.entityById.get(entityId);
    if (row === undefined) throw new StoreError('NOT_FOUND', `No register entry with id «${entityId}».`);
    if (row.merged_into !== null) throw new StoreError('CONFLICT', `«${row.name}» was merged into another entry; use that one.`);
    return toEntity(row);
  }
}
