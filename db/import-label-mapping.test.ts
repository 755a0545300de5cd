// A team's NER corpus in the CoNLL tags it was made with (the real ANERcorp sample: PERS, LOC, ORG,
// MISC) imports into the schema they chose: by case alone into a schema of pers/loc/org/misc, by an
// explicit mapping into the built-in named-entities schema; anything unmapped is refused, naming it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLabelMapping } from '../shared/formats/label-mapper';
import { buildExport } from './build-export';
import { importCorpus } from './import-corpus';
import { openDatabase } from './open-database';
import { readCorpusFile } from './read-corpus-file';
import { Store } from './store/Store';
import { dumpDatabase } from './test-support/dump-database';
import { fixturePath } from './test-support/fixture-path';
import { storeFailure } from './test-support/pentagon-session';

const ANERCORP = { path: fixturePath('anercorp-camellab-sample.conll'), name: 'anercorp.conll', format: 'conll' as const };
const mapping = (...entries: string[]) => {
  const parsed = parseLabelMapping(entries);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.mapping;
};
/** Spans per tag, counted from the file itself: a span begins at B-X, or at I-X after anything but X (IOB1). */
const tagCounts = () => {
  const counts: Record<string, number> = {};
  let previous = 'O';
  for (const line of readFileSync(ANERCORP.path, 'utf8').split('\n')) {
    const tag = line.trim() === '' ? 'O' : line.trim().split(/\s+/u).at(-1)!;
    const type = tag.slice(2);
    if (tag.startsWith('B-') || (tag.startsWith('I-') && previous.slice(2) !== type)) counts[type] = (counts[type] ?? 0) + 1;
    previous = tag;
  }
  return counts;
};
const labelCounts = (store: Store) => {
  const counts: Record<string, number> = {};
  for (const span of buildExport(store).documents.flatMap((document) => document.spans)) counts[span.label] = (counts[span.label] ?? 0) + 1;
  return counts;
};

function storeWithSchema(schemaId?: string): Store {
  const store = Store.for(openDatabase(':memory:'));
  if (schemaId === 'anercorp') {
    const label = (name: string, shortcut: string, color: string) => ({ name, color, shortcut, displayName: { ar: name, en: name.toUpperCase() } });
    store.schemas.import(JSON.stringify({ id: 'anercorp', version: 1, displayName: { ar: 'أنركورب', en: 'ANERcorp' }, labels: [label('pers', 'Digit1', '#d9480f'), label('loc', 'Digit2', '#2f9e44'), label('org', 'Digit3', '#1971c2'), label('misc', 'Digit4', '#7048e8')], relations: [] }));
  }
  if (schemaId !== undefined) store.schemas.setActive(schemaId);
  return store;
}

describe('importing labels that are not spelled as the schema\'s', () => {
  it('ANERcorp tags go to a pers/loc/org/misc schema by case alone, every span kept, and one warning says so', () => {
    const store = storeWithSchema('anercorp');
    const warnings: never[] = [];
    const summary = importCorpus(store, readCorpusFile(ANERCORP, { warnings }), { annotator: 'عمر' });
    const tags = tagCounts();
    expect(labelCounts(store)).toEqual({ pers: tags.PERS, loc: tags.LOC, org: tags.ORG, misc: tags.MISC });
    expect(summary.spansAdded).toBe(tags.PERS! + tags.LOC! + tags.ORG! + tags.MISC!);
    expect(summary.warnings).toEqual([{ file: 'anercorp.conll', message: expect.stringMatching(/^labels read as the schema's: (PERS → pers|LOC → loc|ORG → org|MISC → misc) \(\d+ spans\)/u) }]);
  });

  it('into the named-entities schema with --map-label PERS=person LOC=location ORG=organization MISC= (MISC left out)', () => {
    const store = storeWithSchema('named_entities');
    const summary = importCorpus(store, readCorpusFile(ANERCORP, { warnings: [] }), { annotator: 'عمر', labelMapping: mapping('PERS=person', 'LOC=location', 'ORG=organization', 'MISC=') });
    const tags = tagCounts();
    expect(labelCounts(store)).toEqual({ person: tags.PERS, location: tags.LOC, organization: tags.ORG });
    expect(summary.warnings[0]!.message).toContain(`MISC left out (${tags.MISC} spans)`);
  });

  it('without a mapping, the unknown labels are named once each with their count, and nothing is written', () => {
    const store = storeWithSchema('named_entities');
    const before = dumpDatabase(store.db);
    const failure = storeFailure(() => importCorpus(store, readCorpusFile(ANERCORP, { warnings: [] }), { annotator: 'عمر' }));
    expect(failure.code).toBe('INVALID_FILE');
    expect(failure.message).toMatch(/^anercorp\.conll \(document [^)]+\): unknown labels «\w+» \(\d+ spans, the first «\w+»\), .*; the labels are person, organization, location: map each to one of them \(label mapping in the import dialog, --map-label FROM=TO on the command line\) or switch the schema$/u);
    for (const tag of ['PERS', 'LOC', 'ORG', 'MISC']) expect(failure.message).toContain(`«${tag}»`);
    expect(dumpDatabase(store.db)).toEqual(before);
  });

  it('a mapping onto a label the schema lacks is refused before anything is read or written', () => {
    const store = storeWithSchema('named_entities');
    const before = dumpDatabase(store.db);
    const failure = storeFailure(() => importCorpus(store, readCorpusFile(ANERCORP, { warnings: [] }), { labelMapping: mapping('PERS=people', 'LOC=location') }));
    expect(failure).toEqual({ code: 'UNKNOWN_LABEL', message: 'The label mapping reads labels as «people», which the active schema does not have; its labels are person, organization, location.' });
    expect(dumpDatabase(store.db)).toEqual(before);
  });
});
