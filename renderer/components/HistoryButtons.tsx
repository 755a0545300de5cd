// Undo and redo buttons for the open document, enabled per the server's canUndo/canRedo, and the
// button that opens the keyboard help.
import { useTranslation } from 'react-i18next';

interface Props {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onHelp: () => void;
}

export function HistoryButtons({ canUndo, canRedo, onUndo, onRedo, onHelp }: Props) {
  const { t } = useTranslation();
  return (
    <div className="history-buttons" role="group">
      <button type="button" className="icon-text-button" data-testid="undo-button" disabled={!canUndo} title={t('history.undoTitle')} aria-keyshortcuts="Control+Z" onClick={onUndo}>
        <span aria-hidden="true" className="flip-rtl">↶</span>
        {t('history.undo')}
      </button>
      <button type="button" className="icon-text-button" data-testid="redo-button" disabled={!canRedo} title={t('history.redoTitle')} aria-keyshortcuts="Control+Shift+Z Control+Y" onClick={onRedo}>
        <span aria-hidden="true" className="flip-rtl">↷</span>
        {t('history.redo')}
      </button>
      <button type="button" className="icon-text-button" data-testid="help-button" title={t('help.buttonTitle')} aria-keyshortcuts="Shift+?" onClick={onHelp}>
        <kbd>?</kbd>
        {t('help.button')}
      </button>
    </div>
  );
}
