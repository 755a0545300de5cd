// The register browser: speakers and sources shared by every document, with how often each is
// linked; the claims attributed to the selected entry across documents (a click opens the claim
// in its document); and merging duplicate entries into one, after a confirmation.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity, EntityClaim, EntityKind } from '../../shared/rpc/domain';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcError } from '../../shared/rpc/rpc-error';
import { useRegister } from '../state/use-register';
import { formatNumber } from '../util/format';
import { RegisterClaimList } from './RegisterClaimList';
import { isolateBidi } from '../util/isolate-bidi';

interface Props {
  rpc: RpcInvoke;
  onError: (error: RpcError) => void;
  onOpenClaim: (claim: EntityClaim) => void;
  onClose: () => void;
}

const KINDS: readonly EntityKind[] = ['speaker', 'source'];

export function RegisterPanel({ rpc, onError, onOpenClaim, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const register = useRegister(rpc, onError);
  const [kind, setKind] = useState<EntityKind>('speaker');
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [keepId, setKeepId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [merged, setMerged] = useState<string | null>(null);

  const byKind = useMemo(() => {
    const groups = new Map<EntityKind, Entity[]>(KINDS.map((each) => [each, []]));
    for (const entity of register.entities ?? []) groups.get(entity.kind)?.push(entity);
    return groups;
  }, [register.entities]);
  const shown = byKind.get(kind) ?? [];
  const checkedEntities = shown.filter((entity) => checked.has(entity.id));
  const keep = checkedEntities.find((entity) => entity.id === keepId) ?? checkedEntities[0];
  const selected = register.entities?.find((entity) => entity.id === register.selectedId) ?? null;

  const toggle = (id: string) => {
    setConfirming(false);
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const merge = async () => {
    if (keep === undefined) return;
    const others = checkedEntities.filter((entity) => entity.id !== keep.id);
    const moved = await register.merge(keep.id, others.map((entity) => entity.id));
    setConfirming(false);
    if (moved === null) return;
    setChecked(new Set());
    setMerged(t('register.merged', { count: others.length, name: isolateBidi(keep.name), links: moved }));
  };

  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <section
        className="modal register-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="register-title"
        data-testid="register-panel"
        onKeyDown={(event) => event.key === 'Escape' && onClose()}
      >
        <header className="register-header">
          <h2 id="register-title">{t('register.title')}</h2>
          <p>{t('register.intro')}</p>
          <button type="button" className="icon-button register-close" data-testid="register-close" aria-label={t('register.close')} title={t('register.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="register-tabs" role="tablist">
          {KINDS.map((each) => (
            <button
              key={each}
              type="button"
              role="tab"
              aria-selected={kind === each}
              className={`register-tab${kind === each ? ' is-active' : ''}`}
              data-testid={`register-kind-${each}`}
              onClick={() => {
                setKind(each);
                setChecked(new Set());
                setConfirming(false);
              }}
            >
              {t(`register.kinds.${each}`)} <span className="count-badge">{formatNumber(byKind.get(each)?.length ?? 0, i18n.language)}</span>
            </button>
          ))}
        </div>
        <div className="register-body">
          <div className="register-entries">
            {register.entities === null ? (
              <p className="pane-empty">{t('register.loading')}</p>
            ) : shown.length === 0 ? (
              <p className="pane-empty">{t('register.empty')}</p>
            ) : (
              <ul className="register-entry-list">
                {shown.map((entity) => (
                  <li key={entity.id} data-testid="register-entry" data-entity-id={entity.id} className={entity.id === register.selectedId ? 'is-selected' : ''}>
                    <input
                      type="checkbox"
                      data-testid="register-entry-check"
                      aria-label={t('register.pickForMerge', { name: isolateBidi(entity.name) })}
                      checked={checked.has(entity.id)}
                      onChange={() => toggle(entity.id)}
                    />
                    <button type="button" className="register-entry-name" data-testid="register-entry-open" onClick={() => register.setSelectedId(entity.id)}>
                      <bdi>{entity.name}</bdi>
                    </button>
                    <span className="count-badge" data-testid="register-entry-count" title={t('register.linkCount', { count: entity.linkCount })}>
                      {formatNumber(entity.linkCount, i18n.language)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {checkedEntities.length >= 2 && keep !== undefined && (
              <div className="register-merge" data-testid="register-merge">
                <label>
                  <span>{t('register.mergeInto')}</span>
                  <select data-testid="register-merge-keep" value={keep.id} onChange={(event) => setKeepId(event.currentTarget.value)}>
                    {checkedEntities.map((entity) => (
                      <option key={entity.id} value={entity.id}>
                        {entity.name}
                      </option>
                    ))}
                  </select>
                </label>
                {confirming ? (
                  <div className="register-merge-confirm" role="alert">
                    <p>{t('register.mergeQuestion', { count: checkedEntities.length - 1, name: isolateBidi(keep.name) })}</p>
                    <button type="button" className="button button-primary" data-testid="register-merge-confirm" onClick={() => void merge()}>
                      {t('register.mergeConfirm')}
                    </button>
                    <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
                      {t('register.cancel')}
                    </button>
                  </div>
                ) : (
                  <button type="button" className="button" data-testid="register-merge-button" onClick={() => setConfirming(true)}>
                    {t('register.merge', { count: checkedEntities.length })}
                  </button>
                )}
              </div>
            )}
            {merged !== null && <p className="register-note" role="status">{merged}</p>}
          </div>
          <div className="register-claims" data-testid="register-claims">
            {selected === null ? (
              <p className="pane-empty">{t('register.pickEntry')}</p>
            ) : (
              <RegisterClaimList entity={selected} claims={register.claims} onOpenClaim={onOpenClaim} />
            )}
          </div>
        </div>
      </section>
    </div>
  );
}
