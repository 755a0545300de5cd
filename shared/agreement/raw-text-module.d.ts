// Lets tests import the shared Arabic fixtures as text through Vite's ?raw suffix, so shared/
// stays free of Node types (renderer/ gets the same declaration from vite/client).
declare module '*.txt?raw' {
  const text: string;
  export default text;
}
