// Side by side comparison of two or three annotators on one reviewDocument, the list of disagreements to
// step through with the keyboard, and adjudication of each into the gold layer (annotator "gold").
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareAnnotators, type ComparisonItem } from '../../../shared/adjudication/compare-annotators';
import { GOLD_ANNOTATOR_NAME } from '../../../shared/adjudication/gold-layer';
import { planAcceptAgreements, planChoice, planEdit, resolutionOf, type GoldAddition, type GoldChoice, type PlanContext } from '../../../shared/adjudication/plan-gold-change';
import { createVersionLinks } from '../../../shared/adjudication/version-links';
import type { Review } from '../../../shared/review/review-types';
import type { RpcInvoke } from '../../../shared/rpc/rpc-client';
import { createRpcClient } from '../../rpc/create-rpc-client';
import '../../styles/compare.css';
import { CompareColumn } from './CompareColumn';
import { CompareLegend } from './CompareLegend';
import { DecisionPanel } from './DecisionPanel';
import { DisagreementList } from './DisagreementList';
import { splitParagraphs } from './text-paragraphs';
import { useCompareKeys } from './use-compare-keys';
import { isEmptyChange, useGoldLayer } from './use-gold-layer';
import { useScrollSync } from './use-scroll-sync';

export interface CompareViewProps {
  readonly review: Review;
  readonly documentSha256: string;
  onGoldChanged(): void;
  /** The RPC client; one is created when absent. */
  readonly rpc?: RpcInvoke;
}

const MAX_COLUMNS = 3;
const KEY_HINTS = [
  ['N J ↓', 'compare.next'],
  ['P K ↑', 'compare.previous'],
  ['1 2 3', 'compare.keyTake'],
  ['B', 'compare.keyBoth'],
  ['0', 'compare.keyNeither'],
  ['E', 'compare.keyEdit'],
] as const;

const itemKey = (item: ComparisonItem) => `${item.startUtf16}:${item.endUtf16}`;

export function CompareView({ review, documentSha256, onGoldChanged, rpc: givenRpc }: CompareViewProps) {
  const { t } = useTranslation();
  const rpc = useMemo(() => givenRpc ?? createRpcClient(), [givenRpc]);
  const reviewDocument = review.documents.find((candidate) => candidate.sha256 === documentSha256) ?? null;
  const available = reviewDocument?.annotatedBy ?? [];
  const nameOf = useMemo(() => new Map(review.annotators.map((annotator) => [annotator.key, annotator.name])), [review.annotators]);
  const [chosen, setChosen] = useState<readonly string[]>(() => defaultColumns(available, nameOf));
  const columns = useMemo(() => chosen.filter((key) => available.includes(key)), [chosen, available]);
  const comparison = useMemo(() => (reviewDocument === null || columns.length < 2 ? null : compareAnnotators(reviewDocument, columns)), [reviewDocument, columns]);
  const paragraphs = useMemo(() => splitParagraphs(reviewDocument?.text ?? ''), [reviewDocument]);
  const gold = useGoldLayer(rpc, reviewDocument, onGoldChanged);
  const goldSpans = useMemo(() => gold.layer?.spans ?? [], [gold.layer]);
  const planContext = useMemo<PlanContext>(
    () => ({ versionLinks: reviewDocument === null ? () => [] : createVersionLinks(reviewDocument, columns), goldRelations: gold.layer?.relations ?? [] }),
    [columns, gold.layer, reviewDocument],
  );
  const [labels, setLabels] = useState<string[]>([]);
  const [currentIndex, setCurrentIndex] = useState<number | null>(null);
  const [revealToken, setRevealToken] = useState(0);
  const [editing, setEditing] = useState(false);
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [acceptedCount, setAcceptedCount] = useState<number | null>(null);
  const scrollSync = useScrollSync();
  // Another document: its own annotators and disagreements (reset while rendering, not in an effect).
  const [shownSha256, setShownSha256] = useState(documentSha256);
  if (shownSha256 !== documentSha256) {
    setShownSha256(documentSha256);
    setChosen(defaultColumns(available, nameOf));
    setCurrentIndex(null);
    setEditing(false);
    setDecided(new Set());
    setAcceptedCount(null);
  }

  useEffect(() => {
    void rpc('labels.list', {}).then((result) => result.ok && setLabels(result.value.map((label) => label.name)));
  }, [rpc]);

  const disagreements = useMemo(() => (comparison === null ? [] : comparison.disagreements.map((index) => comparison.items[index]!)), [comparison]);
  const current = comparison === null || currentIndex === null ? null : (comparison.items[currentIndex] ?? null);
  const settled = useMemo(() => {
    const indexes = new Set<number>();
    for (const item of disagreements) if (decided.has(itemKey(item)) || resolutionOf(item, goldSpans).goldCount > 0) indexes.add(item.index);
    return indexes;
  }, [decided, disagreements, goldSpans]);

  const goTo = useCallback((itemIndex: number) => {
    setCurrentIndex(itemIndex);
    setRevealToken((token) => token + 1);
    setEditing(false);
  }, []);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (disagreements.length === 0) return;
      const position = currentIndex === null ? -1 : disagreements.findIndex((item) => item.index === currentIndex);
      let next: ComparisonItem | undefined;
      if (position >= 0) next = disagreements[position + direction];
      else if (currentIndex === null) next = direction === 1 ? disagreements[0] : disagreements[disagreements.length - 1];
      else next = direction === 1 ? disagreements.find((item) => item.index > currentIndex) : [...disagreements].reverse().find((item) => item.index < currentIndex);
      if (next !== undefined) goTo(next.index);
    },
    [currentIndex, disagreements, goTo],
  );

  const settle = useCallback(
    async (item: ComparisonItem, change: Parameters<typeof gold.apply>[0]) => {
      if (!isEmptyChange(change) && !(await gold.apply(change))) return;
      setDecided((previous) => new Set(previous).add(itemKey(item)));
      setEditing(false);
      step(1);
    },
    [gold, step],
  );

  const choose = useCallback((choice: GoldChoice) => current !== null && void settle(current, planChoice(current, choice, goldSpans, planContext)), [current, goldSpans, planContext, settle]);
  const saveEdit = useCallback((edited: GoldAddition) => current !== null && void settle(current, planEdit(current, edited, goldSpans)), [current, goldSpans, settle]);
  const acceptAll = useCallback(async () => {
    if (comparison === null) return;
    const change = planAcceptAgreements(comparison, goldSpans, planContext);
    if (isEmptyChange(change) || (await gold.apply(change))) setAcceptedCount(change.add.length);
  }, [comparison, gold, goldSpans, planContext]);

  useCompareKeys({
    next: () => step(1),
    previous: () => step(-1),
    choose: (choice) => {
      if (choice.kind === 'column' && choice.column >= columns.length) return;
      choose(choice);
    },
    edit: () => current !== null && setEditing(true),
    enabled: comparison !== null && !gold.busy,
  });

  if (reviewDocument === null) return <p className="compare-message">{t('compare.noDocument')}</p>;
  const toggle = (key: string) => {
    setChosen(columns.includes(key) ? columns.filter((other) => other !== key) : columns.length >= MAX_COLUMNS ? columns : [...columns, key]);
    setCurrentIndex(null);
  };
  const names = columns.map((key) => key);
  const position = current === null ? -1 : disagreements.findIndex((item) => item.index === current.index);

  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="compare-toolbar">
        <fieldset className="compare-annotators">
          <legend>{t('compare.annotators')}</legend>
          {available.map((key) => (
            <label key={key} className="compare-annotator-choice">
              <input
                type="checkbox"
                checked={columns.includes(key)}
                disabled={!columns.includes(key) && columns.length >= MAX_COLUMNS}
                onChange={() => toggle(key)}
                data-testid="compare-annotator-choice"
                data-annotator={key}
              />
              {key}
            </label>
          ))}
        </fieldset>
        <div className="compare-gold-actions">
          <span className="compare-gold-count" data-testid="compare-gold-count">
            {t('compare.goldCount', { count: goldSpans.length })}
          </span>
          <button type="button" className="button" onClick={() => void acceptAll()} disabled={comparison === null || gold.busy} title={t('compare.acceptAllTitle')} data-testid="compare-accept-all">
            {t('compare.acceptAll')}
          </button>
          <button type="button" className="button" onClick={() => void gold.undo()} disabled={gold.busy || !(gold.layer?.canUndo ?? false)} data-testid="compare-gold-undo">
            {t('compare.undo')}
          </button>
          <button type="button" className="button" onClick={() => void gold.redo()} disabled={gold.busy || !(gold.layer?.canRedo ?? false)} data-testid="compare-gold-redo">
            {t('compare.redo')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void gold.exportGold()} disabled={gold.layer?.goldAnnotatorId == null} title={t('compare.exportGoldTitle')} data-testid="compare-export-gold">
            {t('compare.exportGold')}
          </button>
        </div>
      </div>
      {gold.error !== null && (
        <p className="compare-error" role="alert">
          {t('compare.failed', { message: gold.error })}
        </p>
      )}
      {acceptedCount !== null && (
        <p className="compare-notice" role="status">
          {t('compare.acceptedCount', { count: acceptedCount })}
        </p>
      )}
      {comparison === null ? (
        <p className="compare-message">{t('compare.tooFew')}</p>
      ) : (
        <div className="compare-body">
          <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}>
            {columns.map((key, column) => (
              <CompareColumn
                key={key}
                column={column}
                title={key}
                subtitle={t('compare.spans', { count: reviewDocument.annotations.get(key)?.spans.length ?? 0 })}
                paragraphs={paragraphs}
                items={comparison.items}
                current={current}
                revealToken={revealToken}
                registerScroller={scrollSync.registerScroller}
                onScroll={scrollSync.onScroll}
              />
            ))}
          </div>
          <aside className="compare-side">
            <CompareLegend />
            <div className="compare-nav">
              <h3>{t('compare.disagreements')}</h3>
              <span data-testid="compare-counts">{t('compare.counts', { disagreements: disagreements.length, agreements: comparison.items.length - disagreements.length })}</span>
              <div className="compare-nav-buttons">
                <button type="button" className="button" onClick={() => step(-1)} disabled={disagreements.length === 0} data-testid="compare-previous">
                  {t('compare.previous')}
                </button>
                <span data-testid="compare-position">{position < 0 ? '' : t('compare.position', { current: position + 1, total: disagreements.length })}</span>
                <button type="button" className="button" onClick={() => step(1)} disabled={disagreements.length === 0} data-testid="compare-next">
                  {t('compare.next')}
                </button>
              </div>
              <ul className="compare-keys">
                {KEY_HINTS.map(([keys, label]) => (
                  <li key={label}>
                    <kbd dir="ltr">{keys}</kbd> {t(label)}
                  </li>
                ))}
              </ul>
            </div>
            {current !== null && (
              <DecisionPanel
                item={current}
                names={names}
                text={reviewDocument.text}
                labels={labels}
                resolution={resolutionOf(current, goldSpans)}
                decided={decided.has(itemKey(current))}
                busy={gold.busy}
                editing={editing}
                onChoose={choose}
                onEdit={setEditing}
                onSaveEdit={saveEdit}
              />
            )}
            <DisagreementList items={disagreements} currentIndex={currentIndex} text={reviewDocument.text} settled={settled} onSelect={goTo} />
          </aside>
        </div>
      )}
    </div>
  );
}

/** Up to three annotators, the gold layer last: it is compared with the others once they are settled. */
function defaultColumns(available: readonly string[], nameOf: ReadonlyMap<string, string>): string[] {
  const people = available.filter((key) => nameOf.get(key) !== GOLD_ANNOTATOR_NAME);
  const golds = available.filter((key) => nameOf.get(key) === GOLD_ANNOTATOR_NAME);
  return [...people, ...golds].slice(0, MAX_COLUMNS);
}
