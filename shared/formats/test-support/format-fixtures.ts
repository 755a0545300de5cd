// Test data shared by the converter tests: a document with the hard cases the issue names (emoji
// before spans, Arabic diacritics, tatweel, \n, Latin runs, digits) and fast-check generators of
// random canonical texts with spans.
import fc from 'fast-check';
import { canonicalizeText } from '../../text/canonical-text';
import type { CorpusDocument, CorpusSpan } from '../corpus-model';

export const HARD_TEXT = canonicalizeText(
  '🙂 قالَ وزيرُ الدفاع Lloyd Austin إن 900 جندي وصلوا.\nوأكّد المتحدث باسم البنتاغون ـ باتريك رايدر ـ أن الضربات «دفاعية» 😀 بحسب البيان.',
);

function at(text: string, needle: string, occurrence = 0): [number, number] {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`fixture text lacks ${needle}`);
  return [index, index + needle.length];
}

/** A document with every feature the neutral model has, on HARD_TEXT. */
export function hardDocument(): CorpusDocument {
  const text = HARD_TEXT;
  const span = (id: string, label: string, needle: string, extra: Partial<CorpusSpan> = {}): CorpusSpan => {
    const [startUtf16, endUtf16] = at(text, needle);
    return { id, label, startUtf16, endUtf16, ...extra };
  };
  const [cueStart, cueEnd] = at(text, 'قالَ');
  const [claimStart, claimEnd] = at(text, '900 جندي وصلوا');
  return {
    id: 'doc-1',
    title: 'ضربات',
    text,
    meta: { source: 'fixture', year: 2023 },
    spans: [
      span('T1', 'speaker', 'وزيرُ الدفاع Lloyd Austin', { annotator: 'amina', attributes: { role: 'official', named: true } }),
      span('T2', 'cue', 'قالَ', { annotator: 'amina' }),
      { id: 'T3', label: 'claim', startUtf16: cueStart, endUtf16: claimEnd, fragments: [{ startUtf16: cueStart, endUtf16: cueEnd }, { startUtf16: claimStart, endUtf16: claimEnd }], annotator: 'amina' },
      span('T4', 'speaker', 'باتريك رايدر', { annotator: 'amina' }),
      span('T5', 'claim', 'الضربات «دفاعية» 😀 بحسب', { annotator: 'amina' }),
      span('T6', 'source', 'البيان', { annotator: 'amina' }),
      span('T7', 'claim', 'وصلوا.\nوأكّد', { annotator: 'amina' }),
    ],
    relations: [
      { id: 'R1', type: 'said_by', fromSpanId: 'T5', toSpanId: 'T4' },
      { id: 'R2', type: 'according_to', fromSpanId: 'T5', toSpanId: 'T6' },
    ],
    notes: [{ id: '#1', targetId: 'T1', type: 'AnnotatorNotes', text: 'الاسم بالإنجليزية' }],
  };
}

/** Spans as comparable tuples: what a user would see (label, covered text, offsets), in text order. */
export function spanTuples(document: CorpusDocument): string[] {
  return document.spans
    .map((span) => {
      const pieces = span.fragments ?? [{ startUtf16: span.startUtf16, endUtf16: span.endUtf16 }];
      return `${span.label}|${pieces.map((piece) => `${piece.startUtf16}-${piece.endUtf16}:${document.text.slice(piece.startUtf16, piece.endUtf16)}`).join(';')}`;
    })
    .sort();
}

/** Relations as label pairs resolved through span offsets, so renumbered ids still compare equal. */
export function relationTuples(document: CorpusDocument): string[] {
  const where = new Map(document.spans.map((span) => [span.id, `${span.label}@${span.startUtf16}-${span.endUtf16}`]));
  return document.relations.map((relation) => `${relation.type}:${where.get(relation.fromSpanId)}→${where.get(relation.toSpanId)}`).sort();
}

const TEXT_UNITS = ['ق', 'ا', 'ل', 'َ', 'ُ', 'ّ', 'ـ', ' ', ' ', '\n', 'a', 'Z', '7', '0', '🙂', '𝕏', '«', '»', '.', '،', 'é'];

/** A canonical text with emoji, diacritics, tatweel, Latin, digits and line breaks. */
export const arbitraryText = fc
  .array(fc.constantFrom(...TEXT_UNITS), { minLength: 1, maxLength: 60 })
  .map((units) => canonicalizeText(units.join('')));

/** A canonical text plus non-empty spans on code-point boundaries (labels without spaces). */
export const arbitraryDocument: fc.Arbitrary<CorpusDocument> = arbitraryText.chain((text) => {
  const boundaries = [...text].reduce<number[]>((offsets, character) => [...offsets, offsets[offsets.length - 1]! + character.length], [0]);
  const lengthCodePoints = boundaries.length - 1;
  const span = fc
    .tuple(fc.nat({ max: Math.max(0, lengthCodePoints - 1) }), fc.integer({ min: 1, max: Math.max(1, lengthCodePoints) }), fc.constantFrom('claim', 'speaker', 'source', 'cue'))
    .filter(([start, length]) => start + length <= lengthCodePoints)
    .map(([start, length, label]) => ({ startUtf16: boundaries[start]!, endUtf16: boundaries[start + length]!, label }));
  return fc.array(span, { maxLength: 6 }).map((spans) => ({
    id: 'doc',
    text,
    spans: spans.map((item, index) => ({ id: `s${index + 1}`, ...item })),
    relations: [],
  }));
});
