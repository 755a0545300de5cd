// What each highlight style of the comparison columns means.
import { useTranslation } from 'react-i18next';
import { PAINTED_KINDS } from './ComparePainter';

export function CompareLegend() {
  const { t } = useTranslation();
  return (
    <div className="compare-legend" data-testid="compare-legend">
      <h3>{t('compare.legend')}</h3>
      <ul>
        {PAINTED_KINDS.map((kind) => (
          <li key={kind}>
            <span className={`compare-swatch kind-${kind}`} aria-hidden="true" />
            {t(`compare.kinds.${kind}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
