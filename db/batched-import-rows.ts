// Bulk imports write new spans and relations many rows per INSERT: one statement per row cost
// 500,000 binding round trips each way. Rows wait here until flush(), which the importer calls
// before anything that must see them (relations point at spans); endDocument() then logs what each
// operation created as ONE import_changes row (schema v3) instead of a change row per span.
import type Database from 'better-sqlite3';
import type { RelationRow } from './store/attribution-statements';
import type { Operation } from './store/Operation';
import type { SpanRow } from './store/store-statements';

const SPAN_COLUMNS = ['id', 'document_id', 'annotator_id', 'label', 'start_utf16', 'end_utf16', 'attributes', 'entity_id', 'created_at', 'updated_at'];
const RELATION_COLUMNS = ['id', 'document_id', 'annotator_id', 'type', 'from_span_id', 'to_span_id', 'created_at'];
/** Rows per statement: 10 columns × 100 rows stays far below SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 100;

export class BatchedImportRows {
  private readonly spans: MultiRowInsert;
  private readonly relations: MultiRowInsert;
  private readonly insertImportChange: Database.Statement<[number, string, string]>;
  /** What each operation of the current document created, by operation sequence number. */
  private readonly created = new Map<number, { spanIds: string[]; relationIds: string[] }>();

  constructor(db: Database.Database) {
    this.spans = new MultiRowInsert(db, 'spans', SPAN_COLUMNS);
    this.relations = new MultiRowInsert(db, 'relations', RELATION_COLUMNS);
    this.insertImportChange = db.prepare('INSERT INTO import_changes (operation_seq, span_ids, relation_ids) VALUES (?, ?, ?)');
  }

  /** A new span, created by `operation`. */
  add(row: SpanRow, operation: Operation): void {
    this.spans.add([row.id, row.document_id, row.annotator_id, row.label, row.start_utf16, row.end_utf16, row.attributes, row.entity_id, row.created_at, row.updated_at]);
    this.createdBy(operation).spanIds.push(row.id);
  }

  /** A new relation, created by `operation`; its spans must be flushed already (foreign keys). */
  addRelation(row: RelationRow, operation: Operation): void {
    this.relations.add([row.id, row.document_id, row.annotator_id, row.type, row.from_span_id, row.to_span_id, row.created_at]);
    this.createdBy(operation).relationIds.push(row.id);
  }

  /** Spans first: relations point at them. */
  flush(): void {
    this.spans.flush();
    this.relations.flush();
  }

  /** Writes the rows still waiting and one import_changes row per operation that created any. */
  endDocument(): void {
    this.flush();
    for (const [seq, { spanIds, relationIds }] of this.created) this.insertImportChange.run(seq, JSON.stringify(spanIds), JSON.stringify(relationIds));
    this.created.clear();
  }

  private createdBy(operation: Operation): { spanIds: string[]; relationIds: string[] } {
    const seq = operation.ensureSeq();
    let created = this.created.get(seq);
    if (created === undefined) {
      created = { spanIds: [], relationIds: [] };
      this.created.set(seq, created);
    }
    return created;
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
