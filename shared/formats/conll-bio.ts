// CoNLL-style BIO token files: one token per line with its tag in the last column, a blank line
// between sentences, `-DOCSTART-` between documents. Import reads IOB2 (B- starts every entity) and
// IOB1 (I- may start one); the text is rebuilt with one space between tokens and \n between
// sentences, and spans are offsets into that text. Export writes IOB2 for one chosen label layer.
import type { CorpusDocument, CorpusSpan } from './corpus-model';
import { documentName } from './corpus-model';
import { finishParse, MAX_REPORTED_ERRORS, type FormatIssue, type ParseResult, type SerializeResult } from './parse-result';
import { firstTokenEndingAfter, firstTokenStartingAtOrAfter, segmentSentences, whitespaceSentences, type TextToken } from './word-tokens';

export type BioScheme = 'iob1' | 'iob2';

export interface ConllParseOptions {
  fileName: string;
  /** iob2 (default): an I- tag that does not continue an entity of its type is reported as a warning. */
  scheme?: BioScheme;
}

const DOCSTART = '-DOCSTART-';

interface OpenEntity {
  label: string;
  startUtf16: number;
  endUtf16: number;
}

export function parseConllBio(input: string, options: ConllParseOptions): ParseResult {
  const file = options.fileName;
  const scheme = options.scheme ?? 'iob2';
  const documents: CorpusDocument[] = [];
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  let sentences: string[] = [];
  let sentence: string[] = [];
  let spans: CorpusSpan[] = [];
  let offsetUtf16 = 0; // where the next token starts in the rebuilt document text
  let open: OpenEntity | undefined;
  let previousTag = 'O';
  let composedTokens = 0;

  const closeEntity = () => {
    if (open) spans.push({ id: `s${spans.length + 1}`, label: open.label, startUtf16: open.startUtf16, endUtf16: open.endUtf16 });
    open = undefined;
  };
  const endSentence = () => {
    closeEntity();
    previousTag = 'O';
    if (sentence.length === 0) return;
    sentences.push(sentence.join(' '));
    offsetUtf16 += 1; // the \n that will join this sentence to the next one
    sentence = [];
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length > 0) {
      documents.push({ id: `${file}#${documents.length + 1}`, text: sentences.join('\n'), spans, relations: [] });
    }
    sentences = [];
    spans = [];
    offsetUtf16 = 0;
  };

  const lines = input.split(/\r?\n/);
  for (const [index, rawLine] of lines.entries()) {
    const lineNumber = index + 1;
    const line = index === 0 && rawLine.charCodeAt(0) === 0xfeff ? rawLine.slice(1) : rawLine;
    const fields = line.trim().split(/\s+/u);
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    if (fields[0] === DOCSTART) {
      endDocument();
      continue;
    }
    if (fields.length < 2) {
      errors.push({ file, line: lineNumber, message: `expected a token and a tag separated by a space or tab, found ${JSON.stringify(line)}` });
      if (errors.length >= MAX_REPORTED_ERRORS) break;
      continue;
    }
    const token = fields[0]!.normalize('NFC');
    if (token !== fields[0]) composedTokens++;
    const tag = fields[fields.length - 1]!;
    const parsed = /^([BI])-(.+)$/u.exec(tag);
    if (tag !== 'O' && !parsed) {
      errors.push({ file, line: lineNumber, message: `tag ${JSON.stringify(tag)} is not O, B-TYPE or I-TYPE (BIOES/BILOU tags are not supported)` });
      if (errors.length >= MAX_REPORTED_ERRORS) break;
      continue;
    }
    const startUtf16 = offsetUtf16 + (sentence.length > 0 ? 1 : 0);
    const endUtf16 = startUtf16 + token.length;
    sentence.push(token);
    offsetUtf16 = endUtf16;
    if (!parsed) {
      closeEntity();
    } else {
      const [, prefix, label] = parsed as unknown as [string, 'B' | 'I', string];
      const continues = prefix === 'I' && open !== undefined && open.label === label;
      if (continues) {
        open!.endUtf16 = endUtf16;
      } else {
        if (prefix === 'I' && scheme === 'iob2') {
          warnings.push({ file, line: lineNumber, message: `${tag} after ${previousTag} does not continue an entity (invalid in IOB2): read as the start of a new ${label} entity` });
        }
        closeEntity();
        open = { label, startUtf16, endUtf16 };
      }
    }
    previousTag = tag;
  }
  endDocument();
  if (errors.length === 0 && documents.length === 0) errors.push({ file, message: 'the file holds no tokens' });
  if (composedTokens > 0) warnings.push({ file, message: `Text canonicalized: composed ${composedTokens} token(s) to Unicode NFC.` });
  return finishParse(documents, errors, warnings);
}

export interface ConllSerializeOptions {
  /** The label layer to write, e.g. ['speaker', 'source']; default: every label. */
  labels?: readonly string[];
  /** 'intl' (default): Intl.Segmenter words and sentences; 'whitespace': tokens as written, one sentence per line. */
  tokenizer?: 'intl' | 'whitespace';
  locale?: string;
}

/**
 * IOB2, `token TAG` per line. Tokens a span overlaps get its tag. Overlapping spans cannot share
 * a token in BIO, so the rule is: the span covering more tokens wins, ties go to the earlier start,
 * then to the label that sorts first; every span that lost, or covered no token, is reported.
 */
export function serializeConllBio(documents: readonly CorpusDocument[], options: ConllSerializeOptions = {}): SerializeResult {
  const warnings: FormatIssue[] = [];
  const layer = options.labels ? new Set(options.labels) : undefined;
  const blocks = documents.map((document, documentIndex) => {
    const name = documentName(document, documentIndex);
    const sentences = options.tokenizer === 'whitespace' ? whitespaceSentences(document.text) : segmentSentences(document.text, options.locale);
    const tokens = sentences.flat();
    const tags = tagTokens(tokens, document.spans.filter((span) => layer === undefined || layer.has(span.label)), document.text, (message) => warnings.push({ file: name, message }));
    let tokenIndex = 0;
    return sentences
      .map((sentence) => sentence.map((token) => `${document.text.slice(token.startUtf16, token.endUtf16)} ${tags[tokenIndex++]}`).join('\n'))
      .join('\n\n');
  });
  const content = documents.length > 1 ? blocks.map((block) => `${DOCSTART} O\n\n${block}`).join('\n\n') : (blocks[0] ?? '');
  return { content: content === '' ? '' : `${content}\n`, warnings };
}

function tagTokens(tokens: readonly TextToken[], spans: readonly CorpusSpan[], text: string, warn: (message: string) => void): string[] {
  const tags = new Array<string>(tokens.length).fill('O');
  const owner = new Array<CorpusSpan | undefined>(tokens.length).fill(undefined);
  const candidates = spans
    .map((span) => ({ span, first: firstTokenEndingAfter(tokens, span.startUtf16), last: firstTokenStartingAtOrAfter(tokens, span.endUtf16) - 1 }))
    .filter(({ span, first, last }) => {
      if (first <= last) return true;
      warn(`span ${span.id} (${span.label}) covers no token and was not written`);
      return false;
    })
    .sort((a, b) => b.last - b.first - (a.last - a.first) || a.span.startUtf16 - b.span.startUtf16 || (a.span.label < b.span.label ? -1 : a.span.label > b.span.label ? 1 : 0));
  for (const { span, first, last } of candidates) {
    const taken = owner.slice(first, last + 1).find((other) => other !== undefined);
    if (taken) {
      warn(`span ${span.id} (${span.label}) overlaps span ${taken.id} (${taken.label}), which covers more tokens or starts earlier: not written`);
      continue;
    }
    const firstToken = tokens[first]!;
    const lastToken = tokens[last]!;
    if (firstToken.startUtf16 < span.startUtf16 || lastToken.endUtf16 > span.endUtf16) {
      warn(`span ${span.id} (${span.label}) ${JSON.stringify(text.slice(span.startUtf16, span.endUtf16))} starts or ends inside a token: widened to whole tokens`);
    }
    for (let i = first; i <= last; i++) {
      owner[i] = span;
      tags[i] = `${i === first ? 'B' : 'I'}-${span.label.replace(/\s+/g, '_')}`;
    }
  }
  return tags;
}
