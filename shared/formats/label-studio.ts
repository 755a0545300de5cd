// Label Studio JSON (https://labelstud.io/guide/task_format): a list of tasks, each with `data.text`
// and `annotations[].result[]`. A `labels` result holds `value: {start, end, text, labels}`
// (https://labelstud.io/tags/text, "Sample Results JSON"); a `relation` result links two regions by
// `from_id`/`to_id`. Offsets count code points since label-studio PR #1559 / label-studio-frontend
// PR #308 ("store code points instead of js length"); older exports counted UTF-16: see offsetUnit.
import { OffsetMap } from '../text/offset-map';
import { canonicalizationWarning, canonicalizeSource } from './canonical-source';
import type { CorpusDocument, CorpusRelation, CorpusSpan, OffsetUnit } from './corpus-model';
import { documentName } from './corpus-model';
import { idString, isPlainObject } from './jsonl-lines';
import { finishParse, MAX_REPORTED_ERRORS, type FormatIssue, type ParseResult, type SerializeResult } from './parse-result';
import { fromUtf16, locateSpan } from './span-locator';
import { JsonSyntaxError, streamJsonArray, type JsonText } from './split-json-array';

export interface LabelStudioParseOptions {
  fileName: string;
  /** Default 'codePoints' (current Label Studio); 'utf16' for exports made before the fix. */
  offsetUnit?: OffsetUnit;
  /** The `data` field holding the text; default 'text'. */
  textField?: string;
  /**
   * Also import model predictions (default: only human annotations), each in the layer of its
   * `model_version` (else "prediction"), never in the human annotator's.
   */
  includePredictions?: boolean | undefined;
}

/** What reading a whole Label Studio file ends with, after its documents went by one at a time. */
export type LabelStudioEnd = { ok: true; warnings: FormatIssue[] } | { ok: false; errors: FormatIssue[] };

/**
 * The tasks' documents one at a time (`record` = task number, from 1), each parsed from its own
 * slice of the text (shared/formats/split-json-array), so a large file never exists as one tree of
 * objects. After the first error no more documents come: the remaining tasks are only checked, so
 * that the end lists every error (up to MAX_REPORTED_ERRORS), as parseLabelStudio does.
 */
export function* readLabelStudio(input: JsonText, options: LabelStudioParseOptions): Generator<{ document: CorpusDocument; record: number }, LabelStudioEnd> {
  const file = options.fileName;
  const streamed = streamJsonArray(input, [[]], (json) => (Array.isArray(json) ? json : undefined));
  if (!streamed.ok) return { ok: false, errors: [{ file, message: `not valid JSON (${streamed.message})` }] };
  const reader = new LabelStudioReader(options);
  let record = 0;
  try {
    // A single task object (not a list) is one task.
    for (const task of streamed.elements === undefined ? [streamed.value] : streamed.elements()) {
      const document = reader.task(task, ++record);
      if (document !== undefined && reader.errors.length === 0) yield { document, record };
      if (reader.errors.length >= MAX_REPORTED_ERRORS) break;
    }
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, errors: [{ file, message: `not valid JSON (${error.message})` }] };
    throw error;
  }
  return reader.finish();
}

export function parseLabelStudio(input: JsonText, options: LabelStudioParseOptions): ParseResult {
  const documents: CorpusDocument[] = [];
  const tasks = readLabelStudio(input, options);
  for (;;) {
    const next = tasks.next();
    if (next.done) return next.value.ok ? finishParse(documents, [], next.value.warnings) : finishParse([], next.value.errors, []);
    documents.push(next.value.document);
  }
}

/** parseLabelStudio for a value already parsed whole. */
export function parseLabelStudioValue(json: unknown, options: LabelStudioParseOptions): ParseResult {
  const reader = new LabelStudioReader(options);
  const documents: CorpusDocument[] = [];
  (Array.isArray(json) ? json : [json]).forEach((task, taskIndex) => {
    const document = reader.task(task, taskIndex + 1);
    if (document !== undefined) documents.push(document);
  });
  const end = reader.finish();
  return end.ok ? finishParse(documents, [], end.warnings) : finishParse([], end.errors, []);
}

/** Converts one task at a time; errors and warnings accumulate, file-wide warnings come at `finish`. */
class LabelStudioReader {
  readonly errors: FormatIssue[] = [];
  private readonly warnings: FormatIssue[] = [];
  private ignoredResults = 0;
  private skippedPredictions = 0;
  private readonly file: string;
  private readonly unit: OffsetUnit;
  private readonly textField: string;

  constructor(private readonly options: LabelStudioParseOptions) {
    this.file = options.fileName;
    this.unit = options.offsetUnit ?? 'codePoints';
    this.textField = options.textField ?? 'text';
  }

  finish(): LabelStudioEnd {
    const { file, warnings } = this;
    if (this.errors.length > 0) return { ok: false, errors: this.errors.slice(0, MAX_REPORTED_ERRORS) };
    if (this.ignoredResults > 0) warnings.push({ file, message: `${this.ignoredResults} result(s) of other types (choices, text areas, ratings...) were not imported` });
    if (this.skippedPredictions > 0) warnings.push({ file, message: `${this.skippedPredictions} model prediction(s) were not imported, only the annotations; ask for predictions to import them too, in a layer named after their model_version` });
    return { ok: true, warnings };
  }

  /** The task's document, or undefined when the task is refused (see `errors`). */
  task(task: unknown, record: number): CorpusDocument | undefined {
    const { file, errors, warnings, options, unit, textField } = this;
    const errorsBefore = errors.length;
    let result: CorpusDocument | undefined;
    (() => {
      const fail = (message: string) => errors.push({ file, record, message: `task ${record}: ${message}` });
      if (!isPlainObject(task) || !isPlainObject(task.data)) return fail('needs a "data" object');
      const rawText = task.data[textField];
      if (typeof rawText !== 'string') return fail(`data.${textField} must be the text itself (URLs to text files are not fetched)`);
      const source = canonicalizeSource(rawText);
      const change = canonicalizationWarning(source.changes);
      if (change !== undefined) warnings.push({ file, record, message: `task ${record}: ${change}` });
      const document: CorpusDocument = { text: source.text, spans: [], relations: [] };
      const { [textField]: _text, ...rest } = task.data;
      const id = idString(task.id) ?? idString(rest.id);
      if (id !== undefined) document.id = id;
      if (idString(task.id) === undefined && idString(rest.id) !== undefined) delete rest.id;
      if (typeof rest.title === 'string') {
        document.title = rest.title;
        delete rest.title;
      }
      if (Object.keys(rest).length > 0) document.meta = rest;

      const groups: { kind: string; list: unknown }[] = [{ kind: 'annotation', list: task.annotations ?? task.completions ?? [] }];
      if (options.includePredictions) groups.push({ kind: 'prediction', list: task.predictions ?? [] });
      else if (Array.isArray(task.predictions)) this.skippedPredictions += task.predictions.length;
      for (const { kind, list } of groups) {
        if (!Array.isArray(list)) return fail(`"${kind}s" must be a list`);
        list.forEach((annotation, annotationIndex) => {
          const where = `${kind} ${annotationIndex + 1}`;
          if (!isPlainObject(annotation) || !Array.isArray(annotation.result)) return fail(`${where} needs a "result" list`);
          if (annotation.was_cancelled === true) {
            warnings.push({ file, record, message: `task ${record}: ${where} was cancelled in Label Studio and was skipped` });
            return;
          }
          const named = isPlainObject(annotation.meta) && typeof annotation.meta.annotator === 'string' ? annotation.meta.annotator : undefined;
          // A prediction without a model_version still gets a layer of its own: it must never fall into the importing annotator's.
          const annotator = named ?? (kind === 'prediction' ? (annotatorName(annotation.model_version) ?? 'prediction') : annotatorName(annotation.completed_by ?? annotation.model_version));
          const regionSpans = new Map<string, CorpusSpan>();
          const relationResults: Record<string, unknown>[] = [];
          annotation.result.forEach((result, resultIndex) => {
            const at = `${where}, result ${resultIndex + 1}`;
            if (!isPlainObject(result)) return fail(`${at} must be an object`);
            if (result.type === 'relation') return void relationResults.push(result);
            if (result.type !== 'labels') return void this.ignoredResults++;
            const value = isPlainObject(result.value) ? result.value : {};
            const labels = Array.isArray(value.labels) ? value.labels.filter((label): label is string => typeof label === 'string' && label !== '') : [];
            if (labels.length === 0) return fail(`${at} has no labels`);
            const located = locateSpan(source, value.start, value.end, unit, typeof value.text === 'string' ? { recordedText: value.text } : {});
            if (!located.ok) return fail(`${at}: ${located.message}`);
            const regionId = idString(result.id) ?? `${annotationIndex + 1}-${resultIndex + 1}`;
            labels.forEach((label, labelIndex) => {
              // Label Studio lets one region carry several labels; Isnad makes one span per label.
              const span: CorpusSpan = { id: labelIndex === 0 ? regionId : `${regionId}#${labelIndex + 1}`, label, startUtf16: located.startUtf16, endUtf16: located.endUtf16 };
              if (annotator !== undefined) span.annotator = annotator;
              document.spans.push(span);
              if (labelIndex === 0) regionSpans.set(regionId, span);
            });
          });
          for (const result of relationResults) {
            const from = regionSpans.get(idString(result.from_id) ?? '');
            const to = regionSpans.get(idString(result.to_id) ?? '');
            if (from === undefined || to === undefined) {
              fail(`${where}: relation ${String(result.from_id)} → ${String(result.to_id)} refers to a region that is not in this annotation`);
              continue;
            }
            const labels = Array.isArray(result.labels) ? result.labels.filter((label) => typeof label === 'string') : [];
            const relation: CorpusRelation = { id: `r${document.relations.length + 1}`, type: labels[0] ?? 'related', fromSpanId: from.id, toSpanId: to.id };
            // direction "left" means the arrow points from to_id to from_id.
            if (result.direction === 'left') [relation.fromSpanId, relation.toSpanId] = [to.id, from.id];
            document.relations.push(relation);
          }
        });
      }
      if (new Set(document.spans.map((span) => span.id)).size !== document.spans.length) return fail('region ids repeat across annotations of this task');
      result = document;
    })();
    return errors.length === errorsBefore ? result : undefined;
  }
}

function annotatorName(value: unknown): string | undefined {
  if (isPlainObject(value)) return idString(value.email) ?? idString(value.id);
  return idString(value);
}

export interface LabelStudioSerializeOptions {
  offsetUnit?: OffsetUnit;
  /** The Labels and Text tag names of the project's labeling config; default 'label' and 'text'. */
  fromName?: string;
  toName?: string;
}

/** One task per document; one annotation per annotator (spans without one share an annotation). */
export function serializeLabelStudio(documents: readonly CorpusDocument[], options: LabelStudioSerializeOptions = {}): SerializeResult {
  const { tasks, warnings } = labelStudioTasks(documents, options);
  return { content: `${JSON.stringify(tasks, null, 2)}\n`, warnings };
}

/** The tasks of `documents` as objects, for a writer that lays them out itself (db/export-corpus.ts: one per line). */
export function labelStudioTasks(documents: readonly CorpusDocument[], options: LabelStudioSerializeOptions = {}): { tasks: Record<string, unknown>[]; warnings: FormatIssue[] } {
  const unit = options.offsetUnit ?? 'codePoints';
  const fromName = options.fromName ?? 'label';
  const toName = options.toName ?? 'text';
  const warnings: FormatIssue[] = [];
  const tasks = documents.map((document, index) => {
    const name = documentName(document, index);
    const map = new OffsetMap(document.text);
    const byAnnotator = new Map<string | undefined, CorpusSpan[]>();
    let dropped = 0;
    for (const span of document.spans) {
      const group = byAnnotator.get(span.annotator);
      if (group) group.push(span);
      else byAnnotator.set(span.annotator, [span]);
      if (span.fragments !== undefined || span.attributes !== undefined) dropped++;
    }
    if (dropped > 0) warnings.push({ file: name, message: `${dropped} span(s) had fragments or attributes, which Label Studio text regions cannot hold: written as one region from first to last character, without attributes` });
    const annotations = [...byAnnotator.entries()].map(([annotator, spans]) => {
      const ids = new Set(spans.map((span) => span.id));
      const result: Record<string, unknown>[] = spans.map((span) => {
        const [start, end] = fromUtf16(map, span.startUtf16, span.endUtf16, unit);
        return { id: span.id, from_name: fromName, to_name: toName, type: 'labels', value: { start, end, text: document.text.slice(span.startUtf16, span.endUtf16), labels: [span.label] } };
      });
      for (const relation of document.relations) {
        if (ids.has(relation.fromSpanId) && ids.has(relation.toSpanId)) {
          result.push({ from_id: relation.fromSpanId, to_id: relation.toSpanId, type: 'relation', direction: 'right', labels: [relation.type] });
        }
      }
      const annotation: Record<string, unknown> = { result };
      // completed_by is a Label Studio user id; the annotator's name travels in meta.
      if (annotator !== undefined) annotation.meta = { annotator };
      return annotation;
    });
    const annotatorOf = new Map(document.spans.map((span) => [span.id, span.annotator]));
    const crossing = document.relations.filter((relation) => annotatorOf.get(relation.fromSpanId) !== annotatorOf.get(relation.toSpanId)).length;
    if (crossing > 0) warnings.push({ file: name, message: `${crossing} relation(s) link spans of different annotators, which Label Studio cannot hold: not written` });
    const data: Record<string, unknown> = { ...(document.meta ?? {}), text: document.text };
    if (document.title !== undefined) data.title = document.title;
    const task: Record<string, unknown> = { data, annotations };
    const numericId = document.id !== undefined && /^\d+$/u.test(document.id) ? Number(document.id) : undefined;
    if (numericId !== undefined) task.id = numericId;
    else if (document.id !== undefined) data.id = document.id;
    return task;
  });
  return { tasks, warnings };
}
