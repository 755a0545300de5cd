// Drag files onto the window to import them: a full-window overlay shows while files hover.
// Listens on the window in the capture phase so a drop on the article never reaches the editor.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function DropOverlay({ onDropFiles }: { onDropFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const depth = useRef(0);
  const onDropRef = useRef(onDropFiles);
  onDropRef.current = onDropFiles;

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setVisible(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setVisible(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      depth.current = 0;
      setVisible(false);
      onDropRef.current(Array.from(event.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragover', over, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
    };
  }, []);

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
