// Lets tests import the CoNLL fixture as text through Vite's ?raw suffix, so shared/ stays free of
// Node types (the same approach as shared/agreement/raw-text-module.d.ts for .txt fixtures).
declare module '*.conll?raw' {
  const text: string;
  export default text;
}
