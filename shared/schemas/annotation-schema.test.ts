// Annotation schema files: the built-in ones are valid and keep the v1 labels; a file with a
// mistake is refused with one message per mistake naming its path.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../labels/default-labels';
import type { AnnotationSchema } from './annotation-schema';
import { BUILT_IN_SCHEMAS, builtInSchema, DEFAULT_SCHEMA_ID } from './built-in-schemas';
import { checkRelationLabels } from './check-relation';
import { parseAnnotationSchema, parseAnnotationSchemaJson } from './parse-annotation-schema';

const attribution = builtInSchema(DEFAULT_SCHEMA_ID)!;

/** A deep copy of the attribution schema with one mistake made by `edit`. */
function broken(edit: (schema: AnnotationSchema) => void): unknown {
  const copy = JSON.parse(JSON.stringify(attribution)) as AnnotationSchema;
  edit(copy);
  return copy;
}

function errorsOf(value: unknown): string[] {
  const parsed = parseAnnotationSchema(value);
  if (parsed.ok) throw new Error('expected the schema to be refused');
  return parsed.errors;
}

describe('built-in annotation schemas', () => {
  it('ships the attribution schema (default) and a plain named-entity schema', () => {
    expect(BUILT_IN_SCHEMAS.map((schema) => schema.id)).toEqual(['attribution', 'named_entities']);
    expect(builtInSchema('named_entities')!.labels.map((label) => label.name)).toEqual(['person', 'organization', 'location']);
  });

  it('keeps the labels, colours and shortcuts the first database version seeded', () => {
    const asLabels = attribution.labels.map((label, index) => ({ name: label.name, color: label.color, shortcutCode: label.shortcut, sortOrder: index + 1 }));
    expect(asLabels).toEqual(DEFAULT_LABELS);
  });

  it('defines the claim frame relations and the attribute values of issue 3', () => {
    expect(attribution.relations.map((relation) => [relation.name, relation.from, relation.to])).toEqual([
      ['said_by', 'claim', 'speaker'],
      ['according_to', 'claim', 'source'],
      ['cued_by', 'claim', 'cue'],
    ]);
    const claim = attribution.labels.find((label) => label.name === 'claim')!;
    const claimType = claim.attributes!.find((attribute) => attribute.name === 'claimType')!;
    expect(claimType.values!.map((value) => value.id)).toEqual(['statistic', 'direct_quote', 'indirect_quote', 'assertion', 'denial', 'warning_threat', 'prediction']);
    for (const label of attribution.labels) {
      for (const attribute of label.attributes ?? []) {
        for (const value of attribute.values ?? []) expect(value.displayName.ar).toMatch(/[\u0600-\u06ff]/);
      }
    }
  });

  it('round-trips through JSON text', () => {
    expect(parseAnnotationSchemaJson(JSON.stringify(attribution))).toEqual({ ok: true, schema: attribution });
  });
});

describe('parseAnnotationSchema refuses mistakes, naming the path', () => {
  it('text that is not JSON', () => {
    const parsed = parseAnnotationSchemaJson('{ "id": "x", ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^not valid JSON: /);
  });

  it('a shortcut used twice', () => {
    expect(errorsOf(broken((schema) => (schema.labels[2]!.shortcut = 'Digit1')))).toEqual(['labels[2].shortcut: "Digit1" is already used by "claim"']);
  });

  it('a shortcut that is a character rather than a KeyboardEvent.code', () => {
    expect(errorsOf(broken((schema) => (schema.labels[1]!.shortcut = '2'))).join('\n')).toMatch(/^labels\[1\]\.shortcut: must be a KeyboardEvent\.code/);
  });

  it('two labels with one name', () => {
    // Renaming "cue" also leaves the cued_by relation pointing at nothing: both are reported.
    expect(errorsOf(broken((schema) => (schema.labels[3]!.name = 'speaker')))).toEqual([
      'labels[3].name: "speaker" is already the name of labels[1]',
      'relations[2].to: unknown label "cue"; the labels are "claim", "speaker", "source"',
    ]);
  });

  it('a relation to a label that does not exist', () => {
    expect(errorsOf(broken((schema) => (schema.relations[0]!.to = 'speeker')))).toEqual([
      'relations[0].to: unknown label "speeker"; the labels are "claim", "speaker", "source", "cue"',
    ]);
  });

  it('a default that is not one of the values', () => {
    expect(errorsOf(broken((schema) => (schema.labels[0]!.attributes![1]!.default = 'sure')))).toEqual([
      'labels[0].attributes[1].default: "sure" is not a value of "certainty"; the values are "asserted", "hedged", "reported_uncertain"',
    ]);
  });

  it('a choice attribute without values, and values on a boolean one', () => {
    const errors = errorsOf(
      broken((schema) => {
        schema.labels[0]!.attributes![0]!.values = [];
        schema.labels[3]!.attributes = [{ name: 'explicit', type: 'boolean', displayName: { ar: 'صريح', en: 'Explicit' }, values: [{ id: 'yes', displayName: { ar: 'نعم', en: 'Yes' } }] }];
      }),
    );
    expect(errors).toEqual(['labels[0].attributes[0].values: a choice attribute needs at least one value', 'labels[3].attributes[0].values: a boolean attribute takes no list of values']);
  });

  it('a colour that is not #rrggbb, a missing display name and an unknown field', () => {
    const errors = errorsOf(
      broken((schema) => {
        schema.labels[0]!.color = 'orange';
        delete (schema.labels[1] as Partial<AnnotationSchema['labels'][number]>).displayName;
        (schema as Record<string, unknown>).colour = 'x';
      }),
    );
    expect(errors).toContain('labels[0].color: must be a colour like "#e0a100"');
    expect(errors.some((error) => error.startsWith('labels[1].displayName: '))).toBe(true);
    expect(errors.some((error) => error.includes('colour'))).toBe(true);
  });

  it('an attribute type it does not know and a value id listed twice', () => {
    expect(errorsOf(broken((schema) => ((schema.labels[0]!.attributes![2] as { type: string }).type = 'rating')))[0]).toMatch(/^labels\[0\]\.attributes\[2\]\.type: /);
    expect(
      errorsOf(
        broken((schema) => {
          schema.labels[0]!.attributes![2]!.values![1]!.id = 'yes';
        }),
      ),
    ).toEqual(['labels[0].attributes[2].values[1].id: "yes" is listed twice']);
  });
});

describe('checkRelationLabels', () => {
  it('accepts claim → speaker for said_by and explains any other pairing', () => {
    expect(checkRelationLabels(attribution, 'said_by', 'claim', 'speaker')).toEqual({ ok: true });
    expect(checkRelationLabels(attribution, 'said_by', 'speaker', 'claim')).toEqual({
      ok: false,
      message: 'A "said_by" relation goes from a "claim" span to a "speaker" span; this one would go from "speaker" to "claim".',
    });
    const unknown = checkRelationLabels(attribution, 'quoted_by', 'claim', 'speaker');
    expect(unknown.ok ? '' : unknown.message).toBe('Unknown relation type "quoted_by" in schema "attribution"; its relation types: "said_by", "according_to", "cued_by".');
  });
});
