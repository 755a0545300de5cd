// One user action being written: its row in `operations` is created with its first change, and
// every change row (span, relation, entity) points at it, so undo and redo can replay it.
import type { AttributionStatements, RelationRow } from './attribution-statements';
import { toRelationSnapshotJson, toSpanSnapshotJson } from './map-rows';
import type { SpanRow, StoreStatements } from './store-statements';

export interface OperationInfo {
  kind: string;
  at: string;
  /** Who acts; null only for a document deleted before anyone gave a name. */
  annotatorId: string | null;
  /** The document whose undo stack receives the operation; null for register-wide actions (merge). */
  documentId: string | null;
  reversesSeq?: number;
}

export class Operation {
  private seqValue: number | undefined;

  constructor(
    private readonly sql: StoreStatements & AttributionStatements,
    readonly info: OperationInfo,
  ) {}

  /** The operation's sequence number, or undefined while it has changed nothing. */
  get seq(): number | undefined {
    return this.seqValue;
  }

  get at(): string {
    return this.info.at;
  }

  logSpan(documentId: string, spanId: string, before: SpanRow | null, after: SpanRow | null): void {
    const action = before === null ? 'create' : after === null ? 'delete' : 'update';
    this.sql.insertSpanChange.run({
      operationSeq: this.ensureSeq(),
      at: this.info.at,
      annotatorId: this.info.annotatorId,
      documentId,
      spanId,
      action,
      before: before === null ? null : toSpanSnapshotJson(before),
      after: after === null ? null : toSpanSnapshotJson(after),
    });
  }

  logRelation(before: RelationRow | null, after: RelationRow | null): void {
    const row = (before ?? after)!;
    this.sql.insertRelationChange.run({
      operationSeq: this.ensureSeq(),
      at: this.info.at,
      annotatorId: this.info.annotatorId ?? row.annotator_id,
      documentId: row.document_id,
      relationId: row.id,
      action: before === null ? 'create' : 'delete',
      before: before === null ? null : toRelationSnapshotJson(before),
      after: after === null ? null : toRelationSnapshotJson(after),
    });
  }

  logEntity(entityId: string, action: 'create' | 'merge', before: unknown, after: unknown): void {
    this.sql.insertEntityChange.run({
      operationSeq: this.ensureSeq(),
      at: this.info.at,
      annotatorId: this.info.annotatorId,
      entityId,
      action,
      before: before === null ? null : JSON.stringify(before),
      after: JSON.stringify(after),
    });
  }

  /** Records the operation now even if it logs no change (undo and redo always leave a trace). */
  ensureSeq(): number {
    if (this.seqValue === undefined) {
      const { kind, at, annotatorId, documentId, reversesSeq } = this.info;
      const result = this.sql.insertOperation.run({ kind, at, annotatorId, documentId, reversesSeq: reversesSeq ?? null });
      this.seqValue = Number(result.lastInsertRowid);
    }
    return this.seqValue;
  }
}
