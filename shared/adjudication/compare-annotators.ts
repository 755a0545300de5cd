// Agreements and disagreements of two or three annotators on one document, in reading order: spans
// are grouped (at most one per annotator) and each group says how its versions differ, so a
// reviewer can step through them and settle each into the gold layer.
import { DEFAULT_OVERLAP_MIN_IOU } from '../agreement/span-matching';
import type { AgreementLink, AgreementSpan, AnnotatedDocument, AnnotatorId } from '../agreement/types';

/**
 * match: every annotator has the same label and bounds; details: same spans, different attributes or
 * links; boundary: same label, different bounds; label: different labels; missing: some annotators
 * have no span here.
 */
export type ComparisonKind = 'match' | 'details' | 'boundary' | 'label' | 'missing';

export interface DetailDifference {
  /** An attribute name, or a link type such as `said_by`. */
  readonly name: string;
  readonly kind: 'attribute' | 'link';
  /** Per annotator (same order as `annotators`): the value, or for links the linked text; undefined when none. */
  readonly values: readonly (string | undefined)[];
}

export interface ComparisonItem {
  /** Stable within one comparison: the position in reading order. */
  readonly index: number;
  readonly kind: ComparisonKind;
  /** Union of the group's spans. */
  readonly startUtf16: number;
  readonly endUtf16: number;
  /** Per annotator (same order as `annotators`): its span in this group, or null. */
  readonly spans: readonly (AgreementSpan | null)[];
  /** Annotator keys without a span in this group. */
  readonly missingFor: readonly AnnotatorId[];
  readonly details: readonly DetailDifference[];
}

export interface Comparison {
  readonly annotators: readonly AnnotatorId[];
  /** Every group in reading order (start ascending, longer first). */
  readonly items: readonly ComparisonItem[];
  /** Indexes into `items` of the groups that are not a full match. */
  readonly disagreements: readonly number[];
}

export interface CompareOptions {
  /** Spans of different labels are grouped only when their intersection over union reaches this. */
  readonly labelMinIoU?: number;
}

interface Node {
  readonly column: number;
  readonly span: AgreementSpan;
}

interface Edge {
  readonly x: number;
  readonly y: number;
  readonly score: number;
}

/**
 * Groups spans of different annotators greedily, best pair first: identical spans, then same label
 * with any overlap (by IoU), then different labels with IoU >= labelMinIoU. A group never holds two
 * spans of one annotator. Annotators absent from the document count as having no spans.
 */
export function compareAnnotators(document: AnnotatedDocument, annotators: readonly AnnotatorId[], options: CompareOptions = {}): Comparison {
  const labelMinIoU = options.labelMinIoU ?? DEFAULT_OVERLAP_MIN_IOU;
  const nodes: Node[] = [];
  annotators.forEach((key, column) => {
    for (const span of document.annotations.get(key)?.spans ?? []) nodes.push({ column, span });
  });
  nodes.sort((p, q) => p.span.startUtf16 - q.span.startUtf16 || p.span.endUtf16 - q.span.endUtf16 || p.column - q.column);

  const edges = candidateEdges(nodes, labelMinIoU);
  edges.sort((e, f) => f.score - e.score || e.x - f.x || e.y - f.y);
  const groupOf = nodes.map((_, index) => index);
  const members = nodes.map((node, index) => new Map<number, number>([[node.column, index]]));
  const find = (index: number): number => {
    while (groupOf[index] !== index) index = groupOf[index] = groupOf[groupOf[index]!]!;
    return index;
  };
  for (const edge of edges) {
    const gx = find(edge.x);
    const gy = find(edge.y);
    if (gx === gy) continue;
    const mx = members[gx]!;
    const my = members[gy]!;
    if ([...my.keys()].some((column) => mx.has(column))) continue;
    for (const [column, index] of my) mx.set(column, index);
    groupOf[gy] = gx;
  }

  const groups: AgreementSpan[][] = [];
  const groupIndexOfSpan = new Map<AgreementSpan, number>();
  nodes.forEach((_, index) => {
    if (find(index) !== index) return;
    const row: AgreementSpan[] = [];
    for (const [column, member] of members[index]!) row[column] = nodes[member]!.span;
    groups.push(row);
  });
  const rows = groups.map((row) => annotators.map((_, column) => row[column] ?? null));
  rows.sort((p, q) => rangeOf(p)[0] - rangeOf(q)[0] || rangeOf(q)[1] - rangeOf(p)[1] || firstColumn(p) - firstColumn(q) || firstId(p).localeCompare(firstId(q)));
  rows.forEach((row, index) => row.forEach((span) => span !== null && groupIndexOfSpan.set(span, index)));

  const linkTargets = annotators.map((key) => linksBySource(document.annotations.get(key)?.links ?? []));
  const spanById = annotators.map((key) => new Map((document.annotations.get(key)?.spans ?? []).map((span) => [span.id, span])));
  const items = rows.map((spans, index): ComparisonItem => {
    const [startUtf16, endUtf16] = rangeOf(spans);
    const missingFor = annotators.filter((_, column) => spans[column] === null);
    const present = spans.filter((span): span is AgreementSpan => span !== null);
    const details = present.length < 2 ? [] : detailDifferences(spans, document.text, linkTargets, spanById, groupIndexOfSpan);
    return { index, kind: kindOf(present, missingFor.length > 0, details.length > 0), startUtf16, endUtf16, spans, missingFor, details };
  });
  return { annotators, items, disagreements: items.filter((item) => item.kind !== 'match').map((item) => item.index) };
}

function candidateEdges(nodes: readonly Node[], labelMinIoU: number): Edge[] {
  const edges: Edge[] = [];
  // Nodes are sorted by start: only nodes starting before x ends can intersect it.
  for (let x = 0; x < nodes.length; x++) {
    const a = nodes[x]!;
    for (let y = x + 1; y < nodes.length && nodes[y]!.span.startUtf16 < a.span.endUtf16; y++) {
      const b = nodes[y]!;
      if (b.column === a.column) continue;
      const intersection = Math.min(a.span.endUtf16, b.span.endUtf16) - Math.max(a.span.startUtf16, b.span.startUtf16);
      if (intersection <= 0) continue;
      const iou = intersection / (Math.max(a.span.endUtf16, b.span.endUtf16) - Math.min(a.span.startUtf16, b.span.startUtf16));
      const sameLabel = a.span.label === b.span.label;
      if (sameLabel) edges.push({ x, y, score: iou === 1 ? 3 : 1 + iou });
      else if (iou >= labelMinIoU) edges.push({ x, y, score: iou });
    }
  }
  return edges;
}

function kindOf(present: readonly AgreementSpan[], someoneMissing: boolean, detailsDiffer: boolean): ComparisonKind {
  const first = present[0]!;
  if (present.some((span) => span.label !== first.label)) return 'label';
  if (present.some((span) => span.startUtf16 !== first.startUtf16 || span.endUtf16 !== first.endUtf16)) return 'boundary';
  if (someoneMissing) return 'missing';
  return detailsDiffer ? 'details' : 'match';
}

function rangeOf(spans: readonly (AgreementSpan | null)[]): [number, number] {
  let start = Infinity;
  let end = -Infinity;
  for (const span of spans) {
    if (span === null) continue;
    start = Math.min(start, span.startUtf16);
    end = Math.max(end, span.endUtf16);
  }
  return [start, end];
}

function firstColumn(spans: readonly (AgreementSpan | null)[]): number {
  return spans.findIndex((span) => span !== null);
}

function firstId(spans: readonly (AgreementSpan | null)[]): string {
  return spans.find((span) => span !== null)?.id ?? '';
}

function linksBySource(links: readonly AgreementLink[]): Map<string, Map<string, string[]>> {
  const bySource = new Map<string, Map<string, string[]>>();
  for (const link of links) {
    let byType = bySource.get(link.fromSpanId);
    if (byType === undefined) bySource.set(link.fromSpanId, (byType = new Map()));
    const targets = byType.get(link.type);
    if (targets === undefined) byType.set(link.type, [link.toSpanId]);
    else targets.push(link.toSpanId);
  }
  return bySource;
}

/** Attribute values and link targets that differ among the annotators present; link targets compare by group. */
function detailDifferences(
  spans: readonly (AgreementSpan | null)[],
  text: string,
  linkTargets: readonly Map<string, Map<string, string[]>>[],
  spanById: readonly Map<string, AgreementSpan>[],
  groupIndexOfSpan: ReadonlyMap<AgreementSpan, number>,
): DetailDifference[] {
  const differences: DetailDifference[] = [];
  const attributeNames = new Set(spans.flatMap((span) => Object.keys(span?.attributes ?? {})));
  for (const name of [...attributeNames].sort()) {
    const values = spans.map((span) => span?.attributes?.[name]);
    if (differ(spans, values)) differences.push({ name, kind: 'attribute', values });
  }
  const linkTypes = new Set(spans.flatMap((span, column) => (span === null ? [] : [...(linkTargets[column]!.get(span.id)?.keys() ?? [])])));
  for (const type of [...linkTypes].sort()) {
    const targets = spans.map((span, column) => (span === null ? [] : (linkTargets[column]!.get(span.id)?.get(type) ?? []).map((id) => spanById[column]!.get(id)).filter((target) => target !== undefined)));
    const groupsKey = targets.map((list) => list.map((target) => groupIndexOfSpan.get(target) ?? -1).sort((p, q) => p - q).join(','));
    if (differ(spans, groupsKey)) {
      const values = targets.map((list) => (list.length === 0 ? undefined : list.map((target) => text.slice(target.startUtf16, target.endUtf16)).join(' | ')));
      differences.push({ name: type, kind: 'link', values });
    }
  }
  return differences;
}

/** Whether the values of the annotators who have a span here are not all equal. */
function differ(spans: readonly (AgreementSpan | null)[], values: readonly (string | undefined)[]): boolean {
  const present = values.filter((_, column) => spans[column] !== null);
  return present.some((value) => value !== present[0]);
}
