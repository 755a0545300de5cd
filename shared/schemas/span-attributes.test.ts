// Attribute values against a label's definitions: defaults, typed edits, and what a relabel keeps.
import { describe, expect, it } from 'vitest';
import type { SchemaLabel } from './annotation-schema';
import { builtInSchema } from './built-in-schemas';
import { applyAttributeChanges, defaultAttributes, reconcileAttributes } from './span-attributes';

const names = { ar: 'س', en: 's' };
const note: SchemaLabel = {
  name: 'note',
  color: '#000000',
  shortcut: 'KeyN',
  displayName: names,
  attributes: [
    { name: 'topics', type: 'multi-choice', displayName: names, values: [{ id: 'war', displayName: names }, { id: 'economy', displayName: names }], default: [] },
    { name: 'verified', type: 'boolean', displayName: names, default: false },
    { name: 'comment', type: 'text', displayName: names },
  ],
};
const claim = builtInSchema('attribution')!.labels[0]!;
const speaker = builtInSchema('attribution')!.labels[1]!;

describe('span attributes', () => {
  it('gives a new claim the schema defaults, and nothing for attributes without one', () => {
    expect(defaultAttributes(claim)).toEqual({ certainty: 'asserted', checkWorthy: 'unsure' });
    expect(defaultAttributes(note)).toEqual({ topics: [], verified: false });
  });

  it('accepts values of each type and removes a value set to null', () => {
    const result = applyAttributeChanges(note, { topics: [], verified: false }, { topics: ['war', 'economy'], verified: true, comment: 'راجع المصدر' });
    expect(result).toEqual({ ok: true, attributes: { topics: ['war', 'economy'], verified: true, comment: 'راجع المصدر' } });
    expect(applyAttributeChanges(note, { comment: 'x', verified: true }, { comment: null })).toEqual({ ok: true, attributes: { verified: true } });
  });

  it('refuses unknown attributes and values of the wrong type, saying what is allowed', () => {
    expect(applyAttributeChanges(claim, {}, { kind: 'person' })).toEqual({ ok: false, message: 'Label "claim" has no attribute "kind"; its attributes: "claimType", "certainty", "checkWorthy".' });
    expect(applyAttributeChanges(claim, {}, { claimType: 'rumour' })).toMatchObject({ ok: false, message: expect.stringContaining('"rumour" is not a value of "claimType"') });
    expect(applyAttributeChanges(note, {}, { topics: 'war' })).toMatchObject({ ok: false, message: expect.stringContaining('takes a list') });
    expect(applyAttributeChanges(note, {}, { topics: ['war', 'war'] })).toMatchObject({ ok: false, message: expect.stringContaining('twice') });
    expect(applyAttributeChanges(note, {}, { verified: 'yes' })).toMatchObject({ ok: false, message: expect.stringContaining('true or false') });
    expect(applyAttributeChanges(note, {}, { comment: true })).toMatchObject({ ok: false, message: expect.stringContaining('takes a text') });
  });

  it('on relabel keeps what the new label defines and fills in its defaults', () => {
    expect(reconcileAttributes(speaker, { claimType: 'denial', certainty: 'hedged' })).toEqual({});
    expect(reconcileAttributes(claim, { claimType: 'denial', kind: 'person' })).toEqual({ claimType: 'denial', certainty: 'asserted', checkWorthy: 'unsure' });
  });
});
