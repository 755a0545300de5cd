// Reading an export file a document at a time must see exactly what JSON.parse of the whole file
// sees: the same documents whatever the layout, and the same message for broken JSON.
import { describe, expect, it } from 'vitest';
import type { ExportFileV1 } from '../export/export-v1';
import { parseExportFile, streamExportFile } from './parse-export-file';
import { fakeSha256Hex, makeExportFile } from './test-support/make-export-file';

const TEXT = 'قال المتحدث إن الاجتماع تأجل إلى الأسبوع المقبل.';
const OTHER = 'وأضاف: «القرار [نهائي]»، {لا رجعة فيه} \\ "تماماً".';

const FILE: ExportFileV1 = makeExportFile(
  [{ id: 'a1', name: 'أمل' }],
  [
    { text: TEXT, title: 'a "quoted" ]} title \\', spans: [{ annotator: 'a1', label: 'claim', phrase: 'الاجتماع تأجل' }] },
    { text: OTHER, spans: [{ annotator: 'a1', label: 'claim', phrase: '«القرار [نهائي]»' }] },
  ],
  fakeSha256Hex,
);

function parsed(content: string): unknown {
  const result = parseExportFile('f.json', content, fakeSha256Hex);
  if (!result.ok) throw new Error(result.message);
  return result.file;
}

function message(content: string): string {
  const result = parseExportFile('f.json', content, fakeSha256Hex);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

function jsonError(content: string): string {
  try {
    JSON.parse(content);
  } catch (error) {
    return `«f.json»: not JSON (${(error as Error).message})`;
  }
  throw new Error('expected broken JSON');
}

describe('parseExportFile reads documents one at a time', () => {
  it('gives what JSON.parse gives, compact, indented, with a BOM or with documents first', () => {
    const { documents, ...header } = FILE;
    for (const content of [
      JSON.stringify(FILE),
      JSON.stringify(FILE, null, 2),
      `\ufeff${JSON.stringify(FILE, null, '\t')}`,
      JSON.stringify({ documents, ...header }),
      ` \r\n${JSON.stringify({ ...header, documents })}\n `,
    ]) {
      expect(parsed(content)).toEqual(FILE);
    }
  });

  it('hands each valid document to the visitor in order', () => {
    const seen: string[] = [];
    const result = streamExportFile('f.json', JSON.stringify(FILE), fakeSha256Hex, (doc) => seen.push(doc.text));
    expect(result.ok).toBe(true);
    expect(seen).toEqual([TEXT, OTHER]);
  });

  it('reads an escaped or repeated "documents" key the way JSON.parse does', () => {
    const { documents, ...header } = FILE;
    const escaped = JSON.stringify({ ...header, documents }).replace('"documents"', '"documen\\u0074s"');
    expect(parsed(escaped)).toEqual(FILE);
    const repeated = `{"documents":[],${JSON.stringify({ ...header, documents }).slice(1)}`;
    expect(parsed(repeated)).toEqual(FILE);
  });

  it('gives JSON.parse’s own message for broken JSON in a document, between documents or in the header', () => {
    const content = JSON.stringify(FILE);
    const brokenDocument = content.replace('"spans":[', '"spans":[,');
    const brokenBetween = content.replace('},{"id"', '}{"id"');
    const brokenHeader = `${content.slice(0, -1)},"schema":tru}`;
    const truncated = content.slice(0, content.length - 40);
    for (const broken of [brokenDocument, brokenBetween, brokenHeader, truncated]) {
      expect(broken).not.toBe(content);
      expect(message(broken)).toBe(jsonError(broken));
    }
  });

  it('reports a schema problem of a later document before an inconsistency of an earlier one', () => {
    const file = JSON.parse(JSON.stringify(FILE)) as { documents: { sha256: string; spans: { start: unknown }[] }[] };
    file.documents[0]!.sha256 = '0'.repeat(64);
    file.documents[1]!.spans[0]!.start = 'x';
    expect(message(JSON.stringify(file))).toMatch(/^«f\.json»: documents\[1\]\.spans\[0\]\.start: /);
    file.documents[1]!.spans[0]!.start = FILE.documents[1]!.spans[0]!.start;
    expect(message(JSON.stringify(file))).toMatch(/^«f\.json»: documents\[0\]\.sha256 is 0+ but/);
  });
});
