// A label's name in the interface language (the default labels have translations; a schema's own
// labels are shown as they are named).
import type { TFunction } from 'i18next';

export function labelName(t: TFunction, label: string): string {
  return t(`labels.${label}`, { defaultValue: label });
}
