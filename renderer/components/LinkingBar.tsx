// Shown while linking: which slot is being filled, the keys that work, and a cancel button.
import { useTranslation } from 'react-i18next';
import type { LinkingState } from '../state/use-attribution';

interface Props {
  linking: LinkingState;
  onCancel: () => void;
}

export function LinkingBar({ linking, onCancel }: Props) {
  const { t } = useTranslation();
  const label = t(`labels.${linking.toLabel}`, { defaultValue: linking.toLabel });
  const empty = linking.candidateIds.length === 0;
  return (
    <div className="linking-bar" role="status" data-testid="linking-bar" data-relation-type={linking.relationType}>
      <span className="linking-pulse" aria-hidden="true" />
      <div className="linking-text">
        <strong>{t('frames.linkingTitle', { label })}</strong>
        <span>{empty ? t('frames.noCandidates', { label }) : t('frames.linkingHelp')}</span>
      </div>
      <button type="button" className="button button-quiet" onMouseDown={(event) => event.preventDefault()} onClick={onCancel}>
        {t('frames.cancel')}
      </button>
    </div>
  );
}
