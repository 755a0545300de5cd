// Locale-aware numbers, file sizes and "last change" times for the interface language. Intl
// formatters are costly to build, so one per locale is kept.
const numberFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function localeFor(language: string): string {
  // Arabic interface with Western digits, matching the digits in the articles and the offsets.
  return language === 'ar' ? 'ar-u-nu-latn' : 'en';
}

function cached<T>(cache: Map<string, T>, language: string, create: (locale: string) => T): T {
  let format = cache.get(language);
  if (format === undefined) {
    format = create(localeFor(language));
    cache.set(language, format);
  }
  return format;
}

export function formatNumber(value: number, language: string): string {
  return cached(numberFormats, language, (locale) => new Intl.NumberFormat(locale)).format(value);
}

/** A file size in the unit that reads best (bytes, KB or MB, 1024-based), the value rounded to one decimal. */
export function fileSizeParts(bytes: number): { unit: 'b' | 'kb' | 'mb'; value: number } {
  if (bytes < 1024) return { unit: 'b', value: bytes };
  const kb = bytes / 1024;
  // 1023.96 KB would round to "1024 KB": say 1 MB instead.
  if (Math.round(kb * 10) / 10 < 1024) return { unit: 'kb', value: Math.round(kb * 10) / 10 };
  return { unit: 'mb', value: Math.round((bytes / 1048576) * 10) / 10 };
}

/** "5 minutes ago" for recent changes, a localized date for older ones. */
export function formatRelativeTime(iso: string, language: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs >= 7 * 86400) return cached(dateFormats, language, (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(then);
  const relative = cached(relativeFormats, language, (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  if (abs < 60) return relative.format(0, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

/** The key a KeyboardEvent.code stands for, as printed on a US keyboard: Digit1 → 1, KeyA → A. */
export function keyLabelForCode(code: string): string {
  const match = /^(?:Digit|Key|Numpad)(.+)$/.exec(code);
  return match?.[1] ?? code;
}
