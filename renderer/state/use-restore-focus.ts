// A dialog gives the focus back to what had it before it opened (the header button that opened it),
// so that a keyboard user continues from there after Escape or after the dialog's work is done.
import { useEffect, useState } from 'react';

export function useRestoreFocus(): void {
  // Read while rendering: by the time effects run, the dialog's autoFocus has already moved the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      // Only once the dialog is gone and its focused control with it (StrictMode's trial unmount
      // leaves it in place), and never over a control the user has focused meanwhile.
      window.setTimeout(() => {
        const focused = document.activeElement;
        if (focused !== null && focused !== document.body) return;
        if (opener?.isConnected === true && !opener.matches(':disabled')) opener.focus();
      }, 0);
    },
    [opener],
  );
}
