// Register names in the form they are matched in: Arabic letter variants and diacritics folded
// (shared/text/normalize-arabic.ts), punctuation and quotes dropped, so «البنتاغون» finds
// «وزارة الدفاع الأميركية "البنتاغون"».
import { normalizeArabicForMatch } from '../../shared/text/normalize-arabic';

export function normalizeEntityName(name: string): string {
  return normalizeArabicForMatch(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a normalized name, without the article ال (and وال/بال/لل) so «الدفاع» matches «دفاع». */
export function entityNameWords(normalized: string): string[] {
  return normalized
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => {
      const article = /^(وال|بال|فال|كال|ال|لل)/u.exec(word);
      return article !== null && word.length - article[0].length >= 2 ? word.slice(article[0].length) : word;
    });
}

/**
 * How well `query` matches `name` (both normalized): 0 same name, 1 name starts with the query,
 * 2 every query word begins a word of the name, 3 the query appears inside the name; null: no match.
 */
export function entityMatchRank(name: string, query: string): number | null {
  if (query === '') return 3;
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  const nameWords = entityNameWords(name);
  const queryWords = entityNameWords(query);
  if (queryWords.length > 0 && queryWords.every((word) => nameWords.some((candidate) => candidate.startsWith(word)))) return 2;
  return name.includes(query) ? 3 : null;
}
