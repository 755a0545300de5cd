// Undo and redo of one logged operation: every span and relation it changed is brought back to its
// `before` (undo) or `after` (redo) snapshot, and each of those writes is logged in turn under the
// replaying operation, so the change log stays append-only and complete.
import { StoreError } from '../database-errors';
import type { AttributionStatements, NewRelationRow, RelationRow } from './attribution-statements';
import { fromSpanSnapshotJson } from './map-rows';
import type { Operation } from './Operation';
import type { FullSpanRow, SpanRow, StoreStatements } from './store-statements';

export interface ReplayContext {
  sql: StoreStatements & AttributionStatements;
  /** The undo or redo operation the restoring writes are logged under. */
  operation: Operation;
  documentId: string;
  /** The register entry standing for an entity id now (merges retire entries). */
  resolveEntity(entityId: string): string;
  writeSpan(operation: Operation, before: SpanRow, changes: Partial<Pick<FullSpanRow, 'label' | 'startUtf16' | 'endUtf16' | 'attributes' | 'entityId' | 'note'>>): unknown;
}

export function replayOperation(context: ReplayContext, operationSeq: number, direction: 'undo' | 'redo'): void {
  const target = direction === 'undo' ? 'before' : 'after';
  const spanChanges = context.sql.spanChangesOfOperation.all(operationSeq);
  const relationChanges = context.sql.relationChangesOfOperation.all(operationSeq);
  // Imports go on no undo stack, and what they created is listed in import_changes without snapshots:
  // replaying one from the change rows alone would leave its spans in place.
  if (context.sql.importChangeOfOperation.get(operationSeq) !== undefined) {
    throw new StoreError('CONFLICT', 'An import cannot be undone or redone.');
  }
  if (direction === 'undo') spanChanges.reverse();
  // Relations go first when they disappear and last when they come back, so both ends always exist.
  for (const change of relationChanges) if (change[target] === null) restoreRelation(context, change.relation_id, null);
  for (const change of spanChanges) restoreSpan(context, change.span_id, change[target]);
  for (const change of relationChanges) if (change[target] !== null) restoreRelation(context, change.relation_id, change[target]);
}

/** Deletes a relation and logs it (for span deletions, relabels and replays alike). */
export function removeRelation(sql: AttributionStatements, operation: Operation, relation: RelationRow): void {
  sql.deleteRelation.run(relation.id);
  operation.logRelation(relation, null);
}

/** Brings one span to `snapshotJson` (null: absent), logging what it changed. */
function restoreSpan(context: ReplayContext, spanId: string, snapshotJson: string | null): void {
  const { sql, operation, documentId } = context;
  const current = sql.spanById.get(spanId);
  if (snapshotJson === null) {
    if (current === undefined) return;
    for (const relation of sql.relationsOfSpan.all(spanId, spanId)) removeRelation(sql, operation, relation);
    sql.deleteSpan.run(spanId);
    operation.logSpan(documentId, spanId, current, null);
    return;
  }
  const snapshot = fromSpanSnapshotJson(snapshotJson);
  if (sql.labelByName.get(snapshot.label) === undefined) {
    throw new StoreError('CONFLICT', `Cannot restore this span: its label «${snapshot.label}» is not in the active schema any more.`);
  }
  const entityId = snapshot.entityId === null ? null : context.resolveEntity(snapshot.entityId);
  if (current === undefined) {
    sql.insertFullSpan.run({ ...snapshot, entityId, updatedAt: operation.at });
    operation.logSpan(documentId, spanId, null, sql.spanById.get(spanId)!);
  } else {
    const { label, startUtf16, endUtf16, attributes, note } = snapshot;
    context.writeSpan(operation, current, { label, startUtf16, endUtf16, attributes, entityId, note });
  }
}

function restoreRelation(context: ReplayContext, relationId: string, snapshotJson: string | null): void {
  const { sql, operation } = context;
  const current = sql.relationById.get(relationId);
  if (snapshotJson === null) {
    if (current !== undefined) removeRelation(sql, operation, current);
    return;
  }
  if (current !== undefined) return;
  const snapshot = JSON.parse(snapshotJson) as NewRelationRow;
  if (sql.spanById.get(snapshot.fromSpanId) === undefined || sql.spanById.get(snapshot.toSpanId) === undefined) {
    throw new StoreError('CONFLICT', 'Cannot restore this relation: one of its spans was deleted by another change.');
  }
  sql.insertRelation.run(snapshot);
  operation.logRelation(null, sql.relationById.get(relationId)!);
}
