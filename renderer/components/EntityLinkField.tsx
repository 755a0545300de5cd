// Links a speaker or source span to a register entry: suggestions come from entities.search as the
// annotator types (starting from the span's own text; the server matches spelling variants), then
// pick one or create «…» and link it; unlink removes the link. Rendered under the selected span.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity, EntityKind, Span } from '../../shared/rpc/domain';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError } from '../../shared/rpc/rpc-error';
import { isolateBidi } from '../util/isolate-bidi';

interface Props {
  span: Span;
  kind: EntityKind;
  rpc: RpcInvoke;
  onLinked: (span: Span) => void;
  onError: (error: RpcError) => void;
}

const SEARCH_DELAY_MS = 120;
const SUGGESTION_LIMIT = 6;

export function EntityLinkField({ span, kind, rpc, onLinked, onError }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [query, setQuery] = useState(span.text);
  const [suggestions, setSuggestions] = useState<Entity[]>([]);
  const [linked, setLinked] = useState<Entity | null>(null);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (span.entityId === null) {
      setLinked(null);
      return;
    }
    let current = true;
    void rpc('entities.list', { kind }).then((result) => {
      if (current && result.ok) setLinked(result.value.find((entity) => entity.id === span.entityId) ?? null);
    });
    return () => {
      current = false;
    };
  }, [rpc, kind, span.entityId]);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      void rpc('entities.search', { kind, query, limit: SUGGESTION_LIMIT }).then((result) => {
        if (!current) return;
        if (result.ok) {
          setSuggestions(result.value);
          setActive(0);
        } else onError(result.error);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [rpc, kind, query, onError, span.entityId]);

  const link = async (entityId: string | null) => {
    setBusy(true);
    const result = await rpc('spans.linkEntity', { spanId: span.id, entityId });
    setBusy(false);
    if (!result.ok) onError(result.error);
    else onLinked(result.value);
  };

  const create = async () => {
    const name = query.trim();
    if (name === '') return;
    setBusy(true);
    const created = await rpc('entities.create', { kind, name });
    setBusy(false);
    if (!created.ok) onError(created.error);
    else await link(created.value.id);
  };

  const trimmed = query.trim();
  const exact = suggestions.some((entity) => entity.name === trimmed);
  const options = [...suggestions.map((entity) => ({ key: entity.id, pick: () => link(entity.id) })), ...(trimmed !== '' && !exact ? [{ key: 'create', pick: create }] : [])];

  return (
    <div className="entity-link" data-testid="entity-link-field" onClick={(event) => event.stopPropagation()}>
      <div className="entity-link-status">
        <span className="entity-link-caption">{t(`entityLink.caption.${kind}`)}</span>
        {linked !== null ? (
          <>
            <bdi className="entity-link-current" data-testid="entity-linked-name">
              {linked.name}
            </bdi>
            <button type="button" className="button button-quiet entity-unlink" data-testid="entity-unlink" disabled={busy} onClick={() => void link(null)}>
              {t('entityLink.unlink')}
            </button>
          </>
        ) : (
          <span className="entity-link-none">{t('entityLink.none')}</span>
        )}
      </div>
      <input
        className="entity-link-input"
        data-testid="entity-link-input"
        dir="auto"
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-label={t('entityLink.inputLabel')}
        placeholder={t('entityLink.placeholder')}
        value={query}
        maxLength={500}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((index) => (options.length === 0 ? 0 : (index + step + options.length) % options.length));
          } else if (event.key === 'Enter' && !busy) {
            event.preventDefault();
            void options[active]?.pick();
          }
        }}
      />
      <ul className="entity-suggestions" id={listId} role="listbox" aria-label={t('entityLink.suggestions')}>
        {suggestions.map((entity, index) => (
          <li key={entity.id} role="option" aria-selected={index === active}>
            <button type="button" data-testid="entity-suggestion" disabled={busy || entity.id === span.entityId} onClick={() => void link(entity.id)}>
              <bdi>{entity.name}</bdi>
              <span className="entity-suggestion-count">{t('entityLink.links', { count: entity.linkCount })}</span>
            </button>
          </li>
        ))}
        {trimmed !== '' && !exact && (
          <li role="option" aria-selected={active === suggestions.length}>
            <button type="button" data-testid="entity-create" className="entity-create" disabled={busy} onClick={() => void create()}>
              {t('entityLink.create', { name: isolateBidi(trimmed) })}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
