// A tiny review (two annotators, one Arabic sentence) that the worker measures as soon as it starts:
// the word segmenter's Arabic data and the measures' code are then ready when the reviewer's files come.
import type { ExportFileV1 } from '../../shared/export/export-v1';
import type { ReviewInput } from '../../shared/review/review-types';
import { sha256Hex } from './sha256-hex';

const TEXT = 'قال المتحدث إن الاجتماع تأجل إلى الأسبوع المقبل.';
const AT = '2026-01-01T00:00:00.000Z';

function file(annotator: string, phrase: string): ReviewInput {
  const startUtf16 = TEXT.indexOf(phrase);
  const endUtf16 = startUtf16 + phrase.length;
  const exported: ExportFileV1 = {
    format: 'isnad',
    version: 1,
    exportedAt: AT,
    annotators: [{ id: annotator, name: annotator }],
    documents: [
      {
        id: 'warm-up',
        title: 'warm-up',
        lang: 'ar',
        direction: 'rtl',
        sha256: sha256Hex(TEXT),
        text: TEXT,
        // The sentence is all in the BMP: code point and UTF-16 offsets coincide.
        spans: [{ id: `${annotator}-1`, annotator, label: 'claim', start: startUtf16, end: endUtf16, startUtf16, endUtf16, text: phrase, createdAt: AT, updatedAt: AT }],
      },
    ],
  };
  return { name: `${annotator}.json`, content: JSON.stringify(exported) };
}

export function warmUpInputs(): ReviewInput[] {
  return [file('a', 'الاجتماع تأجل'), file('b', 'تأجل إلى الأسبوع')];
}
