// Claim frames for the side panel: each claim with the spans its relations point to (speaker,
// source, cue…), the slots still empty, and the claim it sits inside when claims nest.
import type { Relation, Span } from '../../shared/rpc/domain';

/** A relation type of the schema, reduced to what the frames need. */
export interface FrameRelationType {
  name: string;
  from: string;
  to: string;
}

export interface FrameLink {
  relationId: string;
  span: Span;
}

export interface FrameSlot {
  relationType: string;
  /** Label of the spans that fill this slot, e.g. "speaker". */
  toLabel: string;
  links: FrameLink[];
}

export interface ClaimFrame {
  claim: Span;
  slots: FrameSlot[];
  /** The innermost other claim-like span containing this one, or null. */
  parentId: string | null;
  /** 0 for a top-level claim, 1 inside another claim, … */
  depth: number;
}

/** The labels that head a frame: the `from` side of the schema's relations. */
export function frameLabels(relationTypes: readonly FrameRelationType[]): Set<string> {
  return new Set(relationTypes.map((type) => type.from));
}

/** Frames in reading order (spans must be sorted for reading: start ascending, longer first). */
export function buildClaimFrames(sortedSpans: readonly Span[], relations: readonly Relation[], relationTypes: readonly FrameRelationType[]): ClaimFrame[] {
  const heads = frameLabels(relationTypes);
  const spanById = new Map(sortedSpans.map((span) => [span.id, span]));
  const relationsFrom = new Map<string, Relation[]>();
  for (const relation of relations) {
    const list = relationsFrom.get(relation.fromSpanId) ?? [];
    list.push(relation);
    relationsFrom.set(relation.fromSpanId, list);
  }
  const frames: ClaimFrame[] = [];
  // Open claims that may still contain the next one: a stack, since reading order visits parents first.
  const open: ClaimFrame[] = [];
  for (const span of sortedSpans) {
    if (!heads.has(span.label)) continue;
    while (open.length > 0 && !contains(open[open.length - 1]!.claim, span)) open.pop();
    const parent = open[open.length - 1];
    const outgoing = relationsFrom.get(span.id) ?? [];
    const slots = relationTypes
      .filter((type) => type.from === span.label)
      .map((type) => ({
        relationType: type.name,
        toLabel: type.to,
        links: outgoing
          .filter((relation) => relation.type === type.name)
          .flatMap((relation) => {
            const target = spanById.get(relation.toSpanId);
            return target === undefined ? [] : [{ relationId: relation.id, span: target }];
          })
          .sort((a, b) => a.span.startUtf16 - b.span.startUtf16),
      }));
    const frame: ClaimFrame = { claim: span, slots, parentId: parent?.claim.id ?? null, depth: parent === undefined ? 0 : parent.depth + 1 };
    frames.push(frame);
    open.push(frame);
  }
  return frames;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.startUtf16 <= inner.startUtf16 && inner.endUtf16 <= outer.endUtf16;
}

/** What the frame list may be narrowed to: every frame, or those missing a slot of one label. */
export type FrameFilter = { kind: 'all' } | { kind: 'missing'; label: string } | { kind: 'unattributed' };

/** A frame is unattributed when it names no speaker and no source (no slot whose label is one of them is filled). */
export function isUnattributed(frame: ClaimFrame, attributionLabels: ReadonlySet<string>): boolean {
  return frame.slots.filter((slot) => attributionLabels.has(slot.toLabel)).every((slot) => slot.links.length === 0);
}

export function filterFrames(frames: readonly ClaimFrame[], filter: FrameFilter, attributionLabels: ReadonlySet<string>): ClaimFrame[] {
  switch (filter.kind) {
    case 'all':
      return [...frames];
    case 'unattributed':
      return frames.filter((frame) => isUnattributed(frame, attributionLabels));
    case 'missing':
      return frames.filter((frame) => frame.slots.some((slot) => slot.toLabel === filter.label && slot.links.length === 0));
  }
}

/** Every span a frame covers: the claim and each linked span (for the hover highlight). */
export function frameSpans(frame: ClaimFrame): Span[] {
  return [frame.claim, ...frame.slots.flatMap((slot) => slot.links.map((link) => link.span))];
}
