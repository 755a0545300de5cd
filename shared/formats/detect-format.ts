// Which format a file is in, from its name and (for .json/.jsonl, which several formats share) the
// start of its content. Used by the command line and the app, so both read a file the same way.

export const IMPORT_FORMATS = ['text', 'markdown', 'isnad', 'jsonl', 'brat', 'conll', 'webanno', 'label-studio', 'doccano', 'spacy'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ['isnad', 'jsonl', 'brat', 'conll', 'webanno', 'label-studio', 'doccano', 'spacy'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Other names a user may type for a format. */
const ALIASES: Record<string, ImportFormat> = { txt: 'text', md: 'markdown', json: 'isnad', w3c: 'webanno', 'web-annotation': 'webanno', bio: 'conll', labelstudio: 'label-studio', prodigy: 'spacy' };

export function parseFormatName(name: string): ImportFormat | undefined {
  const lower = name.toLowerCase();
  if ((IMPORT_FORMATS as readonly string[]).includes(lower)) return lower as ImportFormat;
  return ALIASES[lower];
}

/** The extensions the app's file picker accepts. */
export const IMPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.json', '.jsonl', '.ndjson', '.jsonld', '.ann', '.conll', '.bio', '.iob', '.iob2', '.tsv'] as const;

export function extensionOf(fileName: string): string {
  const match = /\.[^./\\]+$/u.exec(fileName);
  return match === null ? '' : match[0].toLowerCase();
}

/**
 * The format of a file: by extension, then by content for the shared ones. `head` is the start of
 * the file (a few KB are enough for JSONL; a .json file needs its whole text, which is read anyway).
 */
export function detectFormat(fileName: string, head: string): ImportFormat | undefined {
  switch (extensionOf(fileName)) {
    case '.txt':
      return 'text';
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.ann':
      return 'brat';
    case '.conll':
    case '.bio':
    case '.iob':
    case '.iob2':
    case '.tsv':
      return 'conll';
    case '.jsonld':
      return 'webanno';
    case '.jsonl':
    case '.ndjson':
      return detectJsonlFormat(head);
    case '.json':
      return detectJsonFormat(head);
    default:
      return undefined;
  }
}

/** JSONL: doccano has `label`/`entities`, spaCy has `tokens` or spans with `token_start`; the rest is Isnad's corpus. */
export function detectJsonlFormat(head: string): ImportFormat {
  const firstLine = head.split('\n').find((line) => line.trim() !== '') ?? '';
  let record: unknown;
  try {
    record = JSON.parse(firstLine.replace(/^\uFEFF/u, ''));
  } catch {
    return 'jsonl'; // the JSONL parser reports the bad line with its number
  }
  if (typeof record !== 'object' || record === null) return 'jsonl';
  const value = record as Record<string, unknown>;
  if (Array.isArray(value.label) || Array.isArray(value.labels) || Array.isArray(value.entities)) return 'doccano';
  const spans = Array.isArray(value.spans) ? (value.spans as unknown[]) : [];
  const firstSpan = spans[0] as Record<string, unknown> | undefined;
  if (Array.isArray(value.tokens) || (firstSpan !== undefined && 'token_start' in firstSpan)) return 'spacy';
  return 'jsonl';
}

/** .json: an Isnad export says `"format": "isnad"`; W3C has `@context` or an Annotation type; a list of tasks is Label Studio. */
export function detectJsonFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/u, '').trimStart();
  if (start.startsWith('[')) return /"@context"|"type"\s*:\s*"Annotation"/u.test(start.slice(0, 4096)) ? 'webanno' : 'label-studio';
  const head = start.slice(0, 4096);
  if (/"format"\s*:\s*"isnad"/u.test(head)) return 'isnad';
  if (/"@context"/u.test(head) || /"type"\s*:\s*"Annotation(Collection|Page)?"/u.test(head)) return 'webanno';
  if (/"data"\s*:/u.test(head)) return 'label-studio';
  return 'isnad';
}
