// One table cell holding a measure: the value, or "—" with the reason on hover (and for screen
// readers). data-value carries the unrounded number so tests can compare it with their own.
import { useTranslation } from 'react-i18next';
import type { Cell } from './measure-rows';
import { formatMeasureValue } from './format-measure';

export function MeasureCell({ cell, testId }: { cell: Cell; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (cell === null) {
    return (
      <td className="measure-cell measure-na" title={t('review.notApplicable')} data-testid={testId}>
        <span aria-hidden="true">·</span>
      </td>
    );
  }
  if (cell.value === undefined) {
    const reason = t(`review.reasons.${cell.reason}`, { defaultValue: cell.reason });
    return (
      <td className="measure-cell measure-undefined" title={reason} data-testid={testId} data-reason={cell.reason}>
        <span aria-label={reason}>—</span>
      </td>
    );
  }
  return (
    <td className={`measure-cell${cell.value < 0 ? ' measure-negative' : ''}`} data-testid={testId} data-value={cell.value}>
      {formatMeasureValue(cell.value, i18n.language)}
    </td>
  );
}
