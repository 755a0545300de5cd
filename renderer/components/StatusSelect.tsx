// The open document's status for the current annotator: not started · in progress · done.
import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../shared/rpc/domain';

interface Props {
  status: DocumentStatus;
  onChange: (status: DocumentStatus) => void;
}

export function StatusSelect({ status, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <label className={`status-select status-${status}`}>
      <span>{t('status.label')}</span>
      <select data-testid="status-select" value={status} onChange={(event) => onChange(event.currentTarget.value as DocumentStatus)}>
        {DOCUMENT_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`status.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
