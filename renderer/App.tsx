// The annotator's window: header, document list, the article with its label toolbar, and the span panel.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Span } from '../shared/rpc/domain';
import { AnnotatorDialog } from './components/AnnotatorDialog';
import { AppHeader } from './components/AppHeader';
import { ATTRIBUTES_ID, AttributeEditor } from './components/AttributeEditor';
import { NoteEditor } from './components/NoteEditor';
import { ClaimFramePanel } from './components/ClaimFramePanel';
import { DocumentList } from './components/DocumentList';
import { DocumentMetaDetails } from './components/DocumentMetaDetails';
import { DropOverlay } from './components/DropOverlay';
import { EntityLinkField } from './components/EntityLinkField';
import { ErrorBanner } from './components/ErrorBanner';
import { FindBar } from './components/FindBar';
import { HelpOverlay } from './components/HelpOverlay';
import { HistoryButtons } from './components/HistoryButtons';
import { LabelToolbar } from './components/LabelToolbar';
import { LinkingBar } from './components/LinkingBar';
import { RegisterPanel } from './components/RegisterPanel';
import { SchemaPicker } from './components/SchemaPicker';
import { ReviewPage } from './review/ReviewPage';
import { SpanPanel } from './components/SpanPanel';
import { StatusSelect } from './components/StatusSelect';
import { ArticleEditor } from './editor/ArticleEditor';
import type { EditorApi } from './editor/editor-api';
import { frameSpans, type ClaimFrame } from './frames/build-claim-frames';
import { createRpcClient } from './rpc/create-rpc-client';
import { getIsnadBridge } from './rpc/isnad-bridge';
import { RegisterIcon, SchemaIcon, SearchIcon } from './components/Icons';
import { useAttribution } from './state/use-attribution';
import { useFind } from './state/use-find';
import { useIsnadImport } from './state/use-isnad-import';
import { useFormatImport } from './state/use-format-import';
import { ExportDialog } from './components/ExportDialog';
import { ImportDialog } from './components/ImportDialog';
import { routeImportFiles } from './util/read-files-for-import';
import { useKeyboardShortcuts } from './state/use-keyboard-shortcuts';
import { useRevealClaim } from './state/use-reveal-claim';
import { useSchemas } from './state/use-schemas';
import { useWorkspace } from './state/use-workspace';
import { formatNumber } from './util/format';

const NO_SPANS: readonly Span[] = [];
const NO_FRAMES: readonly ClaimFrame[] = [];

export function App() {
  const { t, i18n } = useTranslation();
  const rpc = useMemo(() => createRpcClient(), []);
  const editorApi = useRef<EditorApi | null>(null);
  const importInput = useRef<HTMLInputElement | null>(null);
  const workspace = useWorkspace(rpc, editorApi);
  const { openDocument, spans, labels, selectedSpanId, setSelectedSpanId, exportJson } = workspace;
  const [renaming, setRenaming] = useState(false);
  const needsName = workspace.ready && workspace.annotator === null;
  const attribution = useAttribution(rpc, workspace);
  const { linking } = attribution;
  const schemas = useSchemas(rpc, workspace.reloadLabels);
  const activeSchemaKey = schemas.active === null ? null : `${schemas.active.id}@${schemas.active.version}`;
  const { reloadSchema } = attribution;
  // The frames, link keys and attributes follow the schema picker.
  useEffect(() => {
    if (activeSchemaKey !== null) void reloadSchema();
  }, [activeSchemaKey, reloadSchema]);
  const find = useFind(openDocument?.id ?? null, openDocument?.text ?? null);
  const importIsnad = useIsnadImport(rpc, workspace);
  const formatImport = useFormatImport(rpc, workspace);
  const [exportDialogOpen, setExportDialogOpen] = useState(false);
  const [importDialogOpen, setImportDialogOpen] = useState(false);
  const revealClaim = useRevealClaim(openDocument?.id ?? null, spans, workspace.openDocumentById, setSelectedSpanId, editorApi);
  const [registerOpen, setRegisterOpen] = useState(false);
  const [schemaOpen, setSchemaOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [hoveredFrame, setHoveredFrame] = useState<ClaimFrame | null>(null);
  const hoveredSpanIds = useMemo(() => (hoveredFrame === null ? [] : frameSpans(hoveredFrame).map((span) => span.id)), [hoveredFrame]);
  const selectedSpan = useMemo(() => spans.find((span) => span.id === selectedSpanId) ?? null, [spans, selectedSpanId]);
  // The side panel follows the article: on opening a long document (and on each tag) the article and
  // its highlights render first, the span list and claim frames just after, as background work.
  const panelDocumentId = useDeferredValue(openDocument?.id ?? null);
  const deferredSpans = useDeferredValue(spans);
  const deferredFrames = useDeferredValue(attribution.frames);
  const panelCurrent = panelDocumentId === (openDocument?.id ?? null);
  const panelSpans = panelCurrent ? deferredSpans : NO_SPANS;
  const panelFrames = panelCurrent ? deferredFrames : NO_FRAMES;
  const colorOf = useCallback((labelName: string) => workspace.labelByName.get(labelName)?.color ?? '#7a7a7a', [workspace.labelByName]);

  // Read through a ref: with `spans` as a dependency this callback changed on every tag, and as the
  // frame cards' onSelect it made every visible card re-render (~35 ms per tag on a long article).
  const spansRef = useRef(spans);
  spansRef.current = spans;
  const selectSpanById = useCallback(
    (spanId: string) => {
      if (linking !== null) {
        attribution.pickSpan(spanId);
        return;
      }
      const span = spansRef.current.find((candidate) => candidate.id === spanId);
      if (span === undefined) return;
      setSelectedSpanId(span.id);
      editorApi.current?.revealRangeUtf16(span.startUtf16, span.endUtf16);
    },
    [linking, attribution.pickSpan, setSelectedSpanId],
  );

  const stepSpan = useCallback(
    (direction: 1 | -1) => {
      if (spans.length === 0) return;
      const index = spans.findIndex((span) => span.id === selectedSpanId);
      const next = index < 0 ? (direction > 0 ? 0 : spans.length - 1) : Math.min(spans.length - 1, Math.max(0, index + direction));
      const span = spans[next];
      if (span !== undefined) selectSpanById(span.id);
    },
    [spans, selectedSpanId, selectSpanById],
  );

  useKeyboardShortcuts({
    enabled: openDocument !== null && !needsName && !renaming && !reviewOpen,
    labels,
    selectedSpanId,
    linkKeys: attribution.linkKeys,
    linking: linking !== null,
    helpOpen,
    onTag: (label, exact) => void workspace.tagSelection(label, exact),
    onDeleteSpan: (spanId) => void workspace.deleteSpan(spanId),
    onDeselect: () => setSelectedSpanId(null),
    onStartLink: attribution.startLinking,
    onCycleCandidate: attribution.cycleCandidate,
    onConfirmLink: attribution.confirmLinking,
    onCancelLink: attribution.cancelLinking,
    onStepSpan: stepSpan,
    onMoveBoundary: attribution.moveBoundary,
    onExcludeClitics: attribution.excludeClitics,
    onFocusAttributes: () => document.querySelector<HTMLElement>(`#${ATTRIBUTES_ID} [data-attribute-control]`)?.focus(),
    onUndo: () => void attribution.undo(),
    onRedo: () => void attribution.redo(),
    onToggleHelp: setHelpOpen,
  });

  useEffect(() => {
    const bridge = getIsnadBridge();
    return bridge?.onMenuCommand?.((command) => {
      if (command === 'import') importInput.current?.click();
      else if (command === 'import-dialog') setImportDialogOpen(true);
      else if (command === 'export-dialog') setExportDialogOpen(true);
      else void exportJson(command === 'export-document' ? 'document' : 'all');
    });
  }, [exportJson]);

  const selectFromPanel = useCallback(
    (span: Span) => selectSpanById(span.id),
    [selectSpanById],
  );
  const setSpanLabel = useCallback((spanId: string, label: string) => void attribution.setSpanLabel(spanId, label), [attribution.setSpanLabel]);
  const deleteSpan = useCallback((spanId: string) => void workspace.deleteSpan(spanId), [workspace.deleteSpan]);
  const unlinkRelation = useCallback((relationId: string) => void attribution.unlink(relationId), [attribution.unlink]);
  const linkDroppedSpan = useCallback(
    (relationType: string, claimId: string, spanId: string) => void attribution.link(relationType, claimId, spanId),
    [attribution.link],
  );
  const importFiles = useCallback(
    (files: File[]) =>
      void routeImportFiles(files).then(({ texts, isnadExports, formats }) => {
        if (texts.length > 0) void workspace.importFiles(texts);
        if (isnadExports.length > 0) void importIsnad(isnadExports);
        if (formats.length > 0) void formatImport.importFormats(formats);
      }),
    [workspace.importFiles, importIsnad, formatImport.importFormats],
  );
  const replaceSpan = useCallback((updated: Span) => workspace.setSpans((list) => list.map((span) => (span.id === updated.id ? updated : span))), [workspace.setSpans]);
  const selectedEntityKind = selectedSpan === null ? undefined : schemas.entityKindOf(selectedSpan.label);

  return (
    <div className="app">
      <AppHeader
        annotator={workspace.annotator}
        importing={workspace.importing}
        onImport={importFiles}
        importInputRef={importInput}
        onChangeName={() => setRenaming(true)}
        importProgress={formatImport.progress}
        onOpenImportDialog={() => setImportDialogOpen(true)}
        onOpenExportDialog={() => setExportDialogOpen(true)}
      >
        <button type="button" className="button" data-testid="find-button" disabled={openDocument === null} title={t('find.buttonTitle')} onClick={find.show}>
          <SearchIcon />
          {t('find.button')}
        </button>
        <button type="button" className="button" data-testid="register-button" title={t('register.buttonTitle')} onClick={() => setRegisterOpen(true)}>
          <RegisterIcon />
          {t('register.button')}
        </button>
        <button type="button" className="button" data-testid="schema-button" title={t('schemas.buttonTitle')} onClick={() => setSchemaOpen(true)}>
          <SchemaIcon />
          {t('schemas.button')}
        </button>
        <button type="button" className={`button${reviewOpen ? ' button-primary' : ''}`} data-testid="review-button" aria-pressed={reviewOpen} title={t('review.buttonTitle')} onClick={() => setReviewOpen((open) => !open)}>
          {t('review.button')}
        </button>
      </AppHeader>
      <ErrorBanner banner={workspace.banner} onDismiss={workspace.dismissBanner} />
      {exportDialogOpen ? (
        <ExportDialog
          rpc={rpc}
          openDocument={openDocument === null ? null : { id: openDocument.id, title: openDocument.title }}
          labels={labels}
          onClose={() => setExportDialogOpen(false)}
          show={workspace.show}
          showRpcError={workspace.showRpcError}
        />
      ) : null}
      {importDialogOpen ? (
        <ImportDialog
          annotatorName={workspace.annotator?.name ?? null}
          labels={labels}
          progress={formatImport.progress}
          onImport={formatImport.importFormats}
          onClose={() => setImportDialogOpen(false)}
        />
      ) : null}
      <main className="workspace" hidden={reviewOpen}>
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
                    <DocumentMetaDetails meta={openDocument.meta} />
                  </span>
                  <StatusSelect
                    status={workspace.documents.find((doc) => doc.id === openDocument.id)?.status ?? openDocument.status}
                    onChange={(status) => void attribution.setStatus(status)}
                  />
                </div>
                <LabelToolbar labels={labels} disabled={false} onTag={(label) => void workspace.tagSelection(label)} />
                <HistoryButtons
                  canUndo={workspace.history.canUndo}
                  canRedo={workspace.history.canRedo}
                  onUndo={() => void attribution.undo()}
                  onRedo={() => void attribution.redo()}
                  onHelp={() => setHelpOpen(true)}
                />
              </div>
              {linking !== null && <LinkingBar linking={linking} onCancel={attribution.cancelLinking} />}
              {find.open && <FindBar find={find} />}
              <div className="article-scroll">
                <article className="article-sheet">
                  <ArticleEditor
                    documentId={openDocument.id}
                    text={openDocument.text}
                    spans={spans}
                    labels={labels}
                    selectedSpanId={selectedSpanId}
                    hoveredSpanIds={hoveredSpanIds}
                    candidateSpanId={linking?.candidateIds[linking.candidateIndex] ?? null}
                    onSpanClick={(spanId) => (spanId !== null && linking !== null ? attribution.pickSpan(spanId) : setSelectedSpanId(spanId))}
                    apiRef={editorApi}
                  />
                </article>
              </div>
            </>
          )}
        </section>
        <SpanPanel
          key={openDocument?.id ?? 'none'}
          spans={panelSpans}
          labels={labels}
          labelByName={workspace.labelByName}
          selectedSpanId={selectedSpanId}
          onSelect={selectFromPanel}
          onSetLabel={setSpanLabel}
          onDelete={deleteSpan}
        >
          <ClaimFramePanel
            frames={panelFrames}
            schema={attribution.schema}
            relationTypes={attribution.relationTypes}
            linkKeys={attribution.linkKeys}
            colorOf={colorOf}
            selectedSpanId={selectedSpanId}
            linking={linking}
            onSelect={selectSpanById}
            onHover={setHoveredFrame}
            onUnlink={unlinkRelation}
            onDropSpan={linkDroppedSpan}
          />
          <AttributeEditor span={selectedSpan} schema={attribution.schema} onChange={(spanId, name, value) => void attribution.setAttribute(spanId, name, value)} />
          <NoteEditor span={selectedSpan} onSave={(spanId, note) => void attribution.setNote(spanId, note)} />
          {selectedSpan !== null && selectedEntityKind !== undefined && (
            <EntityLinkField key={selectedSpan.id} span={selectedSpan} kind={selectedEntityKind} rpc={rpc} onLinked={replaceSpan} onError={workspace.showRpcError} />
          )}
        </SpanPanel>
      </main>
      {/* Files dropped while the import dialog is open join its list instead. */}
      {reviewOpen ? <ReviewPage rpc={rpc} onClose={() => setReviewOpen(false)} /> : importDialogOpen ? null : <DropOverlay onDropFiles={importFiles} />}
      {registerOpen && (
        <RegisterPanel
          rpc={rpc}
          onError={workspace.showRpcError}
          onOpenClaim={(claim) => {
            setRegisterOpen(false);
            revealClaim(claim.documentId, claim.claim.id);
          }}
          onClose={() => setRegisterOpen(false)}
        />
      )}
      {schemaOpen && <SchemaPicker schemas={schemas} onClose={() => setSchemaOpen(false)} />}
      {helpOpen && <HelpOverlay labels={labels} linkKeys={attribution.linkKeys} onClose={() => setHelpOpen(false)} />}
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
