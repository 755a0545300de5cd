// Label Studio JSON, following https://labelstud.io/guide/task_format (tasks with data and
// annotations[].result) and https://labelstud.io/tags/text ("Sample Results JSON": value.start,
// value.end, value.text, value.labels). Offsets are code points since label-studio PR #1559; the
// example below is the one from label-studio issue #1347, where UTF-16 offsets were off by one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDocument, hardDocument, relationTuples, spanTuples } from './test-support/format-fixtures';
import { parseLabelStudio, parseLabelStudioValue, readLabelStudio, serializeLabelStudio } from './label-studio';

const options = { fileName: 'project.json' };
const task = (text: string, result: unknown[]) => [{ id: 1, data: { text }, annotations: [{ id: 1001, completed_by: 10, result }] }];
const region = (start: number, end: number, text: string, label = 'Annotation') => ({ id: 'r1', from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text, labels: [label] } });

describe('Label Studio: conformance', () => {
  it('reads a labels result as a span in code points, with its annotator', () => {
    const result = parseLabelStudio(JSON.stringify(task('💩This is an annotation.', [region(12, 22, 'annotation')])), options);
    expect(result.ok && result.documents[0]).toMatchObject({ id: '1', spans: [{ id: 'r1', label: 'Annotation', startUtf16: 13, endUtf16: 23, annotator: '10' }] });
  });

  it('issue #1347: UTF-16 offsets from an old export are reported with the unit that would match, and read with offsetUnit utf16', () => {
    const old = JSON.stringify(task('💩This is an annotation.', [region(13, 23, 'annotation')]));
    expect(parseLabelStudio(old, options)).toEqual({
      ok: false,
      errors: [{ file: 'project.json', record: 1, message: expect.stringMatching(/task 1: annotation 1, result 1: recorded text "annotation" does not match .* counted UTF-16 code units/) }],
    });
    const fixed = parseLabelStudio(old, { ...options, offsetUnit: 'utf16' });
    expect(fixed.ok && fixed.documents[0]!.spans[0]).toMatchObject({ startUtf16: 13, endUtf16: 23 });
  });

  it('reads relations (direction "left" reverses them), skips cancelled annotations and other result types', () => {
    const text = 'قال الوزير إن القوات وصلت';
    const result = [
      { ...region(0, 3, 'قال', 'cue'), id: 'a' },
      { ...region(14, 25, 'القوات وصلت', 'claim'), id: 'b' },
      { from_id: 'a', to_id: 'b', type: 'relation', direction: 'left', labels: ['cued_by'] },
      { id: 'c', from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['neutral'] } },
    ];
    const tasks = [{ data: { text }, annotations: [{ result }, { was_cancelled: true, result: [] }] }];
    const parsed = parseLabelStudio(JSON.stringify(tasks), options);
    expect(parsed.ok && parsed.documents[0]!.relations).toEqual([{ id: 'r1', type: 'cued_by', fromSpanId: 'b', toSpanId: 'a' }]);
    expect(parsed.ok && parsed.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/annotation 2 was cancelled/),
      expect.stringMatching(/1 result\(s\) of other types/),
    ]);
  });
});

describe('Label Studio: predictions', () => {
  // https://labelstud.io/guide/predictions ("Import pre-annotated data"): `predictions` beside
  // `annotations`, each with a `model_version` and a `result` list in the same shape.
  const text = 'قال الوزير إن القوات وصلت';
  const tasks = JSON.stringify([
    {
      data: { text },
      annotations: [{ completed_by: 10, result: [{ ...region(4, 10, 'الوزير', 'speaker'), id: 'h1' }] }],
      predictions: [
        { model_version: 'ner-v2', score: 0.91, result: [{ ...region(4, 10, 'الوزير', 'speaker'), id: 'p1' }, { ...region(14, 25, 'القوات وصلت', 'claim'), id: 'p2' }] },
        { result: [{ ...region(0, 3, 'قال', 'cue'), id: 'p3' }] },
      ],
    },
  ]);

  it('imports only the annotations by default, and says how many predictions were left out', () => {
    const parsed = parseLabelStudio(tasks, options);
    expect(parsed.ok && parsed.documents[0]!.spans.map((span) => [span.id, span.annotator])).toEqual([['h1', '10']]);
    expect(parsed.ok && parsed.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^2 model prediction\(s\) were not imported, only the annotations/u)]);
  });

  it('with includePredictions, each prediction goes to the layer of its model_version, else "prediction", never the human one', () => {
    const parsed = parseLabelStudio(tasks, { ...options, includePredictions: true });
    expect(parsed.ok && parsed.documents[0]!.spans.map((span) => [span.id, span.label, span.annotator])).toEqual([
      ['h1', 'speaker', '10'],
      ['p1', 'speaker', 'ner-v2'],
      ['p2', 'claim', 'ner-v2'],
      ['p3', 'cue', 'prediction'],
    ]);
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });
});

describe('Label Studio: round trips', () => {
  it('keeps contiguous spans, relations, annotators, id, title and meta; flattens fragments with a warning', () => {
    const document = hardDocument();
    const { content, warnings } = serializeLabelStudio([document]);
    expect(warnings).toEqual([{ file: 'doc-1', message: expect.stringMatching(/2 span\(s\) had fragments or attributes/) }]);
    const result = parseLabelStudio(content, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const back = result.documents[0]!;
    expect([back.id, back.title, back.meta]).toEqual([document.id, document.title, document.meta]);
    const contiguous = { ...document, spans: document.spans.map(({ fragments: _fragments, attributes: _attributes, ...span }) => span) };
    expect(spanTuples(back)).toEqual(spanTuples(contiguous));
    expect(relationTuples(back)).toEqual(relationTuples(document));
    expect(back.spans.every((span) => span.annotator === 'amina')).toBe(true);
  });

  it('round-trips random texts and spans in both units (property)', () => {
    fc.assert(
      fc.property(arbitraryDocument, fc.constantFrom('codePoints' as const, 'utf16' as const), (document, offsetUnit) => {
        const result = parseLabelStudio(serializeLabelStudio([document], { offsetUnit }).content, { ...options, offsetUnit });
        expect(result.ok).toBe(true);
        if (result.ok) expect(spanTuples(result.documents[0]!)).toEqual(spanTuples(document));
      }),
    );
  });
});

describe('Label Studio: bad input', () => {
  it('names the task for a missing text, a region outside the text and a dangling relation', () => {
    const tasks = [
      { data: { image: 'x.jpg' } },
      { data: { text: 'نص' }, annotations: [{ result: [region(0, 9, 'x'), { type: 'relation', from_id: 'r1', to_id: 'zz' }] }] },
    ];
    const result = parseLabelStudio(JSON.stringify(tasks), options);
    expect(result.ok || result.errors.map((error) => [error.record, error.message])).toEqual([
      [1, expect.stringMatching(/data\.text must be the text/)],
      [2, expect.stringMatching(/result 1: span 0–9 lies outside the text \(0–2 code points\)/)],
      [2, expect.stringMatching(/relation r1 → zz refers to a region that is not in this annotation/)],
    ]);
  });
});

describe('Label Studio: read task by task', () => {
  const corpus = fc.array(arbitraryDocument, { minLength: 1, maxLength: 5 }).map((documents) => [hardDocument(), ...documents.map((document, index) => ({ ...document, id: `doc ${index}` }))]);

  it('gives what the whole-file parse gives, for good files and for a bad task anywhere (property)', () => {
    fc.assert(
      fc.property(corpus, fc.nat(), fc.boolean(), (documents, pick, spoil) => {
        const tasks = JSON.parse(serializeLabelStudio(documents).content) as { data: Record<string, unknown> }[];
        if (spoil) delete tasks[pick % tasks.length]!.data.text;
        const streamed = parseLabelStudio(JSON.stringify(tasks), options);
        expect(streamed).toEqual(parseLabelStudioValue(tasks, options));
        expect(streamed.ok ? [] : streamed.errors.map((error) => [error.file, error.record])).toEqual(spoil ? [['project.json', (pick % tasks.length) + 1]] : []);
      }),
    );
  });

  it('stops giving documents at the first bad task, and still lists every bad task', () => {
    const tasks = JSON.parse(serializeLabelStudio([hardDocument(), { ...hardDocument(), id: 'b' }, { ...hardDocument(), id: 'c' }, { ...hardDocument(), id: 'd' }]).content) as { data: Record<string, unknown> }[];
    delete tasks[1]!.data.text;
    delete tasks[3]!.data.text;
    const reader = readLabelStudio(JSON.stringify(tasks), options);
    const seen: number[] = [];
    let next = reader.next();
    for (; !next.done; next = reader.next()) seen.push(next.value.record);
    expect(seen).toEqual([1]);
    expect(next.value.ok ? [] : next.value.errors.map((error) => error.record)).toEqual([2, 4]);
  });
});
