// `isnad import` and `isnad export` in the interchange formats: format by extension, brat pairs,
// folders, the annotator layer, idempotence, and bad files that leave the database byte for byte.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { runCli } from '../run-cli';
import { captureIo } from '../test-support/capture-io';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-cli-formats-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo({ cwd: dir });
  const status = await runCli(argv, io);
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}

async function exported(...extra: string[]) {
  const result = await run('export', '--db', 'x.sqlite', ...extra);
  expect(result.stderr).toBe('');
  return ExportFileV1.parse(JSON.parse(result.stdout));
}

// An emoji before the spans: code points and UTF-16 differ by one from there on.
const TEXT = '😀 قال الوزير إن الاتفاق سيوقع غدا.';
const at = (phrase: string) => ({ startUtf16: TEXT.indexOf(phrase), endUtf16: TEXT.indexOf(phrase) + phrase.length });
const codePoints = (offsetUtf16: number) => [...TEXT.slice(0, offsetUtf16)].length;

function write(name: string, content: string) {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), content);
}

describe('isnad import in the interchange formats', () => {
  it('imports a doccano file (UTF-16 offsets) under the named annotator and exports it as brat (code points)', async () => {
    const minister = at('الوزير');
    write('corpus.jsonl', `${JSON.stringify({ id: 7, text: TEXT, label: [[minister.startUtf16, minister.endUtf16, 'speaker']] })}\n`);
    const imported = await run('import', '--db', 'x.sqlite', '--annotator', 'سارة', 'corpus.jsonl');
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('1 document (1 new), 1 spans added');
    const file = await exported();
    expect(file.annotators.map((annotator) => annotator.name)).toEqual(['سارة']);
    expect(file.documents[0]!.spans.map((span) => [span.label, span.text, span.start])).toEqual([['speaker', 'الوزير', codePoints(minister.startUtf16)]]);

    const brat = await run('export', '--db', 'x.sqlite', '--format', 'brat', '--out', 'brat');
    expect(brat.status).toBe(0);
    const names = readdirSync(path.join(dir, 'brat')).sort();
    expect(names).toHaveLength(2);
    const ann = readFileSync(path.join(dir, 'brat', names[0]!), 'utf8');
    expect(ann).toBe(`T1\tspeaker ${codePoints(minister.startUtf16)} ${codePoints(minister.endUtf16)}\tالوزير\n`);
  });

  it('reads a brat pair from its .txt, keeps relations, and importing it again changes nothing', async () => {
    const said = at('الاتفاق سيوقع غدا');
    const minister = at('الوزير');
    const cue = at('قال');
    write('news.txt', TEXT);
    write(
      'news.ann',
      [
        `T1\tclaim ${codePoints(said.startUtf16)} ${codePoints(said.endUtf16)}\tالاتفاق سيوقع غدا`,
        `T2\tspeaker ${codePoints(minister.startUtf16)} ${codePoints(minister.endUtf16)}\tالوزير`,
        `T3\tcue ${codePoints(cue.startUtf16)} ${codePoints(cue.endUtf16)}\tقال`,
        'R1\tsaid_by Arg1:T1 Arg2:T2',
        'A1\tkind T2 government',
        '',
      ].join('\n'),
    );
    const first = await run('import', '--db', 'x.sqlite', '--annotator', 'gold', 'news.txt');
    expect(first.stdout).toContain('3 spans added, 0 updated, 1 relations added');
    const before = readFileSync(path.join(dir, 'x.sqlite'));
    const second = await run('import', '--db', 'x.sqlite', '--annotator', 'gold', 'news.ann');
    expect(second.stdout).toContain('(0 new), 0 spans added, 0 updated, 0 relations added');
    expect(readFileSync(path.join(dir, 'x.sqlite')).equals(before)).toBe(true);

    const file = await exported('--gold');
    const spans = file.documents[0]!.spans;
    expect(spans.find((span) => span.label === 'speaker')!.attributes).toEqual({ kind: 'government' });
    expect(file.documents[0]!.relations!.map((relation) => relation.type)).toEqual(['said_by']);

    const conll = await run('export', '--db', 'x.sqlite', '--format', 'conll', '--label', 'speaker');
    expect(conll.stdout).toContain('الوزير B-speaker');
    expect(conll.stdout).not.toContain('claim');
  });

  it('imports a folder: a brat pair, a text file and a CoNLL file; other files are skipped with a warning', async () => {
    write('in/a.txt', 'نص أول للتجربة.');
    write('in/b.txt', TEXT);
    write('in/b.ann', `T1\tcue ${codePoints(at('قال').startUtf16)} ${codePoints(at('قال').endUtf16)}\tقال\n`);
    write('in/c.conll', '-DOCSTART- O\n\nقال O\nالوزير B-speaker\n');
    write('in/notes.docx', 'x');
    const result = await run('import', '--db', 'x.sqlite', 'in');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('skipped 1 file(s) of no known format: in/notes.docx');
    const file = await exported();
    expect(file.documents.map((document) => document.text).sort()).toEqual(['قال الوزير', TEXT, 'نص أول للتجربة.'].sort());
    expect(file.documents.flatMap((document) => document.spans.map((span) => span.text)).sort()).toEqual(['الوزير', 'قال'].sort());
  });

  it('draws a progress line on stderr with --progress (never without it when stderr is not a terminal)', async () => {
    write('c.jsonl', `${JSON.stringify({ text: TEXT })}\n`);
    const quiet = await run('import', '--db', 'x.sqlite', 'c.jsonl');
    expect(quiet.stderr).toBe('');
    write('d.jsonl', `${JSON.stringify({ text: 'نص آخر' })}\n`);
    const shown = await run('import', '--db', 'x.sqlite', '--progress', 'd.jsonl');
    expect(shown.stderr).toMatch(/^\rimporting d\.jsonl: 100% \(0\.0 of 0\.0 MB\)\n$/u);
  });

  it('imports Label Studio predictions with --predictions, in the layer of their model_version beside the annotator', async () => {
    const cp = (phrase: string) => ({ start: codePoints(at(phrase).startUtf16), end: codePoints(at(phrase).endUtf16), text: phrase });
    const result = (id: string, phrase: string, label: string) => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value: { ...cp(phrase), labels: [label] } });
    write('project.json', JSON.stringify([{ id: 3, data: { text: TEXT }, annotations: [{ completed_by: { email: 'layla@example.org' }, result: [result('h1', 'الوزير', 'speaker')] }], predictions: [{ model_version: 'ner-v2', result: [result('p1', 'الوزير', 'speaker'), result('p2', 'الاتفاق سيوقع غدا', 'claim')] }] }]));
    const without = await run('import', '--db', 'x.sqlite', 'project.json');
    expect(without.stderr).toContain('1 model prediction(s) were not imported');
    expect((await exported()).annotators.map((annotator) => annotator.name)).toEqual(['layla@example.org']);
    const withPredictions = await run('import', '--db', 'x.sqlite', '--predictions', 'project.json');
    expect(withPredictions.stderr).toBe('');
    expect(withPredictions.stdout).toContain('2 spans added');
    const file = await exported();
    const names = new Map(file.annotators.map((annotator) => [annotator.id, annotator.name]));
    expect(file.documents[0]!.spans.map((span) => [names.get(span.annotator), span.label, span.text]).sort()).toEqual([
      ['layla@example.org', 'speaker', 'الوزير'],
      ['ner-v2', 'claim', 'الاتفاق سيوقع غدا'],
      ['ner-v2', 'speaker', 'الوزير'],
    ]);
  });

  it('reads labels as the schema\'s with --map-label (CLAIM by case, SRC=source, NOTE= left out) and says so; a bad mapping is a usage error', async () => {
    const spans = [
      { label: 'CLAIM', ...at('الاتفاق سيوقع غدا') },
      { label: 'SRC', ...at('الوزير') },
      { label: 'NOTE', ...at('قال') },
    ].map(({ label, startUtf16, endUtf16 }) => [startUtf16, endUtf16, label]);
    write('corpus.jsonl', `${JSON.stringify({ text: TEXT, label: spans })}\n`);
    for (const [args, message] of [
      [['--map-label', 'SRC'], /^isnad: import: --map-label: «SRC» is not FROM=TO/u],
      [['--map-label', 'SRC=source', '--map-label', 'SRC=speaker'], /^isnad: import: --map-label: the label «SRC» is mapped twice/u],
    ] as const) {
      const refused = await run('import', '--db', 'x.sqlite', ...args, 'corpus.jsonl');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(message);
    }
    const unknownTarget = await run('import', '--db', 'x.sqlite', '--map-label', 'SRC=origin', 'corpus.jsonl');
    expect([unknownTarget.status, unknownTarget.stderr]).toEqual([1, 'isnad: The label mapping reads labels as «origin», which the active schema does not have; its labels are claim, speaker, source, cue.\n']);

    const imported = await run('import', '--db', 'x.sqlite', '--map-label', 'SRC=source', '--map-label', 'NOTE=', 'corpus.jsonl');
    expect(imported.status).toBe(0);
    expect(imported.stderr).toBe("isnad: warning: corpus.jsonl: labels read as the schema's: CLAIM → claim (1 span), SRC → source (1 span), NOTE left out (1 span)\n");
    expect((await exported()).documents[0]!.spans.map((span) => [span.label, span.text]).sort()).toEqual([
      ['claim', 'الاتفاق سيوقع غدا'],
      ['source', 'الوزير'],
    ]);
  });

  it('exports the chosen annotators only, and refuses an unknown one', async () => {
    write('a.jsonl', `${JSON.stringify({ text: TEXT, spans: [{ label: 'cue', ...at('قال') }] })}\n`);
    await run('import', '--db', 'x.sqlite', '--annotator', 'أمل', 'a.jsonl');
    await run('import', '--db', 'x.sqlite', '--annotator', 'gold', '--format', 'jsonl', 'a.jsonl');
    const gold = await exported('--gold');
    expect(gold.annotators.map((annotator) => annotator.name)).toEqual(['gold']);
    expect(gold.documents[0]!.spans).toHaveLength(1);
    const both = await exported('--annotator', 'أمل', '--gold');
    expect(both.documents[0]!.spans).toHaveLength(2);
    const unknown = await run('export', '--db', 'x.sqlite', '--annotator', 'نور');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^isnad: No annotator named «نور»; the annotators are .*\n$/);
  });
});

describe('bad files import nothing and leave the database byte for byte', () => {
  async function expectUnchanged(argv: string[], message: RegExp) {
    write('seed.txt', 'نص موجود من قبل.');
    expect((await run('import', '--db', 'x.sqlite', 'seed.txt')).status).toBe(0);
    const before = readFileSync(path.join(dir, 'x.sqlite'));
    const result = await run('import', '--db', 'x.sqlite', ...argv);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(readFileSync(path.join(dir, 'x.sqlite')).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, 'x.sqlite-wal')) ? readFileSync(path.join(dir, 'x.sqlite-wal')).length : 0).toBe(0);
  }

  it('a JSONL corpus whose third line has an unknown label (the first two lines are rolled back)', async () => {
    const lines = [{ text: 'نص أ' }, { text: 'نص ب', spans: [{ label: 'cue', start: 0, end: 2 }] }, { text: 'نص ج', spans: [{ label: 'rumour', start: 0, end: 2 }] }];
    write('c.jsonl', lines.map((line) => JSON.stringify(line)).join('\n'));
    await expectUnchanged(['c.jsonl'], /^isnad: c\.jsonl, line 3: unknown label «rumour» \(span «s1»\); the labels are claim, speaker, source, cue: map it to one of them \(label mapping in the import dialog, --map-label FROM=TO on the command line\) or switch the schema\n$/);
  });

  it('a JSONL line that is not JSON', async () => {
    write('c.jsonl', `${JSON.stringify({ text: 'نص أ' })}\n{"text": \n`);
    await expectUnchanged(['c.jsonl'], /c\.jsonl, line 2: not valid JSON/);
  });

  it('a brat annotation whose recorded text does not match its offsets (a UTF-16 tool wrote it)', async () => {
    const minister = at('الوزير');
    write('news.txt', TEXT);
    write('news.ann', `T1\tcue 0 3\t😀 \nT2\tspeaker ${minister.startUtf16} ${minister.endUtf16}\tالوزير\n`);
    await expectUnchanged(['news.ann'], /news\.ann, line 2: .*UTF-16/);
  });

  it('a doccano span outside the text, next to a good text file', async () => {
    write('good.txt', 'نص جيد.');
    write('d.jsonl', `${JSON.stringify({ text: 'نص', label: [[0, 9, 'cue']] })}\n`);
    await expectUnchanged(['good.txt', 'd.jsonl'], /d\.jsonl, line 1: .*outside the text/);
  });

  it('an unknown format is named with its extension', async () => {
    write('x.docx', 'x');
    await expectUnchanged(['x.docx'], /«x\.docx»: cannot tell its format from the extension «\.docx»; pass --format/);
  });
});
