// brat standoff, following https://brat.nlplab.org/standoff.html ("brat standoff format"): sections
// "Text-bound annotations" (ID, TYPE START END, tab, text; discontinuous "START END;START END"),
// "Relations" (TYPE Arg1:ID Arg2:ID), "Attributes" (binary NAME ID, multi-valued NAME ID VALUE),
// "Annotator notes" (#ID AnnotatorNotes TARGET, tab, note). Offsets are code points (brat is Python).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBratStandoff, serializeBratStandoff } from './brat-standoff';
import { arbitraryDocument, hardDocument, relationTuples, spanTuples } from './test-support/format-fixtures';

describe('brat standoff: conformance with the standoff documentation', () => {
  it('reads the documented text-bound example "T1 Organization 0 4 Sony"', () => {
    const txt = 'Sony formed a joint venture with Ericsson, a mobile phone company based in Sweden.\n';
    const result = parseBratStandoff({ name: 'DOC-1000', txt, ann: 'T1\tOrganization 0 4\tSony\nT2\tOrganization 33 41\tEricsson\nR1\tOrigin Arg1:T2 Arg2:T1\n' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.documents[0]!.spans.map((span) => [span.id, span.label, txt.slice(span.startUtf16, span.endUtf16)])).toEqual([
      ['T1', 'Organization', 'Sony'],
      ['T2', 'Organization', 'Ericsson'],
    ]);
    expect(result.documents[0]!.relations).toEqual([{ id: 'R1', type: 'Origin', fromSpanId: 'T2', toSpanId: 'T1' }]);
  });

  it('reads discontinuous fragments, whose texts brat joins with one space, and attributes and notes', () => {
    const txt = '🙂 قال الوزير أمس إن القوات وصلت';
    const ann = [
      'T1\tClaim 2 5;17 31\tقال إن القوات وصلت',
      'T2\tSpeaker 6 12\tالوزير',
      'A1\tNamed T2',
      'A2\tRole T2 official',
      '#1\tAnnotatorNotes T2\tغير مسمى',
      'R1\tsaid_by Arg1:T1 Arg2:T2',
    ].join('\n');
    const result = parseBratStandoff({ name: 'ar', txt, ann });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [claim, speaker] = result.documents[0]!.spans;
    // Code point 2 is UTF-16 3: the emoji before the span takes two code units.
    expect(claim!.fragments).toEqual([
      { startUtf16: 3, endUtf16: 6 },
      { startUtf16: txt.indexOf('إن'), endUtf16: txt.length },
    ]);
    expect(speaker!.attributes).toEqual({ Named: true, Role: 'official' });
    expect(result.documents[0]!.notes).toEqual([{ id: '#1', type: 'AnnotatorNotes', targetId: 'T2', text: 'غير مسمى' }]);
  });

  it('skips events, normalizations and equivalences with one warning each', () => {
    const txt = 'قال الوزير';
    const ann = 'T1\tCue 0 3\tقال\nE1\tSay:T1\nN1\tReference T1 Wikipedia:123\tx\n*\tEquiv T1 T1\n';
    const result = parseBratStandoff({ name: 'e', txt, ann });
    expect(result.ok && result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^1 events \(E lines\)/),
      expect.stringMatching(/^1 normalizations/),
      expect.stringMatching(/^1 equivalences/),
    ]);
  });
});

describe('brat standoff: round trips', () => {
  it('keeps spans, fragments, relations, attributes and notes (ids are renumbered)', () => {
    const document = hardDocument();
    const { files, warnings } = serializeBratStandoff([document]);
    expect(warnings).toEqual([{ file: 'doc-1.ann', message: expect.stringMatching(/no annotator field/) }]);
    const result = parseBratStandoff(files);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const back = result.documents[0]!;
    expect(back.text).toBe(document.text);
    expect(spanTuples(back)).toEqual(spanTuples(document));
    expect(relationTuples(back)).toEqual(relationTuples(document));
    expect(back.spans.find((span) => span.label === 'speaker' && span.attributes)?.attributes).toEqual({ role: 'official', named: true });
    expect(back.notes?.[0]?.text).toBe('الاسم بالإنجليزية');
  });

  it('writes a span across a line break with the break as a space, and reads it back whole', () => {
    const { files } = serializeBratStandoff([hardDocument()]);
    expect(files[0]!.ann).toContain('\tوصلوا. وأكّد\n');
  });

  it('round-trips random texts and spans (property)', () => {
    fc.assert(
      fc.property(arbitraryDocument, (document) => {
        const result = parseBratStandoff(serializeBratStandoff([document]).files);
        expect(result.ok).toBe(true);
        if (result.ok) expect(spanTuples(result.documents[0]!)).toEqual(spanTuples(document));
      }),
    );
  });
});

describe('brat standoff: bad input', () => {
  const txt = '🙂 قال الوزير';

  it('names the .ann file and line when the recorded text does not match, and hints at UTF-16', () => {
    // A JavaScript tool counted the emoji as two: 3 6 instead of 2 5.
    const result = parseBratStandoff({ name: 'doc', txt, ann: 'T1\tCue 3 6\tقال\n' });
    expect(result).toEqual({
      ok: false,
      errors: [{ file: 'doc.ann', line: 1, message: expect.stringMatching(/T1: recorded text "قال" does not match .*code points.*would match if the offsets counted UTF-16/) }],
    });
  });

  it('reports offsets outside the text, malformed lines and dangling references', () => {
    const ann = ['T1\tCue 0 99\tx', 'T2 Cue 0 3 قال', 'T3\tCue 2 5\tقال', 'R1\tsaid_by Arg1:T3 Arg2:T9', 'T3\tCue 2 5\tقال'].join('\n');
    const result = parseBratStandoff({ name: 'doc', txt, ann });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.line, error.message])).toEqual([
      [1, expect.stringMatching(/outside the text \(0–12 code points\)/)],
      [2, expect.stringMatching(/not a brat annotation id/)],
      [5, 'the id T3 is used twice'],
      [4, expect.stringMatching(/refers to T9, which is not in this file/)],
    ]);
  });
});
