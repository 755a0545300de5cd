// Markdown imported as the text it is: markup characters stay in the text (and count in offsets),
// since annotators of a Markdown corpus annotate its source. Only the title drops the leading #s.
import type { CorpusDocument } from './corpus-model';
import type { FormatIssue, ParseOptions, ParseResult } from './parse-result';
import { parsePlainText, serializePlainText, type TextFile } from './plain-text';

export function parseMarkdownText(input: string, options: ParseOptions): ParseResult {
  const result = parsePlainText(input, options);
  if (!result.ok) return result;
  for (const document of result.documents) {
    if (document.title !== undefined) document.title = document.title.replace(/^#+\s*/u, '') || document.title;
  }
  return result;
}

export function serializeMarkdownText(documents: readonly CorpusDocument[]): { files: TextFile[]; warnings: FormatIssue[] } {
  return serializePlainText(documents, 'md');
}
