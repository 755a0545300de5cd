// Measure values as the tables and charts print them: fixed decimals, Western digits in both
// interface languages (like the offsets and counts elsewhere in the app).
const formats = new Map<string, Intl.NumberFormat>();

export function formatMeasureValue(value: number, language: string, digits = 3): string {
  const key = `${language}:${digits}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
    formats.set(key, format);
  }
  return format.format(value);
}
