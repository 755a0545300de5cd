// What the gold layer must gain and lose so that, for one compared group, it holds the version the
// reviewer chose: an annotator's span, every distinct version, none, or an edited span.
import type { AgreementSpan } from '../agreement/types';
import type { Comparison, ComparisonItem } from './compare-annotators';
import type { GoldLinkInput } from './gold-layer';
import { linkKey, refOf, type VersionLinks } from './version-links';

export interface GoldSpanLike {
  readonly id: string;
  readonly label: string;
  readonly startUtf16: number;
  readonly endUtf16: number;
  /** Typed values as the database returns them (booleans, arrays) or nominal strings. */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

export interface GoldAddition {
  readonly label: string;
  readonly startUtf16: number;
  readonly endUtf16: number;
  /** Nominal values as the review carries them (booleans as "true"/"false", sets joined by "|"). */
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface GoldChange {
  readonly add: readonly GoldAddition[];
  readonly removeSpanIds: readonly string[];
  /** Links of the chosen versions; the server creates those whose two ends are in gold. */
  readonly links?: readonly GoldLinkInput[];
  readonly removeRelationIds?: readonly string[];
}

export interface GoldRelationLike {
  readonly id: string;
  readonly type: string;
  readonly fromSpanId: string;
  readonly toSpanId: string;
}

/** What a plan may know besides gold's spans: each version's links and gold's own links. */
export interface PlanContext {
  readonly versionLinks?: VersionLinks;
  readonly goldRelations?: readonly GoldRelationLike[];
}

/** column: that annotator's version (none if they have no span); all: every distinct version; none: no span. */
export type GoldChoice = { readonly kind: 'column'; readonly column: number } | { readonly kind: 'all' } | { readonly kind: 'none' };

/** The gold spans that stand for this group: overlapping its range with one of its labels. */
export function goldSpansOfItem<S extends GoldSpanLike>(item: ComparisonItem, goldSpans: readonly S[]): S[] {
  const labels = new Set(item.spans.flatMap((span) => (span === null ? [] : [span.label])));
  return goldSpans.filter((gold) => labels.has(gold.label) && gold.startUtf16 < item.endUtf16 && gold.endUtf16 > item.startUtf16);
}

/**
 * The chosen versions replace the group's gold spans, and bring their links. Taking one annotator's
 * version also drops gold links from the kept span that this annotator did not make.
 */
export function planChoice(item: ComparisonItem, choice: GoldChoice, goldSpans: readonly GoldSpanLike[], context: PlanContext = {}): GoldChange {
  const chosen = choice.kind === 'none' ? [] : choice.kind === 'all' ? item.spans.map((span, column) => ({ span, column })) : [{ span: item.spans[choice.column] ?? null, column: choice.column }];
  const present = chosen.filter((entry): entry is { span: AgreementSpan; column: number } => entry.span !== null);
  const change = replaceWith(goldSpansOfItem(item, goldSpans), distinctVersions(present.map((entry) => entry.span)).map(toAddition));
  const links = dedupeLinks(present.flatMap(({ column, span }) => context.versionLinks?.(column, span) ?? []));
  const removeRelationIds = choice.kind === 'column' ? staleRelations(present[0]?.span ?? null, links, goldSpans, change, context.goldRelations ?? []) : [];
  return { ...change, ...(links.length > 0 ? { links } : {}), ...(removeRelationIds.length > 0 ? { removeRelationIds } : {}) };
}

/** Replaces the group's gold spans with one edited span (bounds and label chosen by the reviewer). */
export function planEdit(item: ComparisonItem, edited: GoldAddition, goldSpans: readonly GoldSpanLike[]): GoldChange {
  return replaceWith(goldSpansOfItem(item, goldSpans), [edited]);
}

/** Every group on which all annotators agree goes into gold, unless gold already has that span. */
export function planAcceptAgreements(comparison: Comparison, goldSpans: readonly GoldSpanLike[], context: PlanContext = {}): GoldChange {
  const add: GoldAddition[] = [];
  const links: GoldLinkInput[] = [];
  for (const item of comparison.items) {
    if (item.kind !== 'match') continue;
    const span = item.spans[0]!;
    if (!goldSpans.some((gold) => sameSpan(gold, span))) add.push(toAddition(span));
    // A match has the same links for everyone (else it would be a "details" difference).
    links.push(...(context.versionLinks?.(0, span) ?? []));
  }
  const unique = dedupeLinks(links);
  return unique.length > 0 ? { add, removeSpanIds: [], links: unique } : { add, removeSpanIds: [] };
}

export interface GoldResolution {
  /** Columns whose version gold holds exactly. */
  readonly columns: readonly number[];
  /** Gold spans of the group that are nobody's version (edited by the reviewer). */
  readonly editedCount: number;
  readonly goldCount: number;
}

export function resolutionOf(item: ComparisonItem, goldSpans: readonly GoldSpanLike[]): GoldResolution {
  const golds = goldSpansOfItem(item, goldSpans);
  const columns = item.spans.flatMap((span, column) => (span !== null && golds.some((gold) => sameVersion(gold, span)) ? [column] : []));
  const editedCount = golds.filter((gold) => !item.spans.some((span) => span !== null && sameVersion(gold, span))).length;
  return { columns, editedCount, goldCount: golds.length };
}

/** Gold links from the kept gold span of the chosen version that the chosen annotator did not make. */
function staleRelations(chosen: AgreementSpan | null, wanted: readonly GoldLinkInput[], goldSpans: readonly GoldSpanLike[], change: GoldChange, relations: readonly GoldRelationLike[]): string[] {
  if (chosen === null) return [];
  const kept = goldSpans.find((gold) => sameVersion(gold, chosen) && !change.removeSpanIds.includes(gold.id));
  if (kept === undefined) return [];
  const goldById = new Map(goldSpans.map((gold) => [gold.id, gold]));
  const wantedKeys = new Set(wanted.map(linkKey));
  return relations
    .filter((relation) => relation.fromSpanId === kept.id)
    .filter((relation) => {
      const to = goldById.get(relation.toSpanId);
      return to === undefined || !wantedKeys.has(linkKey({ type: relation.type, from: refOf(kept), to: refOf(to) }));
    })
    .map((relation) => relation.id);
}

function dedupeLinks(links: readonly GoldLinkInput[]): GoldLinkInput[] {
  const seen = new Map<string, GoldLinkInput>();
  for (const link of links) if (!seen.has(linkKey(link))) seen.set(linkKey(link), link);
  return [...seen.values()];
}

/** Keeps gold spans already equal to a wanted version, removes the others and adds what is missing. */
function replaceWith(current: readonly GoldSpanLike[], wanted: readonly GoldAddition[]): GoldChange {
  const kept = new Set<GoldSpanLike>();
  const add: GoldAddition[] = [];
  for (const version of wanted) {
    const existing = current.find((gold) => !kept.has(gold) && sameVersion(gold, version));
    if (existing === undefined) add.push(version);
    else kept.add(existing);
  }
  return { add, removeSpanIds: current.filter((gold) => !kept.has(gold)).map((gold) => gold.id) };
}

function distinctVersions(spans: readonly (AgreementSpan | null)[]): AgreementSpan[] {
  const versions: AgreementSpan[] = [];
  for (const span of spans) if (span !== null && !versions.some((version) => sameSpan(version, span))) versions.push(span);
  return versions;
}

function toAddition(span: AgreementSpan): GoldAddition {
  return span.attributes === undefined || Object.keys(span.attributes).length === 0
    ? { label: span.label, startUtf16: span.startUtf16, endUtf16: span.endUtf16 }
    : { label: span.label, startUtf16: span.startUtf16, endUtf16: span.endUtf16, attributes: span.attributes };
}

/** Same span and the same attribute values, compared as the review's nominal strings. */
function sameVersion(gold: GoldSpanLike, version: Pick<GoldAddition, 'label' | 'startUtf16' | 'endUtf16' | 'attributes'>): boolean {
  if (!sameSpan(gold, version)) return false;
  const goldValues = gold.attributes ?? {};
  const versionValues = version.attributes ?? {};
  const names = new Set([...Object.keys(goldValues), ...Object.keys(versionValues)]);
  return [...names].every((name) => nominal(goldValues[name]) === nominal(versionValues[name]));
}

function nominal(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).sort().join('|');
  return String(value);
}

function sameSpan(x: Pick<GoldSpanLike, 'label' | 'startUtf16' | 'endUtf16'>, y: Pick<GoldSpanLike, 'label' | 'startUtf16' | 'endUtf16'>): boolean {
  return x.label === y.label && x.startUtf16 === y.startUtf16 && x.endUtf16 === y.endUtf16;
}
