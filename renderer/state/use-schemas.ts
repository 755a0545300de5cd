// The project's annotation schemas as the window sees them: the list (active one marked), the active
// schema itself (label names in both languages, which labels link to the register), switching and
// importing. A switch reloads the labels, so the toolbar follows at once.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationSchema, EntityKind, SchemaSummary } from '../../shared/rpc/domain';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError } from '../../shared/rpc/rpc-error';

export function useSchemas(rpc: RpcInvoke, onSwitched: () => Promise<void> | void) {
  const { i18n } = useTranslation();
  const [active, setActive] = useState<AnnotationSchema | null>(null);
  const [schemas, setSchemas] = useState<SchemaSummary[]>([]);

  const load = useCallback(async (): Promise<RpcError | null> => {
    const [schema, list] = await Promise.all([rpc('schemas.get', {}), rpc('schemas.list', {})]);
    if (!schema.ok) return schema.error;
    if (!list.ok) return list.error;
    // Labels of imported or other built-in schemas get their names from the schema itself; the
    // interface's own translations (overwrite: false) keep priority for the default labels.
    for (const language of ['ar', 'en'] as const) {
      const names = Object.fromEntries(schema.value.labels.map((label) => [label.name, label.displayName[language]]));
      i18n.addResourceBundle(language, 'translation', { labels: names }, true, false);
    }
    setActive(schema.value);
    setSchemas(list.value);
    return null;
  }, [rpc, i18n]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Makes `schemaId` the project's schema; returns the server's refusal (e.g. CONFLICT: spans use other labels). */
  const switchTo = useCallback(
    async (schemaId: string): Promise<RpcError | null> => {
      const result = await rpc('schemas.setActive', { schemaId });
      if (!result.ok) return result.error;
      const failed = await load();
      await onSwitched();
      return failed;
    },
    [rpc, load, onSwitched],
  );

  /** Imports a schema file; returns the server's refusal (INVALID_SCHEMA lists the mistakes by path). */
  const importSchema = useCallback(
    async (json: string): Promise<{ error: RpcError } | { imported: SchemaSummary }> => {
      const result = await rpc('schemas.import', { json });
      if (!result.ok) return { error: result.error };
      await load();
      if (result.value.active) await onSwitched();
      return { imported: result.value };
    },
    [rpc, load, onSwitched],
  );

  const entityKindOf = useCallback(
    (labelName: string): EntityKind | undefined => active?.labels.find((label) => label.name === labelName)?.entityKind,
    [active],
  );

  return { active, schemas, switchTo, importSchema, entityKindOf, reload: load };
}

export type SchemasState = ReturnType<typeof useSchemas>;
