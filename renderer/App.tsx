// The annotator's window: header, document list, the article with its label toolbar, and the span panel.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Span } from '../shared/rpc/domain';
import { AnnotatorDialog } from './components/AnnotatorDialog';
import { AppHeader } from './components/AppHeader';
import { DocumentList } from './components/DocumentList';
import { DropOverlay } from './components/DropOverlay';
import { ErrorBanner } from './components/ErrorBanner';
import { LabelToolbar } from './components/LabelToolbar';
import { SpanPanel } from './components/SpanPanel';
import { ArticleEditor } from './editor/ArticleEditor';
import type { EditorApi } from './editor/editor-api';
import { createRpcClient } from './rpc/create-rpc-client';
import { getIsnadBridge } from './rpc/isnad-bridge';
import { useKeyboardShortcuts } from './state/use-keyboard-shortcuts';
import { useWorkspace } from './state/use-workspace';
import { formatNumber } from './util/format';

export function App() {
  const { t, i18n } = useTranslation();
  const rpc = useMemo(() => createRpcClient(), []);
  const editorApi = useRef<EditorApi | null>(null);
  const importInput = useRef<HTMLInputElement | null>(null);
  const workspace = useWorkspace(rpc, editorApi);
  const { openDocument, spans, labels, selectedSpanId, setSelectedSpanId, exportJson } = workspace;
  const [renaming, setRenaming] = useState(false);
  const needsName = workspace.ready && workspace.annotator === null;

  useKeyboardShortcuts({
    enabled: openDocument !== null && !needsName && !renaming,
    labels,
    selectedSpanId,
    onTag: (label) => void workspace.tagSelection(label),
    onDeleteSpan: (spanId) => void workspace.deleteSpan(spanId),
    onDeselect: () => setSelectedSpanId(null),
  });

  useEffect(() => {
    const bridge = getIsnadBridge();
    return bridge?.onMenuCommand?.((command) => {
      if (command === 'import') importInput.current?.click();
      else void exportJson(command === 'export-document' ? 'document' : 'all');
    });
  }, [exportJson]);

  const selectFromPanel = useCallback(
    (span: Span) => {
      setSelectedSpanId(span.id);
      editorApi.current?.revealRangeUtf16(span.startUtf16, span.endUtf16);
    },
    [setSelectedSpanId],
  );
  const setSpanLabel = useCallback((spanId: string, label: string) => void workspace.setSpanLabel(spanId, label), [workspace.setSpanLabel]);
  const deleteSpan = useCallback((spanId: string) => void workspace.deleteSpan(spanId), [workspace.deleteSpan]);
  const importFiles = useCallback((files: File[]) => void workspace.importFiles(files), [workspace.importFiles]);

  return (
    <div className="app">
      <AppHeader
        annotator={workspace.annotator}
        hasOpenDocument={openDocument !== null}
        importing={workspace.importing}
        onImport={importFiles}
        importInputRef={importInput}
        onChangeName={() => setRenaming(true)}
        onExport={(scope) => void exportJson(scope)}
      />
      <ErrorBanner banner={workspace.banner} onDismiss={workspace.dismissBanner} />
      <main className="workspace">
        <DocumentList
          documents={workspace.documents}
          openDocumentId={openDocument?.id ?? null}
          openingId={workspace.openingId}
          onOpen={(id) => void workspace.openDocumentById(id)}
        />
        <section className="article-pane" aria-label={openDocument?.title ?? t('editor.emptyTitle')}>
          {openDocument === null ? (
            <div className="empty-state">
              <span className="empty-mark" aria-hidden="true">إسناد</span>
              <h2>{workspace.openingId !== null ? t('editor.loading') : t('editor.emptyTitle')}</h2>
              <p>{t('editor.emptyBody')}</p>
              <button type="button" className="button button-primary" onClick={() => importInput.current?.click()}>
                {t('import.button')}
              </button>
            </div>
          ) : (
            <>
              <div className="article-bar">
                <div className="article-heading">
                  <h1>
                    <bdi>{openDocument.title}</bdi>
                  </h1>
                  <span className="article-meta">
                    <bdi>{openDocument.sourceName}</bdi> · {t('documents.length')} {formatNumber(openDocument.lengthCodePoints, i18n.language)}
                  </span>
                </div>
                <LabelToolbar labels={labels} disabled={false} onTag={(label) => void workspace.tagSelection(label)} />
              </div>
              <div className="article-scroll">
                <article className="article-sheet">
                  <ArticleEditor
                    documentId={openDocument.id}
                    text={openDocument.text}
                    spans={spans}
                    labels={labels}
                    selectedSpanId={selectedSpanId}
                    onSpanClick={setSelectedSpanId}
                    apiRef={editorApi}
                  />
                </article>
              </div>
            </>
          )}
        </section>
        <SpanPanel
          key={openDocument?.id ?? 'none'}
          spans={spans}
          labels={labels}
          labelByName={workspace.labelByName}
          selectedSpanId={selectedSpanId}
          onSelect={selectFromPanel}
          onSetLabel={setSpanLabel}
          onDelete={deleteSpan}
        />
      </main>
      <DropOverlay onDropFiles={importFiles} />
      {(needsName || renaming) && (
        <AnnotatorDialog
          initialName={workspace.annotator?.name ?? ''}
          firstStart={needsName}
          onSubmit={workspace.setAnnotatorName}
          onCancel={() => setRenaming(false)}
        />
      )}
    </div>
  );
}
