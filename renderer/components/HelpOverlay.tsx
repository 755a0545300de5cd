// The keyboard help (? to open, Esc to close): every shortcut of the annotator, by physical key.
// Label and link keys come from the schema, so the table always matches what the keys do.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../shared/rpc/domain';
import type { LinkKey } from '../frames/link-keys';
import { keyLabelForCode } from '../util/format';

interface Props {
  labels: readonly Label[];
  linkKeys: readonly LinkKey[];
  onClose: () => void;
}

type Row = { keys: string[]; text: string };

export function HelpOverlay({ labels, linkKeys, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const labelName = (name: string) => t(`labels.${name}`, { defaultValue: name });
  const quoted = (text: string) => (i18n.language === 'en' ? `“${text}”` : `«${text}»`);
  const sections: { title: string; rows: Row[] }[] = [
    {
      title: t('help.tagging'),
      rows: [
        ...labels.map((label) => ({ keys: [keyLabelForCode(label.shortcutCode)], text: `${t('help.tag')} ${quoted(labelName(label.name))}` })),
        { keys: ['Alt', '+', labels.map((label) => keyLabelForCode(label.shortcutCode)).join(' ')], text: t('help.tagExact') },
        { keys: ['Tab', '/', 'Shift+Tab'], text: t('help.step') },
        { keys: ['Esc'], text: t('help.deselect') },
      ],
    },
    {
      title: t('help.linking'),
      rows: [
        ...linkKeys.map((key) => ({ keys: [keyLabelForCode(key.code)], text: `${t('help.link')} ${quoted(labelName(key.toLabel))}` })),
        { keys: ['Tab', '/', 'Shift+Tab'], text: t('help.linkCycle') },
        { keys: ['Enter'], text: t('help.linkConfirm') },
      ],
    },
    {
      title: t('help.editing'),
      rows: [
        { keys: ['[', '/', ']'], text: t('help.startMove') },
        { keys: ['Shift+[', '/', 'Shift+]'], text: t('help.endMove') },
        { keys: ['Alt', '+', '[ ]'], text: t('help.wordMove') },
        { keys: ['X'], text: t('help.clitics') },
        { keys: ['A'], text: t('help.attributes') },
        { keys: ['Delete'], text: t('help.delete') },
      ],
    },
    {
      title: t('help.general'),
      rows: [
        { keys: ['Ctrl+Z'], text: t('help.undo') },
        { keys: ['Ctrl+Shift+Z', '/', 'Ctrl+Y'], text: t('help.redo') },
        { keys: ['?'], text: t('help.help') },
      ],
    },
  ];
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div className="help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay" onClick={(event) => event.stopPropagation()}>
        <div className="help-header">
          <h2 id="help-title">{t('help.title')}</h2>
          <button ref={closeRef} type="button" className="button button-quiet" data-testid="help-close" onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
        <p className="help-intro">{t('help.intro')}</p>
        <div className="help-columns">
          {sections.map((section) => (
            <section key={section.title}>
              <h3>{section.title}</h3>
              <table className="help-table">
                <tbody>
                  {section.rows.map((row) => (
                    <tr key={row.text}>
                      <td className="help-keys" dir="ltr">
                        {row.keys.map((key, index) => (key === '/' || key === '+' ? <span key={index}> {key} </span> : <kbd key={index}>{key}</kbd>))}
                      </td>
                      <td>
                        <bdi>{row.text}</bdi>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
