// The rules the measures follow, in words, so that every report states how its numbers were made
// (shared/agreement/README.md has the full definitions).

export interface CodingRules {
  readonly overlapMinIoU: number;
  readonly locale: string;
  /** Sentences for the reader, in order. */
  readonly rules: readonly { readonly topic: string; readonly text: string }[];
}

export function codingRules(overlapMinIoU: number, locale: string): CodingRules {
  return {
    overlapMinIoU,
    locale,
    rules: [
      { topic: 'documents', text: 'Documents are matched across files by the SHA-256 of their text, never by id or title.' },
      {
        topic: 'annotators',
        text: 'Each annotator of a file is taken to have annotated every document of that file, unless its status for them is not_started and they marked nothing; a document missing from an annotator’s file is missing data, not "nothing found".',
      },
      {
        topic: 'span F1',
        text: `Spans are matched one to one within a label: exact = same start, end and label; overlap = intersection over union ≥ ${overlapMinIoU} (greedy, largest IoU first). F1 = 2·matched / (|A| + |B|), per label and micro over labels; the mean is over annotator pairs.`,
      },
      {
        topic: 'word tokens',
        text: `Cohen’s κ, Fleiss’ κ and Krippendorff’s α code the word tokens of Intl.Segmenter('${locale}', {granularity: 'word'}) that are word-like (no punctuation or spaces).`,
      },
      {
        topic: 'coding',
        text: 'One binary coding per label: a token is 1 for label L when a span of L overlaps it by at least one character, else 0; labels are coded independently because spans of different labels may overlap.',
      },
      {
        topic: 'measures',
        text: 'Cohen’s κ per annotator pair (and their mean); Fleiss’ κ over the documents every annotator has; Krippendorff’s α (nominal) over all documents with missing values allowed; unitizing αU over the characters (code points) of the documents every annotator has.',
      },
      {
        topic: 'missing',
        text: 'A measure that cannot be computed has no value and a reason (e.g. no-spans: nobody marked that label; no-variation: every token got the same code), never NaN.',
      },
      {
        topic: 'links',
        text: `Relations said_by, according_to and cued_by are compared on the spans matched by overlap (IoU ≥ ${overlapMinIoU}, any label): link F1 per type, and the share of matched claims whose targets correspond.`,
      },
      {
        topic: 'attributes',
        text: 'Attribute values of matched spans are compared as categories (Cohen’s κ, Krippendorff’s α); a multi-choice value counts as its set of choices. Pairs where only one side gave a value are left out.',
      },
    ],
  };
}
