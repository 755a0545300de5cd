// Label buttons above the article. mousedown is cancelled so clicking one keeps the text selection.
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../shared/rpc/domain';
import { safeCssColor } from '../highlights/highlight-styles';
import { keyLabelForCode } from '../util/format';

interface Props {
  labels: readonly Label[];
  disabled: boolean;
  onTag: (labelName: string) => void;
}

export function LabelToolbar({ labels, disabled, onTag }: Props) {
  const { t } = useTranslation();
  return (
    <div className="label-toolbar" role="toolbar" aria-label={t('toolbar.hint')}>
      {labels.map((label) => {
        const name = t(`labels.${label.name}`, { defaultValue: label.name });
        const key = keyLabelForCode(label.shortcutCode);
        return (
          <button
            key={label.name}
            type="button"
            className="tag-button"
            data-testid={`tag-button-${label.name}`}
            style={{ '--label-color': safeCssColor(label.color) } as CSSProperties}
            title={t('toolbar.tagTooltip', { label: name, key })}
            aria-keyshortcuts={key}
            disabled={disabled}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onTag(label.name)}
          >
            <span className="tag-swatch" aria-hidden="true" />
            <span>{name}</span>
            <kbd>{key}</kbd>
          </button>
        );
      })}
      <span className="toolbar-hint">{t('toolbar.hint')}</span>
    </div>
  );
}
