// Connects the Lexical editor to the open document: loads its text, keeps it read-only, paints the
// span highlights, hit-tests clicks on highlights and serves the EditorApi.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, CLICK_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import type { Label, Span } from '../../shared/rpc/domain';
import { HighlightPainter, type RangeFactory } from '../highlights/HighlightPainter';
import { findInnermostSpan } from '../spans/find-innermost-span';
import type { ParagraphKeyIndex } from '../text/ParagraphKeyIndex';
import { applyParagraphSizeHints, measureArticle } from './apply-paragraph-size-hints';
import { toLiveRange } from '../highlights/static-ranges';
import { createDomRangeFactory } from './create-dom-range-factory';
import type { EditorApi } from './editor-api';
import { $loadDocumentText } from './load-document-text';
import { $readDomSelection } from './read-dom-selection';
import { registerReadOnlyGuard } from './register-read-only-guard';
import { registerTextWindow } from './register-text-window';

interface Props {
  documentId: string;
  text: string;
  /** Sorted for reading (start ascending, longer first). */
  spans: readonly Span[];
  labels: readonly Label[];
  selectedSpanId: string | null;
  /** Spans of the claim frame hovered in the side panel. */
  hoveredSpanIds: readonly string[];
  /** The span Tab has reached while linking. */
  candidateSpanId: string | null;
  onSpanClick: (spanId: string | null) => void;
  apiRef: Ref<EditorApi>;
}

interface Loaded {
  index: ParagraphKeyIndex;
  makeRange: RangeFactory;
  textContent: string;
}

export function ArticlePlugin({ documentId, text, spans, labels, selectedSpanId, hoveredSpanIds, candidateSpanId, onSpanClick, apiRef }: Props) {
  const [editor] = useLexicalComposerContext();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const painterRef = useRef<HighlightPainter | null>(null);
  const loadedRef = useRef<Loaded | null>(null);
  const spansRef = useRef(spans);
  const onSpanClickRef = useRef(onSpanClick);
  const paintMarkPending = useRef(false);
  spansRef.current = spans;
  onSpanClickRef.current = onSpanClick;

  useLayoutEffect(() => {
    const painter = new HighlightPainter(labels);
    painterRef.current = painter;
    return () => {
      painter.dispose();
      painterRef.current = null;
    };
    // The painter lives as long as the editor (created with the first labels); later label
    // changes go through setLabels below.
  }, []);

  useLayoutEffect(() => painterRef.current?.setLabels(labels), [labels]);

  // Layout effects: loading the text, painting the highlights and the browser's first paint of the
  // document happen in one frame instead of three (the root element is attached by then).
  // When another document opens, its text and its spans arrive in one render while `loaded` still
  // holds the previous document's paragraph index until the next: every effect below skips a `loaded`
  // that is no longer loadedRef.current, or it would make the new spans' ranges in the old text.
  useLayoutEffect(() => {
    const load = () => {
      let index: ParagraphKeyIndex | null = null;
      const metrics = measureArticle(editor);
      editor.update(() => {
        index = $loadDocumentText(text);
      }, { discrete: true, tag: 'isnad-load' });
      const textContent = editor.getEditorState().read(() => $getRoot().getTextContent());
      if (metrics !== null) applyParagraphSizeHints(editor, index!, metrics);
      painterRef.current?.clear();
      const next: Loaded = { index: index!, makeRange: createDomRangeFactory(editor, index!), textContent };
      loadedRef.current = next;
      paintMarkPending.current = true;
      setLoaded(next);
    };
    load();
    const unregister = registerReadOnlyGuard(
      editor,
      (textContent) => textContent === loadedRef.current?.textContent,
      load,
    );
    return () => {
      unregister();
      loadedRef.current = null;
    };
  }, [editor, documentId, text]);

  // Set before the first sync below (effects run in order), so opening registers only the spans in view.
  useLayoutEffect(() => {
    if (loaded === null || loaded !== loadedRef.current) return;
    return registerTextWindow(editor, loaded.index, (textWindow) => painterRef.current?.setWindow(textWindow));
  }, [editor, loaded]);

  useLayoutEffect(() => {
    const painter = painterRef.current;
    if (loaded === null || loaded !== loadedRef.current || painter === null) return;
    painter.sync(spans, loaded.makeRange);
    if (paintMarkPending.current) {
      paintMarkPending.current = false;
      requestAnimationFrame(() => performance.mark('isnad:highlights-painted'));
    }
  }, [loaded, spans, labels]);

  useEffect(() => {
    const painter = painterRef.current;
    if (loaded === null || loaded !== loadedRef.current || painter === null) return;
    const span = selectedSpanId === null ? undefined : spans.find((candidate) => candidate.id === selectedSpanId);
    painter.select(span === undefined ? null : loaded.makeRange(span.startUtf16, span.endUtf16));
  }, [loaded, spans, selectedSpanId]);

  useEffect(() => {
    const painter = painterRef.current;
    if (loaded === null || loaded !== loadedRef.current || painter === null) return;
    const wanted = new Set(hoveredSpanIds);
    const ranges = spans.filter((span) => wanted.has(span.id)).flatMap((span) => loaded.makeRange(span.startUtf16, span.endUtf16) ?? []);
    painter.hover(ranges);
  }, [loaded, spans, hoveredSpanIds]);

  useEffect(() => {
    const painter = painterRef.current;
    if (loaded === null || loaded !== loadedRef.current || painter === null) return;
    const span = candidateSpanId === null ? undefined : spans.find((candidate) => candidate.id === candidateSpanId);
    const range = span === undefined ? null : loaded.makeRange(span.startUtf16, span.endUtf16);
    painter.markCandidate(range);
    if (range !== null) scrollRangeIntoView(range, editor.getRootElement());
  }, [editor, loaded, spans, candidateSpanId]);

  useEffect(
    () =>
      editor.registerCommand(
        CLICK_COMMAND,
        () => {
          const current = loadedRef.current;
          const selection = $readDomSelection(editor);
          if (current === null || selection === null || !selection.isCollapsed()) return false;
          const offsetUtf16 = current.index.pointToUtf16(selection.anchor);
          if (offsetUtf16 === null) return false;
          onSpanClickRef.current(findInnermostSpan(spansRef.current, offsetUtf16)?.id ?? null);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  useImperativeHandle(
    apiRef,
    (): EditorApi => ({
      getSelectionUtf16() {
        const current = loadedRef.current;
        if (current === null) return null;
        return editor.read(() => {
          const selection = $readDomSelection(editor);
          return selection === null ? null : current.index.selectionToRangeUtf16(selection.anchor, selection.focus);
        });
      },
      collapseSelection() {
        const domSelection = window.getSelection();
        if (domSelection !== null && domSelection.rangeCount > 0) domSelection.collapseToEnd();
      },
      paintSpanNow(span) {
        painterRef.current?.paintOne(span);
      },
      unpaintSpan(spanId) {
        painterRef.current?.unpaint(spanId);
      },
      revealRangeUtf16(startUtf16, endUtf16) {
        const current = loadedRef.current;
        const range = current?.makeRange(startUtf16, endUtf16) ?? null;
        if (range === null) return;
        scrollRangeIntoView(range, editor.getRootElement());
        painterRef.current?.flash(range);
      },
    }),
    [editor],
  );

  return null;
}

/** Scrolls the nearest scrolling ancestor so the range sits in the upper third of the view. */
function scrollRangeIntoView(range: AbstractRange, root: HTMLElement | null): void {
  let container: HTMLElement | null = root;
  while (container !== null && !(container.scrollHeight > container.clientHeight && getComputedStyle(container).overflowY !== 'visible')) {
    container = container.parentElement;
  }
  if (container === null) return;
  const rangeRect = toLiveRange(range).getBoundingClientRect();
  const containerRect = container.getBoundingClientRect();
  const target = rangeRect.top - containerRect.top - containerRect.height / 3;
  container.scrollBy({ top: target, behavior: Math.abs(target) > 4000 ? 'auto' : 'smooth' });
}
