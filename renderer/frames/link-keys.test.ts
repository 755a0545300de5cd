// Link keys: S, R and C for the attribution schema's relations, a free letter for other schemas.
import { describe, expect, it } from 'vitest';
import { builtInSchema, DEFAULT_SCHEMA_ID } from '../../shared/schemas/built-in-schemas';
import { linkKeysFor } from './link-keys';

describe('linkKeysFor', () => {
  it('gives the attribution schema S (speaker), R (source) and C (cue)', () => {
    const keys = linkKeysFor(builtInSchema(DEFAULT_SCHEMA_ID)!.relations);
    expect(keys.map((key) => [key.relationType, key.code])).toEqual([
      ['said_by', 'KeyS'],
      ['according_to', 'KeyR'],
      ['cued_by', 'KeyC'],
    ]);
  });

  it('gives other relation types the first free letter of their target label, never a reserved key', () => {
    const keys = linkKeysFor([
      { name: 'quoted_by', to: 'speaker' },
      { name: 'reported_by', to: 'source' },
      { name: 'about', to: 'xanadu' },
      { name: 'located_in', to: 'location' },
    ]);
    expect(keys.map((key) => key.code)).toEqual(['KeyS', 'KeyR', 'KeyN', 'KeyL']);
  });
});
