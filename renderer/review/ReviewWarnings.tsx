// The review's warnings (duplicate names, missing documents, …). A corpus can produce thousands
// (one per duplicated document): the first few are listed, the rest on request.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewWarning } from '../../shared/review/review-types';

const SHOWN_AT_FIRST = 8;

export function ReviewWarnings({ warnings }: { warnings: readonly ReviewWarning[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (warnings.length === 0) return null;
  const shown = all ? warnings : warnings.slice(0, SHOWN_AT_FIRST);
  return (
    <details className="review-warnings" open data-testid="review-warnings">
      <summary>
        {t('review.warnings')} ({warnings.length})
      </summary>
      <ul>
        {shown.map((warning, i) => (
          <li key={i} data-kind={warning.kind}>
            {warning.message}
          </li>
        ))}
      </ul>
      {shown.length < warnings.length && (
        <button type="button" className="button button-quiet review-more-warnings" onClick={() => setAll(true)}>
          {t('review.moreWarnings', { count: warnings.length - shown.length })}
        </button>
      )}
    </details>
  );
}
