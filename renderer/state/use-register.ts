// The register browser's data: entries by kind with their link counts, the claims attributed to the
// selected entry across documents, and merging duplicates. Fetched when the browser opens, so it
// always shows what the other windows and annotators have linked since.
import { useCallback, useEffect, useState } from 'react';
import type { Entity, EntityClaim } from '../../shared/rpc/domain';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError } from '../../shared/rpc/rpc-error';

export function useRegister(rpc: RpcInvoke, onError: (error: RpcError) => void) {
  const [entities, setEntities] = useState<Entity[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [claims, setClaims] = useState<EntityClaim[] | null>(null);
  // Bumped after a merge: the kept entry may be the selected one, whose claims then grew.
  const [claimsVersion, setClaimsVersion] = useState(0);

  const refresh = useCallback(async () => {
    const result = await rpc('entities.list', {});
    if (!result.ok) {
      onError(result.error);
      return;
    }
    setEntities(result.value);
    setSelectedId((current) => (current !== null && result.value.some((entity) => entity.id === current) ? current : null));
  }, [rpc, onError]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (selectedId === null) {
      setClaims(null);
      return;
    }
    let current = true;
    setClaims(null);
    void rpc('entities.claims', { entityId: selectedId }).then((result) => {
      if (!current) return;
      if (result.ok) setClaims(result.value);
      else onError(result.error);
    });
    return () => {
      current = false;
    };
  }, [rpc, selectedId, claimsVersion, onError]);

  /** Moves every link of `mergeIds` to `keepId`; returns the number of links moved, or null when refused. */
  const merge = useCallback(
    async (keepId: string, mergeIds: string[]): Promise<number | null> => {
      const result = await rpc('entities.merge', { keepId, mergeIds });
      if (!result.ok) {
        onError(result.error);
        return null;
      }
      setSelectedId(keepId);
      setClaimsVersion((version) => version + 1);
      await refresh();
      return result.value.movedLinks;
    },
    [rpc, onError, refresh],
  );

  return { entities, selectedId, setSelectedId, claims, merge, refresh };
}
