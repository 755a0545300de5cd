// The disagreements of the comparison in reading order, to click or step through with the keyboard;
// each row says its kind, the labels per annotator and whether gold has settled it.
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonItem } from '../../../shared/adjudication/compare-annotators';

export interface DisagreementListProps {
  readonly items: readonly ComparisonItem[];
  readonly currentIndex: number | null;
  readonly text: string;
  /** Item indexes that gold has a span for or that were settled in this session. */
  readonly settled: ReadonlySet<number>;
  onSelect(itemIndex: number): void;
}

const SNIPPET_CHARS = 48;

export const DisagreementList = memo(function DisagreementList({ items, currentIndex, text, settled, onSelect }: DisagreementListProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement | null>(null);
  // Scrolls only the side panel: scrollIntoView would also scroll the review page around the view.
  useEffect(() => {
    const item = list.current?.querySelector<HTMLElement>('[aria-current="true"]');
    const panel = list.current?.closest<HTMLElement>('.compare-side');
    if (item == null || panel == null) return;
    const itemBox = item.getBoundingClientRect();
    const panelBox = panel.getBoundingClientRect();
    if (itemBox.top < panelBox.top) panel.scrollTop -= panelBox.top - itemBox.top;
    else if (itemBox.bottom > panelBox.bottom) panel.scrollTop += itemBox.bottom - panelBox.bottom;
  }, [currentIndex]);
  if (items.length === 0) return <p className="compare-none">{t('compare.none')}</p>;
  return (
    <ol className="compare-list" ref={list} data-testid="compare-list">
      {items.map((item) => {
        const snippet = text.slice(item.startUtf16, Math.min(item.endUtf16, item.startUtf16 + SNIPPET_CHARS));
        return (
          <li key={item.index}>
            <button
              type="button"
              className="compare-list-item"
              aria-current={item.index === currentIndex}
              data-testid="compare-list-item"
              data-kind={item.kind}
              onClick={() => onSelect(item.index)}
            >
              <span className={`compare-swatch kind-${item.kind}`} aria-hidden="true" />
              <span className="compare-list-kind">{t(`compare.kinds.${item.kind}`)}</span>
              <span className="compare-list-labels">
                {item.spans.map((span) => (span === null ? '—' : t(`labels.${span.label}`, { defaultValue: span.label }))).join(' / ')}
              </span>
              {settled.has(item.index) && (
                <span className="compare-list-settled" aria-label={t('compare.gold')}>
                  ✓
                </span>
              )}
              <span className="compare-list-snippet" dir="rtl" lang="ar">
                {snippet}
                {item.endUtf16 - item.startUtf16 > SNIPPET_CHARS ? '…' : ''}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
});
