// File name of a downloaded export: isnad-<title-or-all>-<YYYY-MM-DD>.json, safe on every OS.
const MAX_TITLE_CHARS = 60;

export function exportFileName(title: string | null, date: Date): string {
  const slug = title === null ? 'all' : slugify(title);
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `isnad-${slug === '' ? 'document' : slug}-${day}.json`;
}

/** Keeps letters (Arabic included) and digits; everything else becomes a single hyphen. */
function slugify(title: string): string {
  const slug = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return Array.from(slug).slice(0, MAX_TITLE_CHARS).join('').replace(/-+$/, '');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
