// Plain text in and out: one file is one document, canonicalized, titled by its first line.
import { canonicalizationWarning, canonicalizeSource } from './canonical-source';
import type { CorpusDocument } from './corpus-model';
import { documentName } from './corpus-model';
import { titleFromText } from '../text/canonical-text';
import type { FormatIssue, ParseOptions, ParseResult } from './parse-result';

export function parsePlainText(input: string, options: ParseOptions): ParseResult {
  const source = canonicalizeSource(input);
  if (source.text.trim() === '') return { ok: false, errors: [{ file: options.fileName, message: 'the file holds no text' }] };
  const warnings: FormatIssue[] = [];
  const change = canonicalizationWarning(source.changes);
  if (change !== undefined) warnings.push({ file: options.fileName, message: change });
  const document: CorpusDocument = { id: options.fileName, title: titleFromText(source.text, options.fileName), text: source.text, spans: [], relations: [] };
  return { ok: true, documents: [document], warnings };
}

export interface TextFile {
  name: string;
  content: string;
}

/** One file per document, named after its id; annotations are not part of plain text. */
export function serializePlainText(documents: readonly CorpusDocument[], extension = 'txt'): { files: TextFile[]; warnings: FormatIssue[] } {
  const warnings: FormatIssue[] = [];
  const files = documents.map((document, index) => {
    const name = documentName(document, index);
    if (document.spans.length > 0) warnings.push({ file: name, message: `${document.spans.length} span(s) were not written: plain text carries no annotations` });
    const base = name.replace(/\.(txt|md|markdown)$/iu, '').replace(/[/\\:*?"<>|]/g, '_');
    return { name: `${base}.${extension}`, content: document.text };
  });
  return { files, warnings };
}
