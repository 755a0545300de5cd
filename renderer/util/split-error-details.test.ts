// A schema import refused for several mistakes shows one line per mistake, each keeping its path.
import { describe, expect, it } from 'vitest';
import { splitErrorDetails } from './split-error-details';

describe('splitErrorDetails', () => {
  it('splits a list of mistakes after the lead sentence', () => {
    expect(splitErrorDetails('The schema file has 2 mistakes: labels[1].shortcut: "Digit1" is already used by "claim"; relations[0].to: unknown label "x"')).toEqual([
      'The schema file has 2 mistakes:',
      'labels[1].shortcut: "Digit1" is already used by "claim"',
      'relations[0].to: unknown label "x"',
    ]);
  });

  it('keeps a single message whole, even with a colon inside', () => {
    expect(splitErrorDetails('Schema «named_entities» cannot be used: spans use labels it does not have: «claim» (3 spans).')).toEqual([
      'Schema «named_entities» cannot be used: spans use labels it does not have: «claim» (3 spans).',
    ]);
  });
});
