// The claims attributed to one register entry, grouped by document; each opens the claim in its document.
import { useTranslation } from 'react-i18next';
import type { Entity, EntityClaim } from '../../shared/rpc/domain';

interface Props {
  entity: Entity;
  claims: readonly EntityClaim[] | null;
  onOpenClaim: (claim: EntityClaim) => void;
}

const MAX_PREVIEW_CHARS = 220;

export function RegisterClaimList({ entity, claims, onOpenClaim }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="register-claims-title">
        <bdi>{entity.name}</bdi>
        <span className="register-claims-kind">{t(`register.kind.${entity.kind}`)}</span>
      </h3>
      {claims === null ? (
        <p className="pane-empty">{t('register.loading')}</p>
      ) : claims.length === 0 ? (
        <p className="pane-empty">{t('register.noClaims')}</p>
      ) : (
        <ol className="register-claim-list">
          {claims.map((claim) => (
            <li key={`${claim.claim.id}:${claim.via.id}:${claim.relationType}`}>
              <button type="button" className="register-claim" data-testid="register-claim" onClick={() => onOpenClaim(claim)}>
                <span className="register-claim-meta">
                  <bdi>{claim.documentTitle}</bdi> · {t('register.via')} «<bdi>{claim.via.text}</bdi>» · {t('register.by')} <bdi>{claim.claim.annotatorName}</bdi>
                </span>
                <span className="register-claim-text" dir="rtl" lang="ar">
                  {claim.claim.text.length > MAX_PREVIEW_CHARS ? `${claim.claim.text.slice(0, MAX_PREVIEW_CHARS)}…` : claim.claim.text}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
