// Schemas per project: listing, switching (refused while spans use labels the new schema lacks),
// importing a file (mistakes listed by path), and labels.list following the active schema.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInSchema } from '../../shared/schemas/built-in-schemas';
import { openDatabase } from '../open-database';
import { dumpDatabase } from '../test-support/dump-database';
import { pentagonSession, storeFailure, type PentagonSession } from '../test-support/pentagon-session';

const names = { ar: 'س', en: 's' };
/** A user's schema with one label of each attribute type and a relation of its own. */
const QUOTES_SCHEMA = {
  id: 'quotes',
  version: 1,
  displayName: { ar: 'اقتباسات', en: 'Quotes' },
  labels: [
    {
      name: 'quote',
      color: '#aa0000',
      shortcut: 'KeyQ',
      displayName: names,
      attributes: [
        { name: 'topics', type: 'multi-choice', displayName: names, values: [{ id: 'war', displayName: names }, { id: 'aid', displayName: names }], default: [] },
        { name: 'verified', type: 'boolean', displayName: names, default: false },
        { name: 'note', type: 'text', displayName: names },
      ],
    },
    { name: 'speaker', color: '#0000aa', shortcut: 'KeyS', displayName: names, entityKind: 'speaker' },
  ],
  relations: [{ name: 'quoted_from', from: 'quote', to: 'speaker', displayName: names }],
};

describe('SchemaRegistry', () => {
  let db: Database.Database;
  let session: PentagonSession;
  beforeEach(() => {
    db = openDatabase(':memory:');
    session = pentagonSession(db);
  });
  afterEach(() => db.close());

  it('lists the built-in schemas with the attribution schema active', () => {
    expect(session.store.schemas.list().map((schema) => [schema.id, schema.builtIn, schema.active])).toEqual([
      ['attribution', true, true],
      ['named_entities', true, false],
    ]);
    expect(session.store.schemas.get()).toEqual(builtInSchema('attribution'));
  });

  it('switches schema when no span stands in the way, and labels follow', () => {
    const { store } = session;
    expect(store.schemas.setActive('named_entities')).toMatchObject({ id: 'named_entities', active: true });
    expect(store.listLabels()).toEqual([
      { name: 'person', color: '#d9480f', shortcutCode: 'Digit1', sortOrder: 1 },
      { name: 'organization', color: '#1971c2', shortcutCode: 'Digit2', sortOrder: 2 },
      { name: 'location', color: '#2f9e44', shortcutCode: 'Digit3', sortOrder: 3 },
    ]);
    expect(session.span('location', 'سوريا').label).toBe('location');
    expect(storeFailure(() => session.span('claim', 'سوريا')).code).toBe('UNKNOWN_LABEL');
  });

  it('refuses to switch while spans use labels the new schema lacks, saying which, and changes nothing', () => {
    session.span('claim', 'الضربات الدقيقة هي للدفاع عن النفس');
    session.span('speaker', 'لويد أوستن');
    session.span('speaker', 'أوستن', 1);
    const before = dumpDatabase(db);
    expect(storeFailure(() => session.store.schemas.setActive('named_entities'))).toEqual({
      code: 'CONFLICT',
      message: 'Schema «named_entities» cannot be used: spans use labels it does not have: «claim» (1 span), «speaker» (2 spans). Delete or relabel them first.',
    });
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('imports a valid schema file and annotates with all attribute types under it', () => {
    const { store } = session;
    expect(store.schemas.import(JSON.stringify(QUOTES_SCHEMA))).toMatchObject({ id: 'quotes', builtIn: false, active: false });
    store.schemas.setActive('quotes');
    const quote = session.span('quote', 'الضربات الدقيقة هي للدفاع عن النفس');
    expect(quote.attributes).toEqual({ topics: [], verified: false });
    expect(store.setSpanAttributes(quote.id, { topics: ['war'], verified: true, note: 'بيان رسمي' }).attributes).toEqual({ topics: ['war'], verified: true, note: 'بيان رسمي' });
    const speaker = session.span('speaker', 'لويد أوستن');
    expect(store.createRelation({ type: 'quoted_from', fromSpanId: quote.id, toSpanId: speaker.id }).type).toBe('quoted_from');
    expect(storeFailure(() => store.schemas.setActive('attribution')).message).toMatch(/«quote» \(1 span\)/);
  });

  it('refuses a schema file with mistakes, listing each by path, and a file that takes a built-in id', () => {
    const bad = { ...QUOTES_SCHEMA, labels: [QUOTES_SCHEMA.labels[0], { ...QUOTES_SCHEMA.labels[1], shortcut: 'KeyQ' }], relations: [{ ...QUOTES_SCHEMA.relations[0], to: 'person' }] };
    expect(storeFailure(() => session.store.schemas.import(JSON.stringify(bad)))).toEqual({
      code: 'INVALID_SCHEMA',
      message:
        'The schema file has 2 mistakes: labels[1].shortcut: "KeyQ" is already used by "quote"; relations[0].to: unknown label "person"; the labels are "quote", "speaker"',
    });
    expect(storeFailure(() => session.store.schemas.import('{"id": "quotes"')).message).toMatch(/^The schema file has 1 mistake: not valid JSON/);
    expect(storeFailure(() => session.store.schemas.import(JSON.stringify({ ...QUOTES_SCHEMA, id: 'attribution' }))).code).toBe('CONFLICT');
    expect(session.store.schemas.list()).toHaveLength(2);
  });

  it('re-importing the active schema applies it at once, and is refused if it would drop labels in use', () => {
    const { store } = session;
    store.schemas.import(JSON.stringify(QUOTES_SCHEMA));
    store.schemas.setActive('quotes');
    session.span('speaker', 'لويد أوستن');
    const recoloured = { ...QUOTES_SCHEMA, version: 2, labels: [QUOTES_SCHEMA.labels[0], { ...QUOTES_SCHEMA.labels[1], color: '#123456' }] };
    store.schemas.import(JSON.stringify(recoloured));
    expect(store.listLabels().find((label) => label.name === 'speaker')?.color).toBe('#123456');
    const withoutSpeaker = { ...QUOTES_SCHEMA, labels: [QUOTES_SCHEMA.labels[0]], relations: [] };
    expect(storeFailure(() => store.schemas.import(JSON.stringify(withoutSpeaker))).code).toBe('CONFLICT');
    expect(store.schemas.get('quotes').version).toBe(2);
  });
});
