// A side-panel list rendered as a window of its items (usePagedList): the "show earlier" button
// above, the visible items, and the "show more" item below whose visibility loads the next page.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../state/use-paged-list';

interface Props<T> {
  className: string;
  items: readonly T[];
  selectedIndex: number;
  renderItem: (item: T) => ReactNode;
}

export function WindowedList<T>({ className, items, selectedIndex, renderItem }: Props<T>) {
  const { t } = useTranslation();
  const { listRef, moreRef, start, end, showMore, showEarlier } = usePagedList<HTMLOListElement>(items.length, selectedIndex);
  return (
    <ol className={className} ref={listRef}>
      {start > 0 && (
        <li className="span-list-more">
          <button type="button" className="button button-quiet" onClick={showEarlier}>
            {t('spans.earlier', { count: start })}
          </button>
        </li>
      )}
      {items.slice(start, end).map(renderItem)}
      {end < items.length && (
        <li className="span-list-more" ref={moreRef}>
          <button type="button" className="button button-quiet" onClick={showMore}>
            {t('spans.more', { count: items.length - end })}
          </button>
        </li>
      )}
    </ol>
  );
}
