// Exports from the database in every format: Isnad JSON or, through the neutral corpus model, JSONL,
// brat, CoNLL BIO, W3C Web Annotation, Label Studio, doccano and spaCy JSONL. Per document or all;
// chosen annotators' layers (the gold layer is the annotator named "gold"). Documents are read and
// written in batches into a sink (a file, or a string for the app), so 10,000 documents with
// 500,000 spans export with bounded memory; an Isnad JSON document passes the export's zod check.
// W3C may add each document's text (ID.txt), which its annotations cannot hold.
import type Database from 'better-sqlite3';
import { ExportDocumentV1, type ExportEntityV1, type ExportFileV1 } from '../shared/export/export-v1';
import { serializeBratStandoff } from '../shared/formats/brat-standoff';
import { serializeConllBio } from '../shared/formats/conll-bio';
import type { CorpusDocument, CorpusNote, CorpusSpan } from '../shared/formats/corpus-model';
import type { ExportFormat } from '../shared/formats/detect-format';
import { serializeDoccano } from '../shared/formats/doccano';
import type { FormatExportResult } from '../shared/formats/format-rpc';
import { serializeJsonlCorpus } from '../shared/formats/jsonl-corpus';
import { labelStudioTasks } from '../shared/formats/label-studio';
import type { FormatIssue } from '../shared/formats/parse-result';
import { serializeSpacyJsonl } from '../shared/formats/spacy-jsonl';
import { ANNOTATION_CONTEXT, documentSourceIri, sourceTextName, webAnnotationItems } from '../shared/formats/web-annotation';
import type { Annotator } from '../shared/rpc/domain';
import { CoalescingSink } from './coalescing-sink';
import type { ExportSink } from './export-sink';
import { StoreError } from './database-errors';
import { toExportDocument } from './build-export';
import { describeIssue } from './read-corpus-file';
import { Store } from './store/Store';

export const GOLD_ANNOTATOR = 'gold';
/** Documents converted at a time: enough to amortize the serializers, few enough to bound memory. */
const BATCH_DOCUMENTS = 200;

export interface FormatExportOptions {
  format: ExportFormat;
  documentId?: string | undefined;
  /** Annotator names whose layers to export; every annotator when absent. */
  annotatorNames?: readonly string[] | undefined;
  /** CoNLL: the label layer to write (e.g. ['speaker']); every label when absent. */
  conllLabels?: readonly string[] | undefined;
  /** Documents per batch (tests make it small to cross batch boundaries). */
  batchDocuments?: number | undefined;
  /**
   * W3C: after the annotations file, each document's text as `ID.txt` (the name sourceTextName reads
   * back), so that the annotations and their texts import into a fresh database.
   */
  webAnnotationTexts?: boolean | undefined;
}

export interface ExportedFile {
  /** A file name (brat: one .txt and one .ann per document). */
  name: string;
  content: string;
}

export interface FormatExport {
  files: ExportedFile[];
  warnings: FormatIssue[];
  documentCount: number;
  spanCount: number;
}

export type { ExportSink } from './export-sink';

export interface StreamedExport {
  fileNames: string[];
  warnings: FormatIssue[];
  documentCount: number;
  spanCount: number;
}

/** Default file name of a one-file export. */
export const EXPORT_FILE_NAMES: Record<Exclude<ExportFormat, 'brat'>, string> = {
  isnad: 'isnad-export.json',
  jsonl: 'corpus.jsonl',
  conll: 'corpus.conll',
  webanno: 'annotations.jsonld',
  'label-studio': 'label-studio-tasks.json',
  doccano: 'doccano.jsonl',
  spacy: 'spacy.jsonl',
};

/** Annotator ids for names; an unknown name is NOT_FOUND (an empty export would look like lost work). */
export function annotatorIdsByName(store: Store, names: readonly string[]): string[] {
  const statement = store.db.prepare<[string], { id: string }>('SELECT id FROM annotators WHERE name = ?');
  return names.map((raw) => {
    const name = raw.trim().normalize('NFC');
    const row = statement.get(name);
    if (row === undefined) {
      const known = listAnnotators(store).map((entry) => entry.name);
      throw new StoreError('NOT_FOUND', `No annotator named «${name}»; the annotators are ${known.join(', ') || 'none yet'}.`);
    }
    return row.id;
  });
}

/** The whole export as strings (the app, tests). */
export function exportInFormat(db: Database.Database | Store, options: FormatExportOptions): FormatExport {
  const files: ExportedFile[] = [];
  let current: string[] = [];
  let name = '';
  const result = streamExport(db, options, {
    open: (fileName) => {
      name = fileName;
      current = [];
    },
    write: (chunk) => current.push(chunk),
    close: () => files.push({ name, content: current.join('') }),
  });
  return { files, warnings: result.warnings, documentCount: result.documentCount, spanCount: result.spanCount };
}

/** Writes the export into `sink`, document batch by document batch, in one read transaction. */
export function streamExport(db: Database.Database | Store, options: FormatExportOptions, givenSink: ExportSink): StreamedExport {
  const store = db instanceof Store ? db : Store.for(db);
  const sink = new CoalescingSink(givenSink);
  return store.db.transaction(() => {
    const annotatorIds = options.annotatorNames === undefined ? undefined : annotatorIdsByName(store, options.annotatorNames);
    const documentIds = options.documentId === undefined ? store.db.prepare<[], { id: string }>('SELECT id FROM documents ORDER BY created_at, rowid').all().map((row) => row.id) : [options.documentId];
    if (options.documentId !== undefined) store.getDocument(options.documentId); // NOT_FOUND before any file is opened
    const writer = new ExportWriter(store, options, sink, annotatorIds, documentIds.length);
    const wanted = annotatorIds === undefined ? undefined : new Set(annotatorIds);
    const batchSize = options.batchDocuments ?? BATCH_DOCUMENTS;
    for (let at = 0; at < documentIds.length; at += batchSize) {
      writer.batch(documentIds.slice(at, at + batchSize).map((documentId) => exportOneDocument(store, documentId, wanted, options.format === 'isnad')));
    }
    const exported = writer.finish();
    // The sink holds one file at a time: the texts come in a second pass, once the annotations are closed.
    if (options.format === 'webanno' && options.webAnnotationTexts === true) writeWebAnnotationTexts(store, documentIds, sink, exported);
    return exported;
  })();
}

/**
 * Each document's text as the file a W3C import looks for beside the annotations: the last segment
 * of its source IRI (`doc1.txt` for urn:isnad:document:doc1). A name that cannot be a file name, or
 * that another document's text already took, is left out with a warning.
 */
function writeWebAnnotationTexts(store: Store, documentIds: readonly string[], sink: ExportSink, exported: StreamedExport): void {
  const textOf = store.db.prepare<[string], { text: string }>('SELECT text FROM documents WHERE id = ?');
  // Lower case: on macOS and Windows, Doc1.txt and doc1.txt are one file.
  const taken = new Set<string>();
  for (const documentId of documentIds) {
    const name = sourceTextName(documentSourceIri({ id: documentId, text: '', spans: [], relations: [] }, 0));
    const fileName = `${name}.txt`;
    const unusable = name === '' || name === '.' || name === '..' || /[/\\\0]/u.test(name) || new TextEncoder().encode(fileName).length > 255;
    if (unusable || taken.has(fileName.toLowerCase())) {
      const why = unusable ? `«${fileName}» cannot be a file name` : `another document's text is already written as «${fileName}»`;
      exported.warnings.push({ file: documentId, message: `the text was not written: ${why}; its annotations need it to be imported` });
      continue;
    }
    taken.add(fileName.toLowerCase());
    exported.fileNames.push(fileName);
    sink.open(fileName);
    sink.write(textOf.get(documentId)?.text ?? '');
    sink.close();
  }
}

/** One export in progress: opens the format's file, appends each batch, closes with the format's tail. */
class ExportWriter {
  readonly warnings: FormatIssue[] = [];
  private readonly fileNames: string[] = [];
  private documentCount = 0;
  private spanCount = 0;
  private written = 0;
  private readonly annotators = new Map<string, Annotator>();
  private readonly entities = new Map<string, NonNullable<ExportFileV1['entities']>[number]>();
  private exportedAt = new Date().toISOString();

  constructor(
    private readonly store: Store,
    private readonly options: FormatExportOptions,
    private readonly sink: ExportSink,
    annotatorIds: readonly string[] | undefined,
    private readonly total: number,
  ) {
    const format = options.format;
    if (format === 'brat') return;
    this.open(EXPORT_FILE_NAMES[format]);
    if (format === 'isnad') {
      // Listed annotators are those with spans, relations or a status in the exported documents, as buildExport lists them.
      for (const annotator of this.exportedAnnotators(annotatorIds)) this.annotators.set(annotator.id, annotator);
      const listed = [...this.annotators.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      this.sink.write(`{\n  "format": "isnad",\n  "version": 1,\n  "exportedAt": ${JSON.stringify(this.exportedAt)},\n  "annotators": ${indent(JSON.stringify(listed, null, 2), 2)},\n  "documents": [`);
    } else if (format === 'label-studio') this.sink.write('[');
    else if (format === 'webanno') this.sink.write(`{\n  "@context": ${JSON.stringify(ANNOTATION_CONTEXT)},\n  "type": "AnnotationCollection",\n  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [`);
  }

  batch(files: ExportFileV1[]): void {
    const documents = files.flatMap((file) => file.documents);
    this.documentCount += documents.length;
    this.spanCount += documents.reduce((sum, document) => sum + document.spans.length, 0);
    for (const file of files) for (const entity of file.entities ?? []) this.entities.set(entity.id, entity);
    const corpus = () => files.flatMap(corpusFromExport);
    const separator = () => (this.written++ === 0 ? '\n' : ',\n');
    switch (this.options.format) {
      case 'isnad':
        for (const document of documents) this.sink.write(separator() + indent(JSON.stringify(document, null, 2), 4, true));
        return;
      case 'jsonl':
        return this.append(serializeJsonlCorpus(corpus()));
      case 'doccano':
        return this.append(serializeDoccano(corpus()));
      case 'spacy':
        return this.append(serializeSpacyJsonl(corpus()));
      case 'conll':
        // CoNLL separates documents with -DOCSTART- when there are several; serialized one by one to place it.
        for (const document of corpus()) {
          const result = serializeConllBio([document], this.options.conllLabels === undefined ? {} : { labels: this.options.conllLabels });
          this.warnings.push(...result.warnings);
          const block = result.content.replace(/\n$/u, '');
          this.sink.write(`${this.written++ === 0 ? '' : '\n\n'}${this.total > 1 ? `-DOCSTART- O\n\n${block}` : block}`);
        }
        return;
      case 'label-studio': {
        // One task per line: pretty-printing 500,000 spans tripled the file and the memory to read it back.
        const { tasks, warnings } = labelStudioTasks(corpus());
        this.warnings.push(...warnings);
        for (const task of tasks) this.sink.write(`${separator()}  ${JSON.stringify(task)}`);
        return;
      }
      case 'webanno': {
        const { items, warnings } = webAnnotationItems(corpus());
        this.warnings.push(...warnings);
        for (const item of items) this.sink.write(`${separator()}      ${JSON.stringify(item)}`);
        return;
      }
      case 'brat': {
        const result = serializeBratStandoff(corpus());
        this.warnings.push(...result.warnings);
        for (const pair of result.files) {
          this.open(`${pair.name}.txt`);
          this.sink.write(pair.txt);
          this.sink.close();
          this.open(`${pair.name}.ann`);
          this.sink.write(pair.ann);
          this.sink.close();
          this.written++;
        }
        return;
      }
    }
  }

  finish(): StreamedExport {
    const close = (tail: string) => {
      this.sink.write(tail);
      this.sink.close();
    };
    switch (this.options.format) {
      case 'isnad': {
        const entities = [...this.entities.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.normalizedName.localeCompare(b.normalizedName) || a.id.localeCompare(b.id));
        const schema = this.store.schemas.active();
        close(`${this.written === 0 ? '' : '\n  '}],\n  "entities": ${indent(JSON.stringify(entities, null, 2), 2)},\n  "schema": ${indent(JSON.stringify(schema, null, 2), 2)}\n}\n`);
        break;
      }
      case 'label-studio':
        close(this.written === 0 ? ']\n' : '\n]\n');
        break;
      case 'webanno':
        close(`${this.written === 0 ? '' : '\n    '}]\n  },\n  "total": ${this.written}\n}\n`);
        break;
      case 'conll':
        close(this.written === 0 ? '' : '\n');
        break;
      case 'brat':
        break;
      default:
        this.sink.close();
    }
    return { fileNames: this.fileNames, warnings: this.warnings, documentCount: this.documentCount, spanCount: this.spanCount };
  }

  private open(name: string): void {
    this.fileNames.push(name);
    this.sink.open(name);
  }

  private append(result: { content: string; warnings: FormatIssue[] }): void {
    this.warnings.push(...result.warnings);
    this.sink.write(result.content);
  }

  private exportedAnnotators(annotatorIds: readonly string[] | undefined): Annotator[] {
    const scope = this.options.documentId === undefined ? '' : 'WHERE document_id = @documentId';
    const rows = this.store.db
      .prepare<{ documentId: string | null }, Annotator>(
        `SELECT a.id, a.name FROM annotators a WHERE a.id IN (
           SELECT annotator_id FROM spans ${scope} UNION SELECT annotator_id FROM relations ${scope} UNION SELECT annotator_id FROM document_status ${scope})`,
      )
      .all({ documentId: this.options.documentId ?? null });
    return annotatorIds === undefined ? rows : rows.filter((row) => annotatorIds.includes(row.id));
  }
}

/** Indents every line but the first (the first follows a key or a separator already written). */
function indent(json: string, spaces: number, first = false): string {
  const pad = ' '.repeat(spaces);
  return (first ? pad : '') + json.replaceAll('\n', `\n${pad}`);
}

/**
 * One document as build-export.ts writes it (its toExportDocument), as a one-document file.
 * For Isnad JSON it is checked with the export's zod schema (per document: checking the whole file,
 * schema included, for each of 10,000 documents took most of an export's time).
 */
function exportOneDocument(store: Store, documentId: string, wanted: ReadonlySet<string> | undefined, validate: boolean): ExportFileV1 {
  const keep = (row: { annotatorId: string }) => wanted === undefined || wanted.has(row.annotatorId);
  const { document, spans: allSpans, relations: allRelations } = store.getDocument(documentId);
  const spans = allSpans.filter(keep);
  const relations = allRelations.filter(keep);
  const statuses = validate ? store.documentStatuses(documentId).filter(keep) : [];
  const annotators = new Map<string, Annotator>();
  const entities = new Map<string, ExportEntityV1>();
  for (const span of spans) {
    annotators.set(span.annotatorId, { id: span.annotatorId, name: span.annotatorName });
    if (validate && span.entityId !== null && !entities.has(span.entityId)) {
      const entity = store.register.get(span.entityId);
      entities.set(entity.id, { id: entity.id, kind: entity.kind, name: entity.name, normalizedName: entity.normalizedName });
    }
  }
  const exported = toExportDocument(document, spans, relations, statuses);
  return {
    format: 'isnad',
    version: 1,
    exportedAt: '',
    annotators: [...annotators.values()],
    documents: [validate ? ExportDocumentV1.parse(exported) : exported],
    entities: [...entities.values()],
  };
}

/** The neutral corpus of an Isnad export: spans keep their annotator's name, their attributes and their notes. */
export function corpusFromExport(file: ExportFileV1): CorpusDocument[] {
  const names = new Map(file.annotators.map((annotator) => [annotator.id, annotator.name]));
  return file.documents.map((document) => {
    const out: CorpusDocument = {
      id: document.id,
      title: document.title,
      text: document.text,
      ...(document.meta === undefined ? {} : { meta: document.meta }),
      spans: document.spans.map((span) => {
        const out: CorpusSpan = { id: span.id, label: span.label, startUtf16: span.startUtf16, endUtf16: span.endUtf16, annotator: names.get(span.annotator) ?? span.annotator };
        if (span.attributes !== undefined && Object.keys(span.attributes).length > 0) out.attributes = span.attributes as CorpusSpan['attributes'] & object;
        return out;
      }),
      relations: (document.relations ?? []).map((relation) => ({ id: relation.id, type: relation.type, fromSpanId: relation.from, toSpanId: relation.to })),
    };
    const notes = notesOf(document.spans);
    if (notes.length > 0) out.notes = notes;
    return out;
  });
}

/**
 * One AnnotatorNotes note per paragraph of a span's note: brat notes are one line each, and an import
 * joins a span's notes with a blank line, so several notes on a span come back as they were.
 */
function notesOf(spans: ExportFileV1['documents'][number]['spans']): CorpusNote[] {
  const notes: CorpusNote[] = [];
  for (const span of spans) {
    for (const paragraph of (span.note ?? '').split(/\n\s*\n/u)) {
      const text = paragraph.trim();
      if (text !== '') notes.push({ id: `#${notes.length + 1}`, targetId: span.id, type: 'AnnotatorNotes', text });
    }
  }
  return notes;
}

/** formats.export: the export with its warnings as one line each. */
export function exportForRpc(store: Store, request: { format: ExportFormat; documentId?: string | undefined; conllLabels?: string[] | undefined; annotatorNames?: string[] | undefined }): FormatExportResult {
  // One document's W3C export downloads its text too; the whole database is one streamed file (GET /export).
  const exported = exportInFormat(store, { ...request, webAnnotationTexts: request.documentId !== undefined });
  return { format: request.format, files: exported.files, warnings: exported.warnings.slice(0, 50).map(describeIssue), documentCount: exported.documentCount, spanCount: exported.spanCount };
}

/** Every annotator, by name: the export dialog's layer choices. */
export function listAnnotators(store: Store): Annotator[] {
  return store.db.prepare<[], Annotator>('SELECT id, name FROM annotators ORDER BY name').all();
}
