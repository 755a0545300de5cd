// Writes the gold layer: spans of the annotator "gold", changed by reviewers in one transaction per
// decision, logged in the change log (naming the reviewer) and undone on gold's own stack per document.
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { GOLD_ANNOTATOR_NAME, type GoldLayer, type GoldLinkInput, type GoldSpanRef } from '../../shared/adjudication/gold-layer';
import type { AttributeValue, SchemaLabel } from '../../shared/schemas/annotation-schema';
import { checkRelationLabels } from '../../shared/schemas/check-relation';
import { applyAttributeChanges, defaultAttributes } from '../../shared/schemas/span-attributes';
import { canonicalizeText, titleFromText } from '../../shared/text/canonical-text';
import { checkSpanRangeUtf16 } from '../../shared/text/check-span-range';
import { OffsetMap } from '../../shared/text/offset-map';
import { StoreError } from '../database-errors';
import { prepareAttributionStatements, type AttributionStatements } from './attribution-statements';
import { toRelation, toSpan } from './map-rows';
import { Operation } from './Operation';
import { removeRelation, replayOperation } from './replay-operation';
import { prepareStoreStatements, type StoreStatements } from './store-statements';
import type { Store } from './Store';

export interface GoldAdditionInput {
  label: string;
  startUtf16: number;
  endUtf16: number;
  /** Typed values, or the nominal strings of a review ("true"/"false", sets joined by "|"). */
  attributes?: Readonly<Record<string, AttributeValue>> | undefined;
}

export interface GoldChangeInput {
  documentId: string;
  add: readonly GoldAdditionInput[];
  removeSpanIds: readonly string[];
  links?: readonly GoldLinkInput[] | undefined;
  removeRelationIds?: readonly string[] | undefined;
}

const goldLayers = new WeakMap<Store, GoldLayerStore>();

export class GoldLayerStore {
  private readonly sql: StoreStatements & AttributionStatements;

  constructor(private readonly store: Store) {
    this.sql = { ...prepareStoreStatements(store.db), ...prepareAttributionStatements(store.db) };
  }

  static for(store: Store): GoldLayerStore {
    let gold = goldLayers.get(store);
    if (gold === undefined) goldLayers.set(store, (gold = new GoldLayerStore(store)));
    return gold;
  }

  private get db(): Database.Database {
    return this.store.db;
  }

  /** The gold layer of the document with this text hash, or null when the database has no such document. */
  findBySha256(sha256: string): GoldLayer | null {
    const documentId = this.sql.documentIdBySha256.get(sha256)?.id;
    return documentId === undefined ? null : this.layer(documentId);
  }

  /**
   * The document with this text, stored first if the database lacks it (a review loaded from files),
   * so that it can be adjudicated. The text must be canonical: the offsets of the files refer to it.
   */
  ensureDocument(title: string, text: string): GoldLayer {
    if (canonicalizeText(text) !== text) {
      throw new StoreError('INVALID_FILE', 'The text is not in canonical form (no BOM, \\n line endings, NFC); offsets into it would not be those of the export files.');
    }
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const [stored] = this.store.insertDocuments([
      { sourceName: `${title || 'review'} (review)`, title: title.trim() || titleFromText(text, 'review'), text, sha256, lengthCodePoints: new OffsetMap(text).lengthCodePoints },
    ]);
    return this.layer(stored!.document.id);
  }

  /**
   * Removes relations and spans, adds spans, then links, in one transaction and one operation; any
   * bad span, label, attribute or link writes nothing.
   */
  apply(change: GoldChangeInput): GoldLayer {
    return this.db.transaction(() => {
      const text = this.requireText(change.documentId);
      const goldId = this.ensureGoldAnnotator();
      const operation = new Operation(this.sql, { kind: 'gold.apply', at: new Date().toISOString(), annotatorId: this.actor(goldId), documentId: change.documentId });
      // Relations first: removing a span below also removes its relations.
      for (const relationId of new Set(change.removeRelationIds ?? [])) {
        const relation = this.sql.relationById.get(relationId);
        if (relation === undefined || relation.document_id !== change.documentId || relation.annotator_id !== goldId) {
          throw new StoreError('NOT_FOUND', `No gold relation with id «${relationId}» in this document.`);
        }
        removeRelation(this.sql, operation, relation);
      }
      for (const spanId of new Set(change.removeSpanIds)) {
        const row = this.sql.spanById.get(spanId);
        if (row === undefined || row.document_id !== change.documentId || row.annotator_id !== goldId) {
          throw new StoreError('NOT_FOUND', `No gold span with id «${spanId}» in this document.`);
        }
        for (const relation of this.sql.relationsOfSpan.all(spanId, spanId)) removeRelation(this.sql, operation, relation);
        this.sql.deleteSpan.run(spanId);
        operation.logSpan(change.documentId, spanId, row, null);
      }
      const map = new OffsetMap(text);
      const keyOf = (label: string, startUtf16: number, endUtf16: number) => `${label}\u0000${startUtf16}\u0000${endUtf16}`;
      const present = new Set(this.goldRows(change.documentId, goldId).map((row) => keyOf(row.label, row.start_utf16, row.end_utf16)));
      change.add.forEach((addition, index) => {
        const where = `Gold span ${index + 1} («${addition.label}» ${addition.startUtf16}–${addition.endUtf16})`;
        const label = this.requireLabel(addition.label);
        const range = checkSpanRangeUtf16(map, addition.startUtf16, addition.endUtf16);
        if (!range.ok) throw new StoreError('INVALID_SPAN', `${where}: ${range.message}`);
        const attributes = applyAttributeChanges(label, defaultAttributes(label), coerceAttributes(label, addition.attributes ?? {}));
        if (!attributes.ok) throw new StoreError('INVALID_ATTRIBUTE', `${where}: ${attributes.message}`);
        // The same span twice in gold says nothing more: accepting agreements twice adds nothing.
        const key = keyOf(addition.label, addition.startUtf16, addition.endUtf16);
        if (present.has(key)) return;
        present.add(key);
        const id = randomUUID();
        this.sql.insertSpan.run({
          id,
          documentId: change.documentId,
          annotatorId: goldId,
          label: addition.label,
          startUtf16: addition.startUtf16,
          endUtf16: addition.endUtf16,
          attributes: JSON.stringify(attributes.attributes),
          at: operation.at,
        });
        operation.logSpan(change.documentId, id, null, this.sql.spanById.get(id)!);
      });
      this.addLinks(operation, change.documentId, goldId, change.links ?? []);
      if (operation.seq !== undefined) {
        this.sql.clearRedo.run({ documentId: change.documentId, annotatorId: goldId });
        this.sql.pushDone.run({ seq: operation.seq, documentId: change.documentId, annotatorId: goldId });
        this.touch(change.documentId, goldId, operation.at);
      }
      return this.layer(change.documentId);
    })();
  }

  /** Creates each link whose two ends are gold spans now, unless it exists; the schema must allow it. */
  private addLinks(operation: Operation, documentId: string, goldId: string, links: readonly GoldLinkInput[]): void {
    if (links.length === 0) return;
    const refKey = (ref: GoldSpanRef) => `${ref.label}\u0000${ref.startUtf16}\u0000${ref.endUtf16}`;
    const spanIdByRef = new Map(this.goldRows(documentId, goldId).map((row) => [refKey({ label: row.label, startUtf16: row.start_utf16, endUtf16: row.end_utf16 }), row.id]));
    const schema = this.store.schemas.active();
    for (const link of links) {
      const fromSpanId = spanIdByRef.get(refKey(link.from));
      const toSpanId = spanIdByRef.get(refKey(link.to));
      if (fromSpanId === undefined || toSpanId === undefined || fromSpanId === toSpanId) continue;
      if (this.sql.relationByEnds.get(fromSpanId, link.type, toSpanId) !== undefined) continue;
      const check = checkRelationLabels(schema, link.type, link.from.label, link.to.label);
      if (!check.ok) throw new StoreError('INVALID_RELATION', check.message);
      const id = randomUUID();
      this.sql.insertRelation.run({ id, documentId, annotatorId: goldId, type: link.type, fromSpanId, toSpanId, createdAt: operation.at });
      operation.logRelation(null, this.sql.relationById.get(id)!);
    }
  }

  /** Reverts the last gold change of the document (whoever made it: gold has one history per document). */
  undo(documentId: string): GoldLayer & { changed: boolean } {
    return this.replay(documentId, 'undo');
  }

  redo(documentId: string): GoldLayer & { changed: boolean } {
    return this.replay(documentId, 'redo');
  }

  private replay(documentId: string, direction: 'undo' | 'redo'): GoldLayer & { changed: boolean } {
    return this.db.transaction(() => {
      this.requireText(documentId);
      const goldId = this.sql.annotatorByName.get(GOLD_ANNOTATOR_NAME)?.id;
      const top = goldId === undefined ? undefined : this.sql.stackTop.get({ documentId, annotatorId: goldId, state: direction === 'undo' ? 'done' : 'undone' });
      if (goldId === undefined || top === undefined) return { ...this.layer(documentId), changed: false };
      const operation = new Operation(this.sql, { kind: `gold.${direction}`, at: new Date().toISOString(), annotatorId: this.actor(goldId), documentId, reversesSeq: top.operation_seq });
      replayOperation(
        {
          sql: this.sql,
          operation,
          documentId,
          resolveEntity: (entityId) => this.store.register.resolve(entityId),
          writeSpan: (...args) => this.store.writeSpan(...args),
        },
        top.operation_seq,
        direction,
      );
      const order = operation.ensureSeq();
      this.sql.moveOnStack.run({ seq: top.operation_seq, state: direction === 'undo' ? 'undone' : 'done', order });
      this.touch(documentId, goldId, operation.at);
      return { ...this.layer(documentId), changed: true };
    })();
  }

  private layer(documentId: string): GoldLayer {
    const text = this.requireText(documentId);
    const goldId = this.sql.annotatorByName.get(GOLD_ANNOTATOR_NAME)?.id ?? null;
    const map = new OffsetMap(text);
    const top = (state: 'done' | 'undone') => goldId !== null && this.sql.stackTop.get({ documentId, annotatorId: goldId, state }) !== undefined;
    return {
      documentId,
      goldAnnotatorId: goldId,
      spans: goldId === null ? [] : this.goldRows(documentId, goldId).map((row) => toSpan(row, map)),
      relations: goldId === null ? [] : this.sql.relationsByDocument.all(documentId).filter((row) => row.annotator_id === goldId).map(toRelation),
      canUndo: top('done'),
      canRedo: top('undone'),
    };
  }

  private goldRows(documentId: string, goldId: string) {
    return this.sql.spansByDocument.all(documentId).filter((row) => row.annotator_id === goldId);
  }

  /**
   * Who the change log names as acting: the reviewer when one has given a name, else gold itself.
   * The spans belong to gold and the undo stack is gold's either way.
   */
  private actor(goldId: string): string {
    return this.store.currentAnnotator()?.id ?? goldId;
  }

  private ensureGoldAnnotator(): string {
    const existing = this.sql.annotatorByName.get(GOLD_ANNOTATOR_NAME);
    if (existing !== undefined) return existing.id;
    const id = randomUUID();
    this.sql.insertAnnotator.run({ id, name: GOLD_ANNOTATOR_NAME, at: new Date().toISOString() });
    return id;
  }

  private requireText(documentId: string): string {
    const row = this.sql.documentTextById.get(documentId);
    if (row === undefined) throw new StoreError('NOT_FOUND', `No document with id «${documentId}».`);
    return row.text;
  }

  private requireLabel(name: string): SchemaLabel {
    const label = this.sql.labelByName.get(name) === undefined ? undefined : this.store.schemas.label(name);
    if (label !== undefined) return label;
    const known = this.store.listLabels().map((known) => known.name).join(', ');
    throw new StoreError('UNKNOWN_LABEL', `Unknown label «${name}»; known labels: ${known}`);
  }

  private touch(documentId: string, annotatorId: string, at: string): void {
    this.sql.touchDocument.run({ id: documentId, at });
    this.sql.startStatus.run({ documentId, annotatorId, at });
  }
}

/** Review files carry attributes as nominal strings; the schema says which were booleans or sets. */
function coerceAttributes(label: SchemaLabel, attributes: Readonly<Record<string, AttributeValue>>): Record<string, AttributeValue> {
  const coerced: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const type = label.attributes?.find((attribute) => attribute.name === name)?.type;
    if (typeof value === 'string' && type === 'boolean' && (value === 'true' || value === 'false')) coerced[name] = value === 'true';
    else if (typeof value === 'string' && type === 'multi-choice') coerced[name] = value === '' ? [] : value.split('|');
    else coerced[name] = value;
  }
  return coerced;
}
