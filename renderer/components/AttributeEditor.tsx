// The selected span's attributes as form controls, from the active schema: choice → select,
// multi-choice → checkboxes, boolean → checkbox, text → input (saved on blur or Enter). Names and
// values are shown in the interface language. Key A focuses the first control (see the help overlay).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationSchema, AttributeDefinition, AttributeValue } from '../../shared/schemas/annotation-schema';
import type { Span } from '../../shared/rpc/domain';

export const ATTRIBUTES_ID = 'span-attributes';

interface Props {
  span: Span | null;
  schema: AnnotationSchema | null;
  onChange: (spanId: string, name: string, value: AttributeValue | null) => void;
}

export function AttributeEditor({ span, schema, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ar';
  if (span === null) return null;
  const definitions = schema?.labels.find((label) => label.name === span.label)?.attributes ?? [];
  const labelName = t(`labels.${span.label}`, { defaultValue: span.label });
  return (
    <section
      className="attributes-section"
      id={ATTRIBUTES_ID}
      aria-labelledby="attributes-title"
      data-testid="attribute-editor"
      onKeyDown={(event) => {
        // Escape hands the keyboard back to the span shortcuts.
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
      }}
    >
      <div className="section-header">
        <h3 id="attributes-title">
          {t('attributes.title')} · {labelName}
        </h3>
        <kbd title={t('attributes.hint')}>A</kbd>
      </div>
      {definitions.length === 0 ? (
        <p className="pane-empty">{t('attributes.none')}</p>
      ) : (
        <div className="attribute-grid">
          {definitions.map((definition) => (
            <AttributeControl key={`${span.id}:${definition.name}`} span={span} definition={definition} language={language} unset={t('attributes.unset')} onChange={onChange} />
          ))}
        </div>
      )}
    </section>
  );
}

interface ControlProps {
  span: Span;
  definition: AttributeDefinition;
  language: 'ar' | 'en';
  unset: string;
  onChange: (spanId: string, name: string, value: AttributeValue | null) => void;
}

function AttributeControl({ span, definition, language, unset, onChange }: ControlProps) {
  const value = span.attributes[definition.name];
  const name = definition.displayName[language];
  const testId = `attribute-${definition.name}`;
  switch (definition.type) {
    case 'choice':
      return (
        <label className="attribute-field">
          <span>{name}</span>
          <select
            data-testid={testId}
            data-attribute-control=""
            value={typeof value === 'string' ? value : ''}
            onChange={(event) => onChange(span.id, definition.name, event.currentTarget.value === '' ? null : event.currentTarget.value)}
          >
            <option value="">{unset}</option>
            {(definition.values ?? []).map((option) => (
              <option key={option.id} value={option.id}>
                {option.displayName[language]}
              </option>
            ))}
          </select>
        </label>
      );
    case 'multi-choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset className="attribute-field attribute-multi" data-testid={testId}>
          <legend>{name}</legend>
          {(definition.values ?? []).map((option) => (
            <label key={option.id} className="attribute-check">
              <input
                type="checkbox"
                data-attribute-control=""
                    checked={chosen.includes(option.id)}
                onChange={(event) => {
                  const next = event.currentTarget.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id);
                  onChange(span.id, definition.name, next.length === 0 ? null : next);
                }}
              />
              {option.displayName[language]}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'boolean':
      return (
        <label className="attribute-field attribute-check">
          <input
            type="checkbox"
            data-testid={testId}
            data-attribute-control=""
            checked={value === true}
            onChange={(event) => onChange(span.id, definition.name, event.currentTarget.checked)}
          />
          {name}
        </label>
      );
    case 'text':
      return <TextAttribute span={span} definition={definition} name={name} testId={testId} onChange={onChange} />;
  }
}

function TextAttribute({ span, definition, name, testId, onChange }: { span: Span; definition: AttributeDefinition; name: string; testId: string; onChange: ControlProps['onChange'] }) {
  const saved = typeof span.attributes[definition.name] === 'string' ? (span.attributes[definition.name] as string) : '';
  const [draft, setDraft] = useState(saved);
  useEffect(() => setDraft(saved), [saved]);
  const commit = () => {
    if (draft !== saved) onChange(span.id, definition.name, draft.trim() === '' ? null : draft);
  };
  return (
    <label className="attribute-field">
      <span>{name}</span>
      <input
        type="text"
        dir="auto"
        data-testid={testId}
        data-attribute-control=""
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
