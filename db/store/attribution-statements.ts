// The SQL of the attribution model (schema v2): relations, the register, schemas, document status,
// operations and the undo/redo stacks. Prepared once per Store, beside store-statements.ts.
import type Database from 'better-sqlite3';

export interface RelationRow {
  id: string;
  document_id: string;
  annotator_id: string;
  annotator_name: string;
  type: string;
  from_span_id: string;
  to_span_id: string;
  created_at: string;
}

export interface NewRelationRow {
  id: string;
  documentId: string;
  annotatorId: string;
  type: string;
  fromSpanId: string;
  toSpanId: string;
  createdAt: string;
}

export interface EntityRow {
  id: string;
  kind: string;
  name: string;
  normalized_name: string;
  merged_into: string | null;
  link_count: number;
  created_at: string;
}

export interface OperationRow {
  at: string;
  annotatorId: string | null;
  documentId: string | null;
  kind: string;
  reversesSeq: number | null;
}

export interface StoredSpanChange {
  seq: number;
  span_id: string;
  action: 'create' | 'update' | 'delete';
  before: string | null;
  after: string | null;
}

export interface StoredRelationChange {
  seq: number;
  relation_id: string;
  action: 'create' | 'delete';
  before: string | null;
  after: string | null;
}

export interface StackRow {
  operation_seq: number;
  stack_order: number;
}

const RELATION_COLUMNS = `r.id, r.document_id, r.annotator_id, a.name AS annotator_name, r.type, r.from_span_id, r.to_span_id, r.created_at`;
const ENTITY_COLUMNS = `e.id, e.kind, e.name, e.normalized_name, e.merged_into, e.created_at,
  (SELECT COUNT(*) FROM spans s WHERE s.entity_id = e.id) AS link_count`;

export function prepareAttributionStatements(db: Database.Database) {
  return {
    relationsByDocument: db.prepare<[string], RelationRow>(
      `SELECT ${RELATION_COLUMNS} FROM relations r JOIN annotators a ON a.id = r.annotator_id WHERE r.document_id = ? ORDER BY r.created_at, r.rowid`,
    ),
    relationById: db.prepare<[string], RelationRow>(`SELECT ${RELATION_COLUMNS} FROM relations r JOIN annotators a ON a.id = r.annotator_id WHERE r.id = ?`),
    relationsOfSpan: db.prepare<[string, string], RelationRow>(
      `SELECT ${RELATION_COLUMNS} FROM relations r JOIN annotators a ON a.id = r.annotator_id
       WHERE r.from_span_id = ? OR r.to_span_id = ? ORDER BY r.created_at, r.rowid`,
    ),
    relationByEnds: db.prepare<[string, string, string], { id: string }>('SELECT id FROM relations WHERE from_span_id = ? AND type = ? AND to_span_id = ?'),
    insertRelation: db.prepare<[NewRelationRow], void>(
      `INSERT INTO relations (id, document_id, annotator_id, type, from_span_id, to_span_id, created_at)
       VALUES (@id, @documentId, @annotatorId, @type, @fromSpanId, @toSpanId, @createdAt)`,
    ),
    deleteRelation: db.prepare<[string], void>('DELETE FROM relations WHERE id = ?'),
    relationLabelCounts: db.prepare<[], { type: string; from_label: string; to_label: string; n: number }>(
      `SELECT r.type, f.label AS from_label, t.label AS to_label, COUNT(*) AS n
       FROM relations r JOIN spans f ON f.id = r.from_span_id JOIN spans t ON t.id = r.to_span_id
       GROUP BY r.type, f.label, t.label`,
    ),
    spanLabelCounts: db.prepare<[], { label: string; n: number }>('SELECT label, COUNT(*) AS n FROM spans GROUP BY label'),

    entityById: db.prepare<[string], EntityRow>(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`),
    activeEntities: db.prepare<[{ kind: string | null }], EntityRow>(
      `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.merged_into IS NULL AND (@kind IS NULL OR e.kind = @kind) ORDER BY e.normalized_name, e.id`,
    ),
    entityByNormalizedName: db.prepare<[string, string], EntityRow>(
      `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.kind = ? AND e.normalized_name = ? AND e.merged_into IS NULL`,
    ),
    insertEntity: db.prepare<[{ id: string; kind: string; name: string; normalizedName: string; at: string }], void>(
      `INSERT INTO entities (id, kind, name, normalized_name, created_at, updated_at) VALUES (@id, @kind, @name, @normalizedName, @at, @at)`,
    ),
    markEntityMerged: db.prepare<[{ id: string; into: string; at: string }], void>(
      'UPDATE entities SET merged_into = @into, updated_at = @at WHERE id = @id',
    ),
    /** Earlier merges into an entity now merged away follow it, so chains stay one step long. */
    repointMerged: db.prepare<[{ from: string; into: string }], void>('UPDATE entities SET merged_into = @into WHERE merged_into = @from'),
    spanIdsOfEntity: db.prepare<[string], { id: string }>('SELECT id FROM spans WHERE entity_id = ? ORDER BY id'),
    /** Every claim (any span) with a relation to a span linked to the entity. */
    claimsOfEntity: db.prepare<[string], { relation_type: string; claim_id: string; via_id: string; document_id: string; document_title: string }>(
      `SELECT r.type AS relation_type, r.from_span_id AS claim_id, r.to_span_id AS via_id, d.id AS document_id, d.title AS document_title
       FROM spans v JOIN relations r ON r.to_span_id = v.id JOIN documents d ON d.id = r.document_id
       WHERE v.entity_id = ? ORDER BY d.created_at, d.rowid, r.created_at, r.rowid`,
    ),
    insertEntityChange: db.prepare<
      [{ operationSeq: number; at: string; annotatorId: string | null; entityId: string; action: 'create' | 'merge'; before: string | null; after: string }],
      void
    >(
      `INSERT INTO entity_changes (operation_seq, at, annotator_id, entity_id, action, before, after)
       VALUES (@operationSeq, @at, @annotatorId, @entityId, @action, @before, @after)`,
    ),

    importedSchemas: db.prepare<[], { id: string; json: string }>('SELECT id, json FROM annotation_schemas ORDER BY imported_at, id'),
    importedSchemaById: db.prepare<[string], { id: string; json: string }>('SELECT id, json FROM annotation_schemas WHERE id = ?'),
    putImportedSchema: db.prepare<[{ id: string; json: string; at: string }], void>(
      `INSERT INTO annotation_schemas (id, json, imported_at) VALUES (@id, @json, @at)
       ON CONFLICT (id) DO UPDATE SET json = excluded.json, imported_at = excluded.imported_at`,
    ),
    upsertLabel: db.prepare<[{ name: string; color: string; shortcutCode: string; sortOrder: number }], void>(
      `INSERT INTO labels (name, color, shortcut_code, sort_order) VALUES (@name, @color, @shortcutCode, @sortOrder)
       ON CONFLICT (name) DO UPDATE SET color = excluded.color, shortcut_code = excluded.shortcut_code, sort_order = excluded.sort_order`,
    ),
    deleteLabelsExcept: db.prepare<[string], void>(
      'DELETE FROM labels WHERE name NOT IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM spans WHERE spans.label = labels.name)',
    ),

    putStatus: db.prepare<[{ documentId: string; annotatorId: string; status: string; at: string }], void>(
      `INSERT INTO document_status (document_id, annotator_id, status, updated_at) VALUES (@documentId, @annotatorId, @status, @at)
       ON CONFLICT (document_id, annotator_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
    ),
    /** First edit of a document by an annotator: not started → in progress (a 'done' stays done). */
    startStatus: db.prepare<[{ documentId: string; annotatorId: string; at: string }], void>(
      `INSERT INTO document_status (document_id, annotator_id, status, updated_at) VALUES (@documentId, @annotatorId, 'in_progress', @at)
       ON CONFLICT (document_id, annotator_id) DO UPDATE SET status = 'in_progress', updated_at = excluded.updated_at
       WHERE document_status.status = 'not_started'`,
    ),
    statusesOfDocument: db.prepare<[string], { annotator_id: string; annotator_name: string; status: string }>(
      `SELECT ds.annotator_id, a.name AS annotator_name, ds.status FROM document_status ds JOIN annotators a ON a.id = ds.annotator_id
       WHERE ds.document_id = ? ORDER BY a.name, a.id`,
    ),

    insertOperation: db.prepare<[OperationRow], void>(
      `INSERT INTO operations (at, annotator_id, document_id, kind, reverses_seq) VALUES (@at, @annotatorId, @documentId, @kind, @reversesSeq)`,
    ),
    insertRelationChange: db.prepare<
      [{ operationSeq: number; at: string; annotatorId: string; documentId: string; relationId: string; action: 'create' | 'delete'; before: string | null; after: string | null }],
      void
    >(
      `INSERT INTO relation_changes (operation_seq, at, annotator_id, document_id, relation_id, action, before, after)
       VALUES (@operationSeq, @at, @annotatorId, @documentId, @relationId, @action, @before, @after)`,
    ),
    spanChangesOfOperation: db.prepare<[number], StoredSpanChange>(
      'SELECT seq, span_id, action, before, after FROM span_changes WHERE operation_seq = ? ORDER BY seq',
    ),
    relationChangesOfOperation: db.prepare<[number], StoredRelationChange>(
      'SELECT seq, relation_id, action, before, after FROM relation_changes WHERE operation_seq = ? ORDER BY seq',
    ),
    importChangeOfOperation: db.prepare<[number], { operation_seq: number }>('SELECT operation_seq FROM import_changes WHERE operation_seq = ?'),

    pushDone: db.prepare<[{ seq: number; documentId: string; annotatorId: string }], void>(
      `INSERT INTO history_stack (operation_seq, document_id, annotator_id, state, stack_order) VALUES (@seq, @documentId, @annotatorId, 'done', @seq)`,
    ),
    clearRedo: db.prepare<[{ documentId: string; annotatorId: string }], void>(
      `DELETE FROM history_stack WHERE document_id = @documentId AND annotator_id = @annotatorId AND state = 'undone'`,
    ),
    stackTop: db.prepare<[{ documentId: string; annotatorId: string; state: 'done' | 'undone' }], StackRow>(
      `SELECT operation_seq, stack_order FROM history_stack WHERE document_id = @documentId AND annotator_id = @annotatorId AND state = @state
       ORDER BY stack_order DESC LIMIT 1`,
    ),
    moveOnStack: db.prepare<[{ seq: number; state: 'done' | 'undone'; order: number }], void>(
      'UPDATE history_stack SET state = @state, stack_order = @order WHERE operation_seq = @seq',
    ),
    clearStacksOfDocument: db.prepare<[string], void>('DELETE FROM history_stack WHERE document_id = ?'),
  };
}

export type AttributionStatements = ReturnType<typeof prepareAttributionStatements>;
