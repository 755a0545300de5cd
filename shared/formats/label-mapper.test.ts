// Reading a file's labels as the schema's: an explicit mapping wins, then the label itself, then the
// one schema label equal to it ignoring case; spans left out take their relations and notes along.
import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from './corpus-model';
import { describeUnknownLabels, LabelMapper, labelMappingFromPairs, parseLabelMapping, unknownLabelsIn } from './label-mapper';

const mapping = (...entries: string[]) => {
  const parsed = parseLabelMapping(entries);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.mapping;
};

describe('parseLabelMapping', () => {
  it('reads FROM=TO, and FROM= as "leave those spans out"', () => {
    expect([...mapping('PERS=person', ' LOC = location ', 'MISC=')]).toEqual([
      ['PERS', 'person'],
      ['LOC', 'location'],
      ['MISC', null],
    ]);
  });

  it('refuses an entry without "=" or without FROM, and a label mapped twice', () => {
    expect(parseLabelMapping(['PERS'])).toEqual({ ok: false, message: expect.stringMatching(/^«PERS» is not FROM=TO/u) });
    expect(parseLabelMapping(['=person'])).toEqual({ ok: false, message: expect.stringMatching(/^«=person» is not FROM=TO/u) });
    expect(parseLabelMapping(['LOC=location', 'LOC=place'])).toEqual({ ok: false, message: 'the label «LOC» is mapped twice' });
    expect(labelMappingFromPairs([['a=b', 'claim']])).toEqual({ ok: true, mapping: new Map([['a=b', 'claim']]) });
  });
});

describe('LabelMapper', () => {
  it('maps explicitly first, then keeps a schema label, then matches ignoring case; the rest stays for validation to name', () => {
    const mapper = new LabelMapper(['person', 'location', 'claim'], mapping('claim=person'));
    expect(['claim', 'person', 'LOC', 'Location', 'PERS', 'loc'].map((label) => mapper.map(label))).toEqual(['person', 'person', 'LOC', 'location', 'PERS', 'loc']);
    expect(new LabelMapper(['loc'], new Map()).map('LOC')).toBe('loc');
  });

  it('does not guess between two schema labels that differ only in case', () => {
    expect(new LabelMapper(['Loc', 'loc'], new Map()).map('LOC')).toBe('LOC');
  });

  it('names mapping targets the schema does not have', () => {
    expect(new LabelMapper(['person'], mapping('PERS=person', 'LOC=place', 'MISC=')).unknownTargets()).toEqual(['place']);
  });

  it('relabels a document; spans left out take their relations and notes along; one warning counts what was read otherwise', () => {
    const document: CorpusDocument = {
      text: 'قال الوزير في عمّان',
      spans: [
        { id: 'T1', label: 'PERS', startUtf16: 4, endUtf16: 10 },
        { id: 'T2', label: 'LOC', startUtf16: 14, endUtf16: 19 },
        { id: 'T3', label: 'MISC', startUtf16: 0, endUtf16: 3 },
        { id: 'T4', label: 'loc', startUtf16: 14, endUtf16: 19 },
      ],
      relations: [
        { id: 'R1', type: 'in', fromSpanId: 'T1', toSpanId: 'T2' },
        { id: 'R2', type: 'cue', fromSpanId: 'T3', toSpanId: 'T1' },
      ],
      notes: [
        { id: '#1', targetId: 'T3', type: 'AnnotatorNotes', text: 'left out with its span' },
        { id: '#2', targetId: 'T1', type: 'AnnotatorNotes', text: 'kept' },
      ],
    };
    const mapper = new LabelMapper(['person', 'loc'], mapping('PERS=person', 'MISC='));
    const mapped = mapper.apply(document);
    expect(mapped.spans.map((span) => [span.id, span.label])).toEqual([
      ['T1', 'person'],
      ['T2', 'loc'],
      ['T4', 'loc'],
    ]);
    expect(mapped.relations.map((relation) => relation.id)).toEqual(['R1']);
    expect(mapped.notes!.map((note) => note.id)).toEqual(['#2']);
    // The input is not changed: a parser may hand the same objects to a second import.
    expect(document.spans[0]!.label).toBe('PERS');
    mapper.apply(document);
    expect(mapper.warning()).toBe("labels read as the schema's: PERS → person (2 spans), LOC → loc (2 spans), MISC left out (2 spans)");
  });

  it('leaves a document whose labels are the schema\'s as it is, and has no warning', () => {
    const document: CorpusDocument = { text: 'قال', spans: [{ id: 'T1', label: 'cue', startUtf16: 0, endUtf16: 3 }], relations: [] };
    const mapper = new LabelMapper(['cue'], new Map());
    expect(mapper.apply(document)).toBe(document);
    expect(mapper.warning()).toBeUndefined();
  });
});

describe('unknownLabelsIn', () => {
  it('reads back the labels describeUnknownLabels names, spaces, commas and brackets included, and nothing from other messages', () => {
    const message = describeUnknownLabels(new Map([['PERS', ['T1', 'T4']], ['مكان (عام), آخر', ['T2']], ['ORG', ['a, b']]]), 'person, location');
    expect(`ner.conll (document ner): ${message}`).toMatch(/unknown labels «PERS» \(2 spans, the first «T1»\)/u);
    expect(unknownLabelsIn(`ner.conll (document ner): ${message}`)).toEqual(['PERS', 'مكان (عام), آخر', 'ORG']);
    expect(unknownLabelsIn(describeUnknownLabels(new Map([['rumour', ['s1']]]), 'claim'))).toEqual(['rumour']);
    expect(unknownLabelsIn('c.jsonl, line 2: not valid JSON')).toEqual([]);
  });
});
