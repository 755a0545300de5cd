// The dismissible message banner: RPC errors (message chosen by error code, plus the server's
// own words, which say e.g. which file was refused) and short confirmations.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../shared/rpc/rpc-error';

export interface Banner {
  kind: 'error' | 'info';
  title: string;
  detail: string;
  /** Increases on every message so a repeated one is still announced. */
  serial: number;
}

export function useBanner() {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<Banner | null>(null);

  const show = useCallback((kind: Banner['kind'], title: string, detail = '') => {
    setBanner((previous) => ({ kind, title, detail, serial: (previous?.serial ?? 0) + 1 }));
  }, []);

  const showRpcError = useCallback(
    (error: RpcError, context?: string) => {
      const title = context === undefined ? t(`errors.${error.code}`) : `${context} ${t(`errors.${error.code}`)}`;
      show('error', title, error.message);
    },
    [show, t],
  );

  const dismiss = useCallback(() => setBanner(null), []);
  return { banner, show, showRpcError, dismiss };
}
