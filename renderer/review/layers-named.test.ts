// Gold alone out of a database export: only gold's spans, relations, status and documents remain,
// and the result still loads as a valid export file.
import { describe, expect, it } from 'vitest';
import { makeExportFile } from '../../shared/review/test-support/make-export-file';
import { computeReview } from './compute-review';
import { layersNamed } from './layers-named';
import { sha256Hex } from './sha256-hex';

const TEXT = 'قال المتحدث إن الاجتماع تأجل إلى الأسبوع المقبل.';
const OTHER = 'وأضاف أن القرار نهائي.';

describe('layersNamed', () => {
  const database = makeExportFile(
    [
      { id: 'g', name: 'gold' },
      { id: 'l', name: 'ليلى' },
    ],
    [
      {
        text: TEXT,
        spans: [
          { annotator: 'g', label: 'claim', phrase: 'الاجتماع تأجل', key: 'c' },
          { annotator: 'g', label: 'speaker', phrase: 'المتحدث', key: 's' },
          { annotator: 'l', label: 'claim', phrase: 'الاجتماع', key: 'lc' },
          { annotator: 'l', label: 'speaker', phrase: 'المتحدث', key: 'ls' },
        ],
        relations: [
          { annotator: 'g', type: 'said_by', from: 'c', to: 's' },
          { annotator: 'l', type: 'said_by', from: 'lc', to: 'ls' },
        ],
      },
      { text: OTHER, spans: [{ annotator: 'l', label: 'claim', phrase: 'القرار نهائي' }] },
    ],
    sha256Hex,
  );

  it('keeps only the gold layer, and only the documents gold worked on', () => {
    const gold = layersNamed(database, 'gold');
    expect(gold.annotators).toEqual([{ id: 'g', name: 'gold' }]);
    expect(gold.documents).toHaveLength(1);
    expect(gold.documents[0]!.spans.map((s) => s.label)).toEqual(['claim', 'speaker']);
    expect(gold.documents[0]!.relations).toHaveLength(1);
  });

  it('gives a file the review loads, gold against ليلى’s own file', () => {
    const result = computeReview([
      { name: 'gold', content: JSON.stringify(layersNamed(database, 'gold')) },
      { name: 'ليلى.json', content: JSON.stringify(layersNamed(database, 'ليلى')) },
    ]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.review.annotators.map((a) => a.key)).toEqual(['gold', 'ليلى']);
  });
});
