// The gold layer of the compared document: read from the database by text hash, changed through
// gold.apply (storing the document first when the review came from files), undone, exported.
import { useCallback, useEffect, useState } from 'react';
import type { GoldLayer } from '../../../shared/adjudication/gold-layer';
import type { GoldChange } from '../../../shared/adjudication/plan-gold-change';
import type { RpcInvoke } from '../../../shared/rpc/rpc-client';
import { downloadJson } from '../../util/download-json';
import { exportFileName } from '../../util/export-file-name';

export interface GoldLayerState {
  /** Null while the database has no document with this text (nothing adjudicated yet). */
  readonly layer: GoldLayer | null;
  readonly busy: boolean;
  readonly error: string | null;
  /** Applies a change; resolves to whether it was written. */
  apply(change: GoldChange): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  exportGold(): Promise<void>;
}

export function useGoldLayer(rpc: RpcInvoke, target: { sha256: string; title: string; text: string } | null, onGoldChanged: () => void): GoldLayerState {
  const [layer, setLayer] = useState<GoldLayer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sha256 = target?.sha256 ?? null;

  useEffect(() => {
    setLayer(null);
    if (sha256 === null) return;
    let cancelled = false;
    void rpc('gold.get', { sha256 }).then((result) => {
      if (cancelled) return;
      if (result.ok) setLayer(result.value);
      else setError(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [rpc, sha256]);

  const run = useCallback(
    async (action: () => Promise<GoldLayer | null>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        const next = await action();
        if (next === null) return false;
        setLayer(next);
        onGoldChanged();
        return true;
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onGoldChanged],
  );

  const apply = useCallback(
    (change: GoldChange) =>
      run(async () => {
        if (target === null || isEmptyChange(change)) return null;
        let documentId = layer?.documentId;
        if (documentId === undefined) {
          const ensured = await rpc('gold.ensureDocument', { title: target.title, text: target.text });
          if (!ensured.ok) throw new Error(ensured.error.message);
          documentId = ensured.value.documentId;
        }
        const result = await rpc('gold.apply', {
          documentId,
          add: change.add.map((addition) => ({ ...addition })),
          removeSpanIds: [...change.removeSpanIds],
          ...(change.links === undefined ? {} : { links: change.links.map((link) => ({ ...link })) }),
          ...(change.removeRelationIds === undefined ? {} : { removeRelationIds: [...change.removeRelationIds] }),
        });
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      }),
    [target, layer, rpc, run],
  );

  const replay = useCallback(
    (method: 'gold.undo' | 'gold.redo') =>
      run(async () => {
        if (layer === null) return null;
        const result = await rpc(method, { documentId: layer.documentId });
        if (!result.ok) throw new Error(result.error.message);
        return result.value.changed ? result.value : null;
      }),
    [layer, rpc, run],
  );

  const exportGold = useCallback(async () => {
    if (layer === null || layer.goldAnnotatorId === null) return;
    setError(null);
    const result = await rpc('export.build', { documentId: layer.documentId, annotatorIds: [layer.goldAnnotatorId] });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    downloadJson(result.value, exportFileName(`gold ${target?.title ?? ''}`, new Date()));
  }, [target, layer, rpc]);

  return {
    layer,
    busy,
    error,
    apply,
    undo: async () => void (await replay('gold.undo')),
    redo: async () => void (await replay('gold.redo')),
    exportGold,
  };
}

export function isEmptyChange(change: GoldChange): boolean {
  return change.add.length === 0 && change.removeSpanIds.length === 0 && (change.links?.length ?? 0) === 0 && (change.removeRelationIds?.length ?? 0) === 0;
}
