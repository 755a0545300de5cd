// Which physical key starts linking for which relation type: S for the speaker (said_by), R for the
// source (according_to), C for the cue (cued_by). A schema's other relation types get the first
// free letter of their target label, so every relation has a key.
import type { RelationType } from '../../shared/schemas/annotation-schema';

export interface LinkKey {
  code: string;
  relationType: string;
  toLabel: string;
}

const DEFAULT_CODES: Record<string, string> = { said_by: 'KeyS', according_to: 'KeyR', cued_by: 'KeyC', speaker: 'KeyS', source: 'KeyR', cue: 'KeyC' };
/** Keys other actions already use (A attributes, X clitics, Z/Y undo/redo with Ctrl). */
const RESERVED = new Set(['KeyA', 'KeyX', 'KeyZ', 'KeyY']);

export function linkKeysFor(relationTypes: readonly Pick<RelationType, 'name' | 'to'>[]): LinkKey[] {
  const used = new Set(RESERVED);
  const keys: LinkKey[] = [];
  const take = (type: Pick<RelationType, 'name' | 'to'>, code: string) => {
    used.add(code);
    keys.push({ code, relationType: type.name, toLabel: type.to });
  };
  const rest: Pick<RelationType, 'name' | 'to'>[] = [];
  for (const type of relationTypes) {
    const code = DEFAULT_CODES[type.name] ?? DEFAULT_CODES[type.to];
    if (code !== undefined && !used.has(code)) take(type, code);
    else rest.push(type);
  }
  for (const type of rest) {
    const letter = [...type.to.toUpperCase()].find((char) => /[A-Z]/.test(char) && !used.has(`Key${char}`));
    if (letter !== undefined) take(type, `Key${letter}`);
  }
  return keys;
}
