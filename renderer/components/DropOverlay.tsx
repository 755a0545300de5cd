// Drag files onto the window to import them: a full-window overlay shows while files hover.
import { useTranslation } from 'react-i18next';
import { useFileDrop } from '../state/use-file-drop';

export function DropOverlay({ onDropFiles }: { onDropFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const visible = useFileDrop(onDropFiles);

  if (!visible) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-card">
        <span className="drop-icon" aria-hidden="true">⇩</span>
        <strong>{t('import.dropTitle')}</strong>
        <span>{t('import.dropHint')}</span>
      </div>
    </div>
  );
}
