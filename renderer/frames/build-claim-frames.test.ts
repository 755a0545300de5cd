// Frames built from spans and relations: slots filled from the schema's relation types, nested
// claims placed under their parent, and the filters the panel offers.
import { describe, expect, it } from 'vitest';
import type { Relation, Span } from '../../shared/rpc/domain';
import { buildClaimFrames, filterFrames, frameSpans, isUnattributed } from './build-claim-frames';

const TYPES = [
  { name: 'said_by', from: 'claim', to: 'speaker' },
  { name: 'according_to', from: 'claim', to: 'source' },
  { name: 'cued_by', from: 'claim', to: 'cue' },
];

function span(id: string, label: string, startUtf16: number, endUtf16: number): Span {
  return {
    id, documentId: 'd', annotatorId: 'a', annotatorName: 'A', label, startUtf16, endUtf16, startCodePoints: startUtf16, endCodePoints: endUtf16,
    text: id, attributes: {}, entityId: null, note: null, createdAt: '', updatedAt: '',
  };
}
function relation(id: string, type: string, fromSpanId: string, toSpanId: string): Relation {
  return { id, documentId: 'd', annotatorId: 'a', annotatorName: 'A', type, fromSpanId, toSpanId, createdAt: '' };
}

const spans = [span('c1', 'claim', 10, 100), span('c2', 'claim', 20, 40), span('sp', 'speaker', 0, 8), span('cu', 'cue', 8, 9), span('c3', 'claim', 120, 130)]
  .sort((a, b) => a.startUtf16 - b.startUtf16 || b.endUtf16 - a.endUtf16);
const relations = [relation('r1', 'said_by', 'c1', 'sp'), relation('r2', 'cued_by', 'c1', 'cu'), relation('r3', 'according_to', 'c2', 'missing-span')];

describe('buildClaimFrames', () => {
  const frames = buildClaimFrames(spans, relations, TYPES);

  it('makes one frame per claim, in reading order, with one slot per relation type', () => {
    expect(frames.map((frame) => frame.claim.id)).toEqual(['c1', 'c2', 'c3']);
    const first = frames[0]!;
    expect(first.slots.map((slot) => [slot.relationType, slot.links.map((link) => link.span.id)])).toEqual([
      ['said_by', ['sp']],
      ['according_to', []],
      ['cued_by', ['cu']],
    ]);
    expect(frameSpans(first).map((s) => s.id)).toEqual(['c1', 'sp', 'cu']);
  });

  it('puts a claim inside another under it, and ignores relations to spans that are gone', () => {
    expect(frames.map((frame) => [frame.parentId, frame.depth])).toEqual([[null, 0], ['c1', 1], [null, 0]]);
    expect(frames[1]!.slots.every((slot) => slot.links.length === 0)).toBe(true);
  });

  it('filters unattributed frames and frames missing one label', () => {
    const attribution = new Set(['speaker', 'source']);
    expect(frames.map((frame) => isUnattributed(frame, attribution))).toEqual([false, true, true]);
    expect(filterFrames(frames, { kind: 'unattributed' }, attribution).map((f) => f.claim.id)).toEqual(['c2', 'c3']);
    expect(filterFrames(frames, { kind: 'missing', label: 'source' }, attribution).map((f) => f.claim.id)).toEqual(['c1', 'c2', 'c3']);
    expect(filterFrames(frames, { kind: 'missing', label: 'cue' }, attribution).map((f) => f.claim.id)).toEqual(['c2', 'c3']);
    expect(filterFrames(frames, { kind: 'all' }, attribution)).toHaveLength(3);
  });
});
