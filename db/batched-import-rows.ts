// Bulk imports write new spans, relations and their change-log rows many rows per INSERT: one
// statement per row cost 500,000 binding round trips each way. Rows wait here until flush(), which
// the importer calls before anything that must see them (relations point at spans) and at each
// document's end. The change rows are exactly those Operation.logSpan / logRelation write.
import type Database from 'better-sqlite3';
import type { RelationRow } from './store/attribution-statements';
import { toRelationSnapshotJson, toSpanSnapshotJson } from './store/map-rows';
import type { Operation } from './store/Operation';
import type { SpanRow } from './store/store-statements';

const SPAN_COLUMNS = ['id', 'document_id', 'annotator_id', 'label', 'start_utf16', 'end_utf16', 'attributes', 'entity_id', 'created_at', 'updated_at'];
const CHANGE_COLUMNS = ['operation_seq', 'at', 'annotator_id', 'document_id', 'span_id', 'action', 'before', 'after'];
const RELATION_COLUMNS = ['id', 'document_id', 'annotator_id', 'type', 'from_span_id', 'to_span_id', 'created_at'];
const RELATION_CHANGE_COLUMNS = ['operation_seq', 'at', 'annotator_id', 'document_id', 'relation_id', 'action', 'before', 'after'];
/** Rows per statement: 10 columns × 100 rows stays far below SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 100;

export class BatchedImportRows {
  private readonly spans: MultiRowInsert;
  private readonly changes: MultiRowInsert;
  private readonly relations: MultiRowInsert;
  private readonly relationChanges: MultiRowInsert;

  constructor(db: Database.Database) {
    this.spans = new MultiRowInsert(db, 'spans', SPAN_COLUMNS);
    this.changes = new MultiRowInsert(db, 'span_changes', CHANGE_COLUMNS);
    this.relations = new MultiRowInsert(db, 'relations', RELATION_COLUMNS);
    this.relationChanges = new MultiRowInsert(db, 'relation_changes', RELATION_CHANGE_COLUMNS);
  }

  /** A new span and its 'create' change row in `operation`, exactly as Operation.logSpan writes it. */
  add(row: SpanRow, operation: Operation): void {
    this.spans.add([row.id, row.document_id, row.annotator_id, row.label, row.start_utf16, row.end_utf16, row.attributes, row.entity_id, row.created_at, row.updated_at]);
    this.changes.add([operation.ensureSeq(), operation.at, operation.info.annotatorId, row.document_id, row.id, 'create', null, toSpanSnapshotJson(row)]);
  }

  /** A new relation and its 'create' change row; its spans must be flushed already (foreign keys). */
  addRelation(row: RelationRow, operation: Operation): void {
    this.relations.add([row.id, row.document_id, row.annotator_id, row.type, row.from_span_id, row.to_span_id, row.created_at]);
    this.relationChanges.add([operation.ensureSeq(), operation.at, operation.info.annotatorId ?? row.annotator_id, row.document_id, row.id, 'create', null, toRelationSnapshotJson(row)]);
  }

  /** Spans first: relations point at them. */
  flush(): void {
    this.spans.flush();
    this.changes.flush();
    this.relations.flush();
    this.relationChanges.flush();
  }
}

class MultiRowInsert {
  private readonly statements = new Map<number, Database.Statement>();
  private pending: unknown[] = [];
  private rows = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  add(values: readonly unknown[]): void {
    for (const value of values) this.pending.push(value);
    if (++this.rows === ROWS_PER_STATEMENT) this.flush();
  }

  flush(): void {
    if (this.rows === 0) return;
    this.statement(this.rows).run(this.pending);
    this.pending = [];
    this.rows = 0;
  }

  private statement(rows: number): Database.Statement {
    let statement = this.statements.get(rows);
    if (statement === undefined) {
      const row = `(${this.columns.map(() => '?').join(', ')})`;
      statement = this.db.prepare(`INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`);
      this.statements.set(rows, statement);
    }
    return statement;
  }
}
