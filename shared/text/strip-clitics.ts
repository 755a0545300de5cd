// Excludes attached leading particles (و ف, then ب ل ك, then the article ال) from the first word of a
// speaker/source span, the one-key action of the annotator UI: «والبنتاغون» → «البنتاغون», «لوزارة» → «وزارة».
//
// Heuristic (no morphological analyser, so it is deliberately conservative):
// - A prefix chain is parsed as [و|ف]? [ب|ل|ك]? [ال]?, longest first; «لل» is ل + the article with its
//   alef dropped (للوزارة). Only the span start moves; its end never does.
// - With the article (وال، بال، فال، كال، وبال…; alef wasla ٱل too) the chain is trusted: what follows
//   must have ≥ 3 letters, and no cut goes into a word of LOOKALIKE_WORDS (الله، الذي، التي…, and
//   root letters that look like a chain: والد، بالغة، لويد، وكالة، ولاية، فيه…). With `article: false`
//   the article stays («بالحرس» → «الحرس»), with `article: true` it goes too («حرس»). «لل» cannot keep
//   its article (the alef is not in the text), so it is removed in both modes («للوزارة» → «وزارة»),
//   unless the document shows the word itself starts with ل («للبنان» → «لبنان» when «لبنان» occurs
//   and «بنان» does not).
// - Without the article, و ف ب ل ك are often root letters («وزارة»، «لويد»، «كتاب»، «بريطانيا»), and
//   letter counts alone cannot tell. So the remainder must have ≥ 2 letters after و/ف and ≥ 3 after
//   ب/ل/ك, AND be attested: it occurs elsewhere in the same document as a word of its own (bare, or
//   with ال when it has ≥ 3 letters; same letters ignoring diacritics), or is on KNOWN_STEMS, a short
//   list of frequent attribution heads (وزارة، رئيس، مصدر…). «لوزارة» → «وزارة»; «وزارة», «لويد» stay.
// Limits: in a short text with a rare word, a real clitic is left in place (the annotator adjusts
// by hand); a root-initial letter is wrongly removed when the rest happens to be a word of the
// document (e.g. «ولاية» → «اية» if not listed, since «اية» is a word). Spans that do not start with
// an Arabic letter are unchanged. Measured on the fixtures: see strip-clitics.test.ts.
import { ArabicSearchIndex } from './find-arabic';
import type { TextRangeUtf16 } from './text-range';

export interface ExcludeCliticsOptions {
  /** Also exclude the definite article ال (default false: «بالحرس» → «الحرس», not «حرس»). */
  article?: boolean;
  /** A search index of the same text, to avoid rebuilding one (the last one built is cached anyway). */
  searchIndex?: ArabicSearchIndex;
}

const CONJUNCTIONS = new Set(['و', 'ف']);
/** Nouns of two letters after the article (اليد، الدم) are rare; «وكالات» = و + ك + ال + ات is not. */
const MIN_LETTERS_AFTER_ARTICLE = 3;
const PREPOSITIONS = new Set(['ب', 'ل', 'ك']);
const ARTICLE_ALEFS = new Set(['ا', 'ٱ']);

/**
 * Whole words (diacritics removed) that look like a prefix chain but are not one, or whose article
 * cannot be separated: no cut goes into them, also after real clitics («بالله» → «الله» at most).
 * Exact words, not prefixes: «والدفاع» (و + الدفاع) and «بالغاء» (ب + الغاء) must still be cut.
 */
const LOOKALIKE_WORDS = new Set([
  'الله', 'اللهم', 'الذي', 'التي', 'الذين', 'اللذان', 'اللذين', 'اللتان', 'اللتين', 'اللاتي', 'اللواتي', 'اللائي', 'الآن',
  'والد', 'والده', 'والدة', 'والدته', 'والدها', 'والدهم', 'والدي', 'والدين', 'والدان', 'والديه', 'والداه', 'والي',
  'بالغ', 'بالغة', 'بالغا', 'بالغين', 'بالغون', 'بالون',
  'فقط', 'ولي', 'وطن', 'وطني', 'كيري', 'لويد', 'بين', 'كان', 'كانت', 'لكن', 'فيه', 'فيها', 'فيهم', 'فيهما', 'فيما',
  'وكالة', 'وكالات', 'وكالته', 'ولاية', 'ولايات', 'ولايته', 'ولايتها',
]);
/** Frequent heads of speaker and source spans in news: enough evidence that a remainder is a word. */
const KNOWN_STEMS = new Set([
  'وزارة', 'وزير', 'وزراء', 'رئيس', 'رئاسة', 'حكومة', 'مصدر', 'مصادر', 'متحدث', 'مسؤول', 'مسؤولين', 'مسؤولي',
  'وكالة', 'صحيفة', 'قناة', 'مكتب', 'مجلس', 'جيش', 'شرطة', 'بيان', 'تقرير', 'مصلحة', 'هيئة', 'منظمة',
]);

const MARKS = /[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]/gu;

interface Cluster {
  letter: string;
  startUtf16: number;
}

let cachedIndex: ArabicSearchIndex | undefined;

export function excludeLeadingClitics(
  text: string,
  startUtf16: number,
  endUtf16: number,
  options: ExcludeCliticsOptions = {},
): TextRangeUtf16 {
  const unchanged = { startUtf16, endUtf16 };
  if (!(startUtf16 >= 0 && startUtf16 < endUtf16 && endUtf16 <= text.length)) return unchanged;
  const clusters = firstWordClusters(text, startUtf16, endUtf16);
  if (clusters.length < 3) return unchanged;
  const letters = clusters.map((c) => c.letter);
  const wordEndUtf16 = wordEnd(text, clusters, endUtf16);
  const remainderFrom = (i: number): string => text.slice(clusters[i]!.startUtf16, wordEndUtf16);
  const attested = (i: number): boolean => isAttested(remainderFrom(i), searchIndexFor(text, options.searchIndex));
  const cut = chooseCut(letters, options.article ?? false, attested);
  if (cut === 0) return unchanged;
  return { startUtf16: clusters[cut]!.startUtf16, endUtf16 };
}

/**
 * Number of leading letters to exclude (0 = none). `attested(i)` says whether the word from letter i
 * on is attested (see the heuristic above).
 */
function chooseCut(letters: readonly string[], excludeArticle: boolean, attested: (i: number) => boolean): number {
  const cap = maxCut(letters.join(''));
  const conj = CONJUNCTIONS.has(letters[0]!) ? [1, 0] : [0];
  for (const c of conj) {
    const preps = PREPOSITIONS.has(letters[c] ?? '') ? [1, 0] : [0];
    for (const p of preps) {
      const afterPrep = c + p;
      if (afterPrep > cap) continue;
      const prep = p === 1 ? letters[c] : undefined;
      if (afterPrep > 0 && afterPrep === cap) return afterPrep; // a known word follows the chain: «والتي», «بالله»
      // ل + article whose alef is dropped (للوزارة), unless the word itself starts with ل (للبنان).
      if (prep === 'ل' && letters[afterPrep] === 'ل' && letters.length - afterPrep - 1 >= MIN_LETTERS_AFTER_ARTICLE) {
        const articleReading = afterPrep + 1 <= cap;
        if ((!articleReading || !attested(afterPrep + 1)) && attested(afterPrep)) return afterPrep;
        if (articleReading) return afterPrep + 1;
      }
      if (prep !== 'ل' && startsWithArticle(letters, afterPrep) && letters.length - afterPrep - 2 >= MIN_LETTERS_AFTER_ARTICLE) {
        const cut = excludeArticle && afterPrep + 2 <= cap ? afterPrep + 2 : afterPrep;
        if (cut > 0) return cut;
        continue;
      }
      if (afterPrep === 0 || startsWithArticle(letters, afterPrep)) continue;
      if (letters.length - afterPrep >= (p === 1 ? 3 : 2) && attested(afterPrep)) return afterPrep;
    }
  }
  return 0;
}

/** The largest cut that does not eat into a lookalike: the first k where the word from k on is one. */
function maxCut(word: string): number {
  for (let k = 0; k < word.length; k++) {
    if (LOOKALIKE_WORDS.has(word.slice(k))) return k;
  }
  return word.length;
}

function startsWithArticle(letters: readonly string[], at: number): boolean {
  return ARTICLE_ALEFS.has(letters[at] ?? '') && letters[at + 1] === 'ل';
}

function isAttested(remainder: string, index: ArabicSearchIndex): boolean {
  const bare = remainder.replace(MARKS, '');
  if (KNOWN_STEMS.has(bare)) return true;
  // «ال» + a two-letter remainder is too often something else («اليه» would make «فيه» → «يه»).
  for (const candidate of bare.length >= 3 ? [bare, `ال${bare}`] : [bare]) {
    for (const hit of index.find(candidate, { wholeWord: true })) {
      if (index.text.slice(hit.startUtf16, hit.endUtf16).replace(MARKS, '') === candidate) return true;
    }
  }
  return false;
}

function searchIndexFor(text: string, given: ArabicSearchIndex | undefined): ArabicSearchIndex {
  if (given && given.text === text) return given;
  if (cachedIndex?.text !== text) cachedIndex = new ArabicSearchIndex(text);
  return cachedIndex;
}

/** Letters of the span's first word with where each starts; marks and tatweel belong to the letter before. */
function firstWordClusters(text: string, startUtf16: number, endUtf16: number): Cluster[] {
  const clusters: Cluster[] = [];
  for (let i = startUtf16; i < endUtf16 && i < text.length; i++) {
    const char = text[i]!;
    if (isArabicLetter(char)) clusters.push({ letter: char, startUtf16: i });
    else if (!(clusters.length > 0 && isMarkOrTatweel(char))) break;
  }
  return clusters;
}

function wordEnd(text: string, clusters: readonly Cluster[], endUtf16: number): number {
  let i = clusters[clusters.length - 1]!.startUtf16 + 1;
  while (i < endUtf16 && isMarkOrTatweel(text[i]!)) i++;
  return i;
}

function isArabicLetter(char: string): boolean {
  const cp = char.charCodeAt(0);
  return (
    (cp >= 0x0621 && cp <= 0x063a) ||
    (cp >= 0x0641 && cp <= 0x064a) ||
    cp === 0x066e ||
    cp === 0x066f ||
    (cp >= 0x0671 && cp <= 0x06d3) ||
    cp === 0x06d5
  );
}

function isMarkOrTatweel(char: string): boolean {
  const cp = char.charCodeAt(0);
  return cp === 0x0640 || (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x0610 && cp <= 0x061a) || (cp >= 0x06d6 && cp <= 0x06ed);
}
