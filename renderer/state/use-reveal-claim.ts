// Opens a claim chosen in the register browser: switches to its document if needed, then, once the
// document's spans are loaded, selects the claim and scrolls it into view.
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Span } from '../../shared/rpc/domain';
import type { EditorApi } from '../editor/editor-api';

interface Target {
  documentId: string;
  spanId: string;
}

export function useRevealClaim(
  openDocumentId: string | null,
  spans: readonly Span[],
  openDocumentById: (documentId: string) => Promise<void>,
  setSelectedSpanId: (spanId: string | null) => void,
  editorApi: RefObject<EditorApi | null>,
) {
  const [target, setTarget] = useState<Target | null>(null);

  useEffect(() => {
    if (target === null || openDocumentId !== target.documentId) return;
    const span = spans.find((candidate) => candidate.id === target.spanId);
    if (span === undefined) return;
    setTarget(null);
    setSelectedSpanId(span.id);
    editorApi.current?.revealRangeUtf16(span.startUtf16, span.endUtf16);
  }, [target, openDocumentId, spans, setSelectedSpanId, editorApi]);

  return useCallback(
    (documentId: string, spanId: string) => {
      setTarget({ documentId, spanId });
      if (documentId !== openDocumentId) void openDocumentById(documentId);
    },
    [openDocumentId, openDocumentById],
  );
}
