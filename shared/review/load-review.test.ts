// Loading several annotators' export files into one review: matching by text hash, missing data,
// duplicate annotator names, files with several annotators, and the files that must be refused.
import { describe, expect, it } from 'vitest';
import type { ExportFileV1 } from '../export/export-v1';
import { loadReview } from './load-review';
import type { Review, ReviewInput } from './review-types';
import { fakeSha256Hex, makeExportFile, type ExportDocumentSpec } from './test-support/make-export-file';

// A real Arabic news article (repoRoot/../shared/fixtures), imported as text so the test needs no Node API.
import rawArticle from '../../../shared/fixtures/pentagon-strikes-syria-ar.txt?raw';

const ARTICLE = rawArticle.replace(/\r\n?/g, '\n').normalize('NFC');
const SHORT = 'قال المتحدث إن الاجتماع تأجل إلى الأسبوع المقبل.';
const CLAIM = 'القوات الأميركية وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني في شرق سوريا';

const input = (name: string, file: ExportFileV1 | string): ReviewInput => ({ name, content: typeof file === 'string' ? file : JSON.stringify(file) });
const one = (id: string, name: string, documents: readonly ExportDocumentSpec[]): ExportFileV1 => makeExportFile([{ id, name }], documents, fakeSha256Hex);

function load(...inputs: ReviewInput[]): Review {
  const result = loadReview(inputs, { sha256Hex: fakeSha256Hex });
  if (!result.ok) throw new Error(result.error.message);
  return result.review;
}

function loadError(...inputs: ReviewInput[]): string {
  const result = loadReview(inputs, { sha256Hex: fakeSha256Hex });
  if (result.ok) throw new Error('expected the review to be refused');
  return result.error.message;
}

describe('loadReview', () => {
  it('matches documents by the hash of their text, not by id or title', () => {
    const review = load(
      input('amal.json', one('a1', 'Amal', [{ id: 'x1', title: 'Pentagon', text: ARTICLE, spans: [{ annotator: 'a1', label: 'claim', phrase: CLAIM }] }])),
      input('badr.json', one('b1', 'Badr', [{ id: 'other-id', title: 'Another title', text: ARTICLE, spans: [] }])),
      // Same id and title as Amal's document, different text: a different document.
      input('chadi.json', one('c1', 'Chadi', [{ id: 'x1', title: 'Pentagon', text: SHORT, spans: [] }])),
    );
    expect(review.documents).toHaveLength(2);
    const [article, short] = review.documents;
    expect(article!.sha256).toBe(fakeSha256Hex(ARTICLE));
    expect(article!.title).toBe('Pentagon');
    expect(article!.annotatedBy).toEqual(['Amal', 'Badr']);
    expect(article!.annotations.get('Amal')!.spans.map((s) => ARTICLE.slice(s.startUtf16, s.endUtf16))).toEqual([CLAIM]);
    // Badr annotated the article and found nothing: present with no spans, not missing.
    expect(article!.annotations.get('Badr')!.spans).toEqual([]);
    expect(short!.annotatedBy).toEqual(['Chadi']);
  });

  it('keeps a document that only some annotators have, as missing data, and says so', () => {
    const review = load(
      input('amal.json', one('a1', 'Amal', [{ text: ARTICLE, spans: [] }, { text: SHORT, spans: [{ annotator: 'a1', label: 'cue', phrase: 'قال' }] }])),
      input('badr.json', one('b1', 'Badr', [{ text: ARTICLE, spans: [] }])),
    );
    expect(review.documents.map((d) => d.missing)).toEqual([[], ['Badr']]);
    const warning = review.warnings.find((w) => w.kind === 'missing-documents');
    expect(warning?.message).toMatch(/^1 of 2 documents were not annotated by every annotator/);
  });

  it('reports two files from the same annotator name and keeps them apart', () => {
    const review = load(input('day1.json', one('a1', 'Amal', [{ text: SHORT, spans: [] }])), input('day2.json', one('a2', 'Amal', [{ text: SHORT, spans: [] }])));
    expect(review.annotators.map((a) => a.key)).toEqual(['Amal (day1.json)', 'Amal (day2.json)']);
    const warnings = review.warnings.filter((w) => w.kind === 'duplicate-annotator-name');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('«Amal» appears 2 times (in «day1.json», «day2.json»)');
  });

  it('splits a file with several annotators (one database) by each span’s annotator', () => {
    const file = makeExportFile(
      [
        { id: 'a1', name: 'Amal' },
        { id: 'b1', name: 'Badr' },
      ],
      [
        { text: ARTICLE, spans: [{ annotator: 'a1', label: 'claim', phrase: CLAIM }, { annotator: 'b1', label: 'cue', phrase: 'أعلنت' }, { annotator: 'b1', label: 'claim', phrase: CLAIM }] },
        { text: SHORT, spans: [{ annotator: 'a1', label: 'cue', phrase: 'قال' }] },
      ],
      fakeSha256Hex,
    );
    const review = load(input('team.json', file));
    expect(review.annotators.map((a) => [a.key, a.file])).toEqual([
      ['Amal', 'team.json'],
      ['Badr', 'team.json'],
    ]);
    const [article, short] = review.documents;
    expect(article!.annotations.get('Amal')!.spans.map((s) => s.label)).toEqual(['claim']);
    expect(article!.annotations.get('Badr')!.spans.map((s) => s.label)).toEqual(['cue', 'claim']);
    // Everyone in one database sees every document: Badr annotated the short one and marked nothing.
    expect(short!.annotatedBy).toEqual(['Amal', 'Badr']);
    expect(short!.annotations.get('Badr')!.spans).toEqual([]);
    expect(review.files).toEqual([{ name: 'team.json', annotators: ['Amal', 'Badr'], documentCount: 2, spanCount: 4 }]);
  });

  it('turns relations into links and attribute values into categories', () => {
    const file = makeExportFile(
      [{ id: 'a1', name: 'Amal' }],
      [
        {
          text: ARTICLE,
          spans: [
            { annotator: 'a1', label: 'claim', phrase: CLAIM, key: 'claim', attributes: { claimType: 'quote', hedged: true, topics: ['war', 'diplomacy'] } },
            { annotator: 'a1', label: 'speaker', phrase: 'وزارة الدفاع الأميركية', key: 'speaker' },
          ],
          relations: [
            { annotator: 'a1', type: 'said_by', from: 'claim', to: 'speaker' },
            { annotator: 'a1', type: 'mentions', from: 'claim', to: 'speaker' },
          ],
        },
      ],
      fakeSha256Hex,
    );
    const review = load(input('amal.json', file));
    const work = review.documents[0]!.annotations.get('Amal')!;
    const [claim, speaker] = work.spans;
    expect(claim!.attributes).toEqual({ claimType: 'quote', hedged: 'true', topics: 'diplomacy|war' });
    expect(speaker!.attributes).toBeUndefined();
    expect(work.links).toEqual([{ type: 'said_by', fromSpanId: claim!.id, toSpanId: speaker!.id }]);
    expect(review.warnings.map((w) => w.message)).toEqual(['relations of type «mentions» are not measured: link agreement compares said_by, according_to, cued_by.']);
  });

  it('counts a document "not started" by an annotator who marked nothing as missing for them', () => {
    const file = makeExportFile(
      [
        { id: 'a1', name: 'Amal' },
        { id: 'b1', name: 'Badr' },
      ],
      [
        { text: ARTICLE, spans: [{ annotator: 'a1', label: 'claim', phrase: CLAIM }], status: { a1: 'done', b1: 'not_started' } },
        // Marked something while the status still says not started: the spans win.
        { text: SHORT, spans: [{ annotator: 'b1', label: 'cue', phrase: 'قال' }], status: { b1: 'not_started' } },
      ],
      fakeSha256Hex,
    );
    const review = load(input('team.json', file));
    expect(review.documents.map((d) => d.missing)).toEqual([['Badr'], []]);
  });

  it('warns about a file without any annotator instead of inventing one', () => {
    const review = load(input('empty.json', makeExportFile([], [{ text: SHORT, spans: [] }], fakeSha256Hex)));
    expect(review.annotators).toEqual([]);
    expect(review.documents[0]!.annotatedBy).toEqual([]);
    expect(review.warnings.map((w) => w.kind)).toEqual(['file-without-annotators']);
  });
});

describe('loadReview refuses a bad file with one line naming it', () => {
  const good = one('a1', 'Amal', [{ text: ARTICLE, spans: [{ annotator: 'a1', label: 'claim', phrase: CLAIM }] }]);
  const edited = (edit: (file: ExportFileV1) => void): ExportFileV1 => {
    const copy = JSON.parse(JSON.stringify(good)) as ExportFileV1;
    edit(copy);
    return copy;
  };

  it('names the file that is not JSON, not an Isnad export, or another version', () => {
    expect(loadError(input('ok.json', good), input('notes.txt', 'claim: yes'))).toMatch(/^«notes\.txt»: not JSON \(/);
    expect(loadError(input('other.json', '{"documents": []}'))).toBe('«other.json»: not an Isnad export file (it has no "format": "isnad")');
    expect(loadError(input('v2.json', { ...good, version: 2 } as unknown as ExportFileV1))).toBe('«v2.json»: Isnad export version 2 is not supported; this isnad reads version 1');
  });

  it('gives the zod path of a schema violation', () => {
    const message = loadError(input('bad.json', edited((f) => ((f.documents[0]!.spans[0] as { start: unknown }).start = 'ten'))));
    expect(message).toMatch(/^«bad\.json»: documents\[0\]\.spans\[0\]\.start: /);
    expect(loadError(input('extra.json', edited((f) => Object.assign(f.documents[0]!, { colour: 'red' }))))).toMatch(/^«extra\.json»: documents\[0\]: .*colour/);
  });

  it('refuses a span whose text or offsets do not match the document', () => {
    expect(loadError(input('text.json', edited((f) => (f.documents[0]!.spans[0]!.text = 'نص آخر'))))).toMatch(
      /^«text\.json»: documents\[0\]\.spans\[0\] \(span «span-1»\): its text «نص آخر» does not match the document text at \d+–\d+/,
    );
    expect(
      loadError(
        input('shifted.json', edited((f) => {
          const span = f.documents[0]!.spans[0]!;
          span.startUtf16 += 1;
          span.endUtf16 += 1;
        })),
      ),
    ).toMatch(/code point offsets \d+–\d+ do not correspond to UTF-16 offsets/);
    expect(loadError(input('outside.json', edited((f) => Object.assign(f.documents[0]!.spans[0]!, { end: 1e6, endUtf16: 1e6 }))))).toMatch(/lies outside the text/);
    expect(loadError(input('who.json', edited((f) => (f.documents[0]!.spans[0]!.annotator = 'ghost'))))).toMatch(/annotator «ghost» is not listed/);
  });

  it('refuses a relation that does not join two spans of its own annotator in the document', () => {
    const team = makeExportFile(
      [
        { id: 'a1', name: 'Amal' },
        { id: 'b1', name: 'Badr' },
      ],
      [
        {
          text: ARTICLE,
          spans: [
            { annotator: 'a1', label: 'claim', phrase: CLAIM, key: 'claim' },
            { annotator: 'b1', label: 'speaker', phrase: 'وزارة الدفاع الأميركية', key: 'speaker' },
          ],
          relations: [{ annotator: 'a1', type: 'said_by', from: 'claim', to: 'speaker' }],
        },
      ],
      fakeSha256Hex,
    );
    expect(loadError(input('team.json', team))).toBe('«team.json»: documents[0].relations[0] (relation «relation-1-1»): span «span-2» belongs to annotator «b1», not to the relation\'s «a1»');
    team.documents[0]!.relations![0]!.to = 'nowhere';
    expect(loadError(input('team.json', team))).toMatch(/relations\[0\] \(relation «relation-1-1»\): span «nowhere» is not a span of this document$/);
  });

  it('refuses a document whose sha256 is not that of its text', () => {
    const message = loadError(input('hash.json', edited((f) => (f.documents[0]!.sha256 = fakeSha256Hex(SHORT)))));
    expect(message).toBe(`«hash.json»: documents[0].sha256 is ${fakeSha256Hex(SHORT)} but the SHA-256 of its text is ${fakeSha256Hex(ARTICLE)}`);
  });
});
