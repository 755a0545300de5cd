// The annotator's session: labels, annotator, documents, the open document and its spans, and
// every action on them. Each action is one RPC, so everything is saved at once; span changes are
// applied optimistically and rolled back with a message when the server refuses them.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES } from '../../shared/rpc/contract';
import type { Annotator, DocumentAnnotations, DocumentRecord, DocumentSummary, Label, Relation, Span } from '../../shared/rpc/domain';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { EditorApi } from '../editor/editor-api';
import { startStreamedExport } from '../rpc/start-streamed-export';
import { sortSpansForReading } from '../spans/find-innermost-span';
import { snapRangeToWords } from '../../shared/text/snap-to-words';
import { trimRangeUtf16 } from '../text/trim-range-utf16';
import { downloadJson } from '../util/download-json';
import { exportFileName } from '../util/export-file-name';
import { readFilesForImport } from '../util/read-files-for-import';
import { useBanner } from './use-banner';

const OPEN_DOCUMENT_KEY = 'isnad.openDocumentId';
/** Ids of highlights painted before the server saved their span; they never enter React state. */
const PENDING_SPAN_PREFIX = 'pending:';

export function useWorkspace(rpc: RpcInvoke, editorApi: RefObject<EditorApi | null>) {
  const { t } = useTranslation();
  const { banner, show, showRpcError, dismiss } = useBanner();
  const [ready, setReady] = useState(false);
  const [labels, setLabels] = useState<Label[]>([]);
  const [annotator, setAnnotator] = useState<Annotator | null>(null);
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [openDocument, setOpenDocument] = useState<DocumentRecord | null>(null);
  const [spans, setSpans] = useState<Span[]>([]);
  const [relations, setRelations] = useState<Relation[]>([]);
  const [history, setHistory] = useState<DocumentAnnotations['history']>({ canUndo: false, canRedo: false });
  const [openingId, setOpeningId] = useState<string | null>(null);
  const [selectedSpanId, setSelectedSpanId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const openRequest = useRef(0);
  const pendingSerial = useRef(0);
  const stateRef = useRef({ openDocument, spans });
  stateRef.current = { openDocument, spans };

  const touchDocument = useCallback((documentId: string, spanDelta: number, updatedAt: string) => {
    setDocuments((list) =>
      list.map((doc) => (doc.id === documentId ? { ...doc, spanCount: Math.max(0, doc.spanCount + spanDelta), updatedAt } : doc)),
    );
  }, []);

  const openDocumentById = useCallback(
    async (documentId: string) => {
      performance.mark('isnad:document-open-start');
      const request = ++openRequest.current;
      setOpeningId(documentId);
      const result = await rpc('documents.get', { documentId });
      if (request !== openRequest.current) return;
      setOpeningId(null);
      if (!result.ok) {
        if (result.error.code === 'NOT_FOUND') sessionStorage.removeItem(OPEN_DOCUMENT_KEY);
        showRpcError(result.error);
        return;
      }
      sessionStorage.setItem(OPEN_DOCUMENT_KEY, documentId);
      setSelectedSpanId(null);
      setOpenDocument(result.value.document);
      setSpans(sortSpansForReading(result.value.spans));
      setRelations(result.value.relations);
      setHistory(result.value.history);
    },
    [rpc, showRpcError],
  );

  const started = useRef(false);
  useEffect(() => {
    // Once per window: the callbacks below change with the interface language, the data does not.
    if (started.current) return;
    started.current = true;
    void (async () => {
      const [labelsResult, annotatorResult, documentsResult] = await Promise.all([
        rpc('labels.list', {}),
        rpc('annotators.current', {}),
        rpc('documents.list', {}),
      ]);
      for (const result of [labelsResult, annotatorResult, documentsResult]) {
        if (!result.ok) {
          showRpcError(result.error);
          return;
        }
      }
      if (labelsResult.ok) setLabels([...labelsResult.value].sort((a, b) => a.sortOrder - b.sortOrder));
      if (annotatorResult.ok) setAnnotator(annotatorResult.value);
      if (documentsResult.ok) {
        setDocuments(documentsResult.value);
        const remembered = sessionStorage.getItem(OPEN_DOCUMENT_KEY);
        if (remembered !== null && documentsResult.value.some((doc) => doc.id === remembered)) void openDocumentById(remembered);
      }
      setReady(true);
    })();
  }, [rpc, showRpcError, openDocumentById]);

  const setAnnotatorName = useCallback(
    async (name: string) => {
      const result = await rpc('annotators.setCurrent', { name });
      if (!result.ok) {
        showRpcError(result.error);
        return false;
      }
      setAnnotator(result.value);
      return true;
    },
    [rpc, showRpcError],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setImporting(true);
      try {
        const read = await readFilesForImport(files);
        if (!read.ok) {
          const detail =
            'tooLargeName' in read
              ? t('import.tooLarge', { name: read.tooLargeName, max: MAX_IMPORT_BYTES / (1024 * 1024) })
              : t('import.tooLargeTotal', { total: (read.tooLargeTotalBytes / (1024 * 1024)).toFixed(1), max: MAX_IMPORT_TOTAL_BYTES / (1024 * 1024) });
          show('error', t('errors.INVALID_FILE'), detail);
          return;
        }
        const result = await rpc('documents.import', { files: read.files });
        if (!result.ok) {
          showRpcError(result.error);
          return;
        }
        const imported = result.value.documents;
        const listed = await rpc('documents.list', {});
        if (listed.ok) setDocuments(listed.value);
        show('info', t('import.done', { count: imported.length }), imported.map((doc) => doc.title).join(' · '));
        const first = imported[0];
        if (first !== undefined) void openDocumentById(first.id);
      } finally {
        setImporting(false);
      }
    },
    [rpc, show, showRpcError, t, openDocumentById],
  );

  const tagSelection = useCallback(
    async (labelName: string, exact = false) => {
      performance.mark('isnad:tag-start');
      const doc = stateRef.current.openDocument;
      if (doc === null) {
        show('error', t('errors.noDocument'));
        return;
      }
      const selected = editorApi.current?.getSelectionUtf16() ?? null;
      // Whole words unless the annotator held Alt: a drag that starts mid-word still tags the word.
      // A bare caret is not a selection, even inside a word.
      const snapped = selected === null || exact || selected.startUtf16 === selected.endUtf16 ? selected : snapRangeToWords(doc.text, selected.startUtf16, selected.endUtf16);
      const range = snapped === null ? null : trimRangeUtf16(doc.text, snapped.startUtf16, snapped.endUtf16);
      if (range === null) {
        show('error', t('errors.nothingSelected'));
        return;
      }
      // The highlight is painted at once and the request sent; React state (span list, frames,
      // selection, document list) changes only once the span is saved, in one background render,
      // so neither the tag's frame nor the answer waits for the side panel to re-render.
      const request = rpc('spans.create', { documentId: doc.id, label: labelName, ...range });
      const pendingId = `${PENDING_SPAN_PREFIX}${++pendingSerial.current}`;
      editorApi.current?.paintSpanNow({ id: pendingId, label: labelName, ...range });
      editorApi.current?.collapseSelection();
      // A task queued from the next animation frame runs once that frame is painted.
      requestAnimationFrame(() => setTimeout(() => performance.mark('isnad:tag-painted')));
      const result = await request;
      if (!result.ok) {
        editorApi.current?.unpaintSpan(pendingId);
        showRpcError(result.error, t('errors.tagRolledBack'));
        return;
      }
      const created = result.value;
      // Swapped in one task, so the highlight never blinks.
      editorApi.current?.paintSpanNow(created);
      editorApi.current?.unpaintSpan(pendingId);
      startTransition(() => {
        setSpans((list) => sortSpansForReading([...list, created]));
        // The new span becomes the selected one, so the next key (S, R, C, A…) acts on it.
        setSelectedSpanId(created.id);
        touchDocument(doc.id, 1, created.updatedAt);
        setHistory({ canUndo: true, canRedo: false });
      });
      performance.mark('isnad:tag-committed');
    },
    [rpc, editorApi, show, showRpcError, t, touchDocument],
  );

  const setSpanLabel = useCallback(
    /** True when the server relabelled the span (it then drops the span's links the new label does not fit). */
    async (spanId: string, labelName: string): Promise<boolean> => {
      const before = stateRef.current.spans.find((span) => span.id === spanId);
      if (before === undefined || before.label === labelName) return false;
      setSpans((list) => list.map((span) => (span.id === spanId ? { ...span, label: labelName } : span)));
      const result = await rpc('spans.setLabel', { spanId, label: labelName });
      if (!result.ok) {
        setSpans((list) => list.map((span) => (span.id === spanId ? before : span)));
        showRpcError(result.error);
        return false;
      }
      setSpans((list) => list.map((span) => (span.id === spanId ? result.value : span)));
      touchDocument(result.value.documentId, 0, result.value.updatedAt);
      setHistory({ canUndo: true, canRedo: false });
      return true;
    },
    [rpc, showRpcError, touchDocument],
  );

  const deleteSpan = useCallback(
    async (spanId: string) => {
      const before = stateRef.current.spans.find((span) => span.id === spanId);
      if (before === undefined) return;
      setSpans((list) => list.filter((span) => span.id !== spanId));
      setSelectedSpanId((current) => (current === spanId ? null : current));
      const result = await rpc('spans.delete', { spanId });
      if (!result.ok) {
        setSpans((list) => sortSpansForReading([...list, before]));
        showRpcError(result.error);
        return;
      }
      touchDocument(before.documentId, -1, new Date().toISOString());
      // The server deletes the span's relations with it.
      setRelations((list) => list.filter((relation) => relation.fromSpanId !== spanId && relation.toSpanId !== spanId));
      setHistory({ canUndo: true, canRedo: false });
    },
    [rpc, showRpcError, touchDocument],
  );

  const exportJson = useCallback(
    async (scope: 'document' | 'all') => {
      const doc = stateRef.current.openDocument;
      if (scope === 'document' && doc === null) {
        show('error', t('errors.noDocument'));
        return;
      }
      if (scope === 'all') {
        // The whole database never passes through the page: the main process or the server writes it.
        const outcome = await startStreamedExport(rpc, { format: 'isnad' });
        if (outcome.kind === 'error') showRpcError(outcome.error);
        if (outcome.kind === 'saved') show('info', t('exportDialog.savedTo', { file: outcome.saved.fileName }));
        return;
      }
      const result = await rpc('export.build', doc !== null ? { documentId: doc.id } : {});
      if (!result.ok) {
        showRpcError(result.error);
        return;
      }
      downloadJson(result.value, exportFileName(doc?.title ?? null, new Date()));
    },
    [rpc, show, showRpcError, t],
  );

  const labelByName = useMemo(() => new Map(labels.map((label) => [label.name, label])), [labels]);

  /** Reads the labels again, after the project switched to another annotation schema. */
  const reloadLabels = useCallback(async () => {
    const result = await rpc('labels.list', {});
    if (result.ok) setLabels([...result.value].sort((a, b) => a.sortOrder - b.sortOrder));
    else showRpcError(result.error);
  }, [rpc, showRpcError]);

  return {
    ready,
    labels,
    labelByName,
    reloadLabels,
    annotator,
    documents,
    openDocument,
    spans,
    relations,
    history,
    openingId,
    selectedSpanId,
    importing,
    banner,
    dismissBanner: dismiss,
    show,
    showRpcError,
    setSpans,
    setRelations,
    setHistory,
    setDocuments,
    touchDocument,
    setSelectedSpanId,
    setAnnotatorName,
    importFiles,
    openDocumentById,
    tagSelection,
    setSpanLabel,
    deleteSpan,
    exportJson,
  };
}

export type WorkspaceState = ReturnType<typeof useWorkspace>;
