// The attribution workflow on top of the workspace: the active schema, claim frames, linking mode
// (pick the speaker/source/cue of the selected claim), attributes, boundary moves, clitics,
// undo/redo and the document status. Every action is one RPC; refusals go to the banner.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationSchema, AttributeValue, DocumentStatus, HistoryResult, Span } from '../../shared/rpc/domain';
import type { RelationType } from '../../shared/schemas/annotation-schema';
import type { RpcResult } from '../../shared/rpc/rpc-error';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import { excludeLeadingClitics } from '../../shared/text/strip-clitics';
import type { TextRangeUtf16 } from '../../shared/text/text-range';
import { buildClaimFrames } from '../frames/build-claim-frames';
import { linkKeysFor } from '../frames/link-keys';
import { sortSpansForReading } from '../spans/find-innermost-span';
import { moveSpanBoundary, type MoveDirection, type MoveUnit, type SpanEdge } from '../spans/move-span-boundary';
import type { WorkspaceState } from './use-workspace';

/** Relation types of the attribution schema, used until the active schema has loaded. */
const FALLBACK_RELATIONS: RelationType[] = [
  { name: 'said_by', from: 'claim', to: 'speaker', displayName: { ar: 'قاله', en: 'Said by' } },
  { name: 'according_to', from: 'claim', to: 'source', displayName: { ar: 'بحسب', en: 'According to' } },
  { name: 'cued_by', from: 'claim', to: 'cue', displayName: { ar: 'مؤشر الإسناد', en: 'Cued by' } },
];

export interface LinkingState {
  relationType: string;
  claimId: string;
  toLabel: string;
  /** Spans that may fill the slot, in reading order, and the one Tab has reached. */
  candidateIds: string[];
  candidateIndex: number;
}

export function useAttribution(rpc: RpcInvoke, workspace: WorkspaceState) {
  const { t } = useTranslation();
  const { openDocument, spans, relations, selectedSpanId, show, showRpcError, setSpans, setRelations, setHistory, setDocuments, setSelectedSpanId } = workspace;
  const [schema, setSchema] = useState<AnnotationSchema | null>(null);
  const [linking, setLinking] = useState<LinkingState | null>(null);
  const latest = useRef({ openDocument, spans, relations, selectedSpanId, linking, schema });
  latest.current = { openDocument, spans, relations, selectedSpanId, linking, schema };

  /** Reads the active schema again (after the schema picker changes it). */
  const reloadSchema = useCallback(async () => {
    const result = await rpc('schemas.get', {});
    if (result.ok) setSchema(result.value);
    else showRpcError(result.error);
  }, [rpc, showRpcError]);

  useEffect(() => {
    void reloadSchema();
  }, [reloadSchema]);

  // Linking belongs to one document and one claim.
  useEffect(() => setLinking(null), [openDocument?.id]);

  const relationTypes = schema?.relations ?? FALLBACK_RELATIONS;
  const linkKeys = useMemo(() => linkKeysFor(relationTypes), [relationTypes]);
  // Frames are built from saved spans only, and keep their identity while those do not change: a tag
  // adds a pending span first, and re-rendering the frames panel for it queued whole-page frames
  // (~25 ms each on a long article) ahead of the server's answer, tripling the time to commit.
  const frames = useMemo(() => buildClaimFrames(spans, relations, relationTypes), [spans, relations, relationTypes]);

  /** Shows a refusal in the banner; true when the call failed. */
  const refused = useCallback(
    (result: RpcResult<unknown>): boolean => {
      if (result.ok) return false;
      showRpcError(result.error);
      return true;
    },
    [showRpcError],
  );

  const changed = useCallback(() => setHistory({ canUndo: true, canRedo: false }), [setHistory]);

  const replaceSpan = useCallback(
    (span: Span) => setSpans((list) => sortSpansForReading(list.map((candidate) => (candidate.id === span.id ? span : candidate)))),
    [setSpans],
  );

  const link = useCallback(
    async (relationType: string, fromSpanId: string, toSpanId: string) => {
      setLinking(null);
      const duplicate = latest.current.relations.some((r) => r.type === relationType && r.fromSpanId === fromSpanId && r.toSpanId === toSpanId);
      if (duplicate) return;
      const result = await rpc('relations.create', { type: relationType, fromSpanId, toSpanId });
      if (refused(result) || !result.ok) return;
      setRelations((list) => [...list, result.value]);
      changed();
    },
    [rpc, refused, setRelations, changed],
  );

  const unlink = useCallback(
    async (relationId: string) => {
      const result = await rpc('relations.delete', { relationId });
      if (refused(result)) return;
      setRelations((list) => list.filter((relation) => relation.id !== relationId));
      changed();
    },
    [rpc, refused, setRelations, changed],
  );

  const startLinking = useCallback(
    (relationType: string) => {
      const { spans: all, selectedSpanId: selected } = latest.current;
      const type = relationTypes.find((candidate) => candidate.name === relationType);
      const claim = all.find((span) => span.id === selected);
      if (type === undefined) return;
      if (claim === undefined || claim.label !== type.from) {
        show('error', t('frames.selectClaimFirst', { label: t(`labels.${type.from}`, { defaultValue: type.from }) }));
        return;
      }
      const candidates = all.filter((span) => span.label === type.to);
      // Start on the candidate nearest the claim: the speaker is usually right before or inside it.
      const distance = (span: Span) =>
        span.endUtf16 <= claim.startUtf16 ? claim.startUtf16 - span.endUtf16 : span.startUtf16 >= claim.endUtf16 ? span.startUtf16 - claim.endUtf16 : 0;
      let nearest = 0;
      candidates.forEach((span, index) => {
        if (distance(span) < distance(candidates[nearest]!)) nearest = index;
      });
      setLinking({ relationType, claimId: claim.id, toLabel: type.to, candidateIds: candidates.map((span) => span.id), candidateIndex: nearest });
    },
    [relationTypes, show, t],
  );

  const cycleCandidate = useCallback((direction: MoveDirection) => {
    setLinking((current) => {
      if (current === null || current.candidateIds.length === 0) return current;
      const count = current.candidateIds.length;
      return { ...current, candidateIndex: (current.candidateIndex + direction + count) % count };
    });
  }, []);

  const confirmLinking = useCallback(() => {
    const current = latest.current.linking;
    const target = current?.candidateIds[current.candidateIndex];
    if (current === null || target === undefined) {
      setLinking(null);
      return;
    }
    void link(current.relationType, current.claimId, target);
  }, [link]);

  const cancelLinking = useCallback(() => setLinking(null), []);

  /** A span clicked (in the text or the panel) while linking: it fills the slot. */
  const pickSpan = useCallback(
    (spanId: string) => {
      const current = latest.current.linking;
      if (current === null) return;
      void link(current.relationType, current.claimId, spanId);
    },
    [link],
  );

  // Keys repeat faster than the server answers (boundary keys, arrows on an attribute's select): an
  // answer is applied only if no later edit of the same span was made meanwhile, or an old answer
  // would undo the newer edit on screen and the next key would start from it.
  const spanEdits = useRef(new Map<string, number>());
  const applyOptimistic = useCallback(
    (optimistic: Span): (() => boolean) => {
      const edit = (spanEdits.current.get(optimistic.id) ?? 0) + 1;
      spanEdits.current.set(optimistic.id, edit);
      replaceSpan(optimistic);
      // The list is re-read by the next key before React re-renders it.
      latest.current = { ...latest.current, spans: latest.current.spans.map((span) => (span.id === optimistic.id ? optimistic : span)) };
      return () => spanEdits.current.get(optimistic.id) === edit;
    },
    [replaceSpan],
  );

  const setAttribute = useCallback(
    async (spanId: string, name: string, value: AttributeValue | null) => {
      const before = latest.current.spans.find((span) => span.id === spanId);
      if (before === undefined) return;
      const attributes = { ...before.attributes };
      if (value === null) delete attributes[name];
      else attributes[name] = value;
      const isNewest = applyOptimistic({ ...before, attributes });
      const result = await rpc('spans.setAttributes', { spanId, attributes: { [name]: value } });
      if (!result.ok) {
        if (isNewest()) replaceSpan(before);
        showRpcError(result.error);
        return;
      }
      if (isNewest()) replaceSpan(result.value);
      changed();
    },
    [rpc, replaceSpan, applyOptimistic, showRpcError, changed],
  );

  /** A note saved from the note box: shown at once, like an attribute, and the newest edit wins. */
  const setNote = useCallback(
    async (spanId: string, note: string | null) => {
      const before = latest.current.spans.find((span) => span.id === spanId);
      if (before === undefined || before.note === note) return;
      const isNewest = applyOptimistic({ ...before, note });
      const result = await rpc('spans.setNote', { spanId, note });
      if (!result.ok) {
        if (isNewest()) replaceSpan(before);
        showRpcError(result.error);
        return;
      }
      if (isNewest()) replaceSpan(result.value);
      changed();
    },
    [rpc, replaceSpan, applyOptimistic, showRpcError, changed],
  );

  const setBounds = useCallback(
    async (spanId: string, range: TextRangeUtf16) => {
      const doc = latest.current.openDocument;
      const before = latest.current.spans.find((span) => span.id === spanId);
      if (doc === null || before === undefined) return;
      if (range.startUtf16 === before.startUtf16 && range.endUtf16 === before.endUtf16) return;
      const isNewest = applyOptimistic({ ...before, ...range, text: doc.text.slice(range.startUtf16, range.endUtf16) });
      const result = await rpc('spans.setBounds', { spanId, ...range });
      if (!result.ok) {
        if (isNewest()) replaceSpan(before);
        showRpcError(result.error);
        return;
      }
      if (isNewest()) replaceSpan(result.value);
      changed();
    },
    [rpc, replaceSpan, applyOptimistic, showRpcError, changed],
  );

  const moveBoundary = useCallback(
    (edge: SpanEdge, direction: MoveDirection, unit: MoveUnit) => {
      const { openDocument: doc, spans: all, selectedSpanId: selected } = latest.current;
      const span = all.find((candidate) => candidate.id === selected);
      if (doc === null || span === undefined) return;
      const moved = moveSpanBoundary(doc.text, span, edge, direction, unit);
      if (moved !== null) void setBounds(span.id, moved);
    },
    [setBounds],
  );

  const excludeClitics = useCallback(() => {
    const { openDocument: doc, spans: all, selectedSpanId: selected, schema: active } = latest.current;
    const span = all.find((candidate) => candidate.id === selected);
    if (doc === null || span === undefined) return;
    const entityLabels = new Set((active?.labels ?? []).filter((label) => label.entityKind !== undefined).map((label) => label.name));
    if (!(active === null ? span.label === 'speaker' || span.label === 'source' : entityLabels.has(span.label))) {
      show('info', t('frames.cliticsOnlyEntities'));
      return;
    }
    const range = excludeLeadingClitics(doc.text, span.startUtf16, span.endUtf16);
    if (range.startUtf16 === span.startUtf16) show('info', t('frames.noClitics'));
    else void setBounds(span.id, range);
  }, [setBounds, show, t]);

  const applyHistory = useCallback(
    (result: RpcResult<HistoryResult>) => {
      if (!result.ok) {
        showRpcError(result.error);
        return;
      }
      const value = result.value;
      if (latest.current.openDocument?.id !== value.documentId) return;
      setSpans(sortSpansForReading(value.spans));
      setRelations(value.relations);
      setHistory(value.history);
      setLinking(null);
      setSelectedSpanId((current) => (current !== null && value.spans.some((span) => span.id === current) ? current : null));
      setDocuments((list) => list.map((doc) => (doc.id === value.documentId ? { ...doc, spanCount: value.spans.length } : doc)));
    },
    [showRpcError, setSpans, setRelations, setHistory, setSelectedSpanId, setDocuments],
  );

  /** Relabels through the workspace, then drops the links the server dropped: those the new label no longer fits. */
  const setSpanLabel = useCallback(
    async (spanId: string, labelName: string) => {
      if (!(await workspace.setSpanLabel(spanId, labelName))) return;
      const labelOf = new Map(latest.current.spans.map((span) => [span.id, span.label]));
      labelOf.set(spanId, labelName);
      const fits = (type: string, fromSpanId: string, toSpanId: string) =>
        relationTypes.some((candidate) => candidate.name === type && candidate.from === labelOf.get(fromSpanId) && candidate.to === labelOf.get(toSpanId));
      setRelations((list) => list.filter((relation) => (relation.fromSpanId !== spanId && relation.toSpanId !== spanId) || fits(relation.type, relation.fromSpanId, relation.toSpanId)));
    },
    [workspace.setSpanLabel, relationTypes, setRelations],
  );

  const undo = useCallback(async () => {
    const doc = latest.current.openDocument;
    if (doc !== null) applyHistory(await rpc('history.undo', { documentId: doc.id }));
  }, [rpc, applyHistory]);

  const redo = useCallback(async () => {
    const doc = latest.current.openDocument;
    if (doc !== null) applyHistory(await rpc('history.redo', { documentId: doc.id }));
  }, [rpc, applyHistory]);

  const setStatus = useCallback(
    async (status: DocumentStatus) => {
      const doc = latest.current.openDocument;
      if (doc === null) return;
      const result = await rpc('documents.setStatus', { documentId: doc.id, status });
      if (refused(result) || !result.ok) return;
      const summary = result.value;
      setDocuments((list) => list.map((item) => (item.id === summary.id ? { ...item, status: summary.status } : item)));
    },
    [rpc, refused, setDocuments],
  );

  return {
    schema,
    reloadSchema,
    relationTypes,
    linkKeys,
    frames,
    linking,
    startLinking,
    cycleCandidate,
    confirmLinking,
    cancelLinking,
    pickSpan,
    link,
    unlink,
    setAttribute,
    setNote,
    moveBoundary,
    excludeClitics,
    undo,
    redo,
    setStatus,
    setSpanLabel,
  };
}

export type AttributionState = ReturnType<typeof useAttribution>;
