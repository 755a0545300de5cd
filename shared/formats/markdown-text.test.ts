// Plain text and Markdown come in as one document each: canonical text, title from the first line
// (Markdown's leading #s dropped), markup kept in the text.
import { describe, expect, it } from 'vitest';
import { parseMarkdownText, serializeMarkdownText } from './markdown-text';
import { parsePlainText, serializePlainText } from './plain-text';

describe('plain text and Markdown', () => {
  it('imports Markdown as its text, titled by the heading', () => {
    const result = parseMarkdownText('# واشنطن: القوات الأميركية\r\n\r\n**قال** الوزير', { fileName: 'article.md' });
    expect(result).toEqual({
      ok: true,
      documents: [{ id: 'article.md', title: 'واشنطن: القوات الأميركية', text: '# واشنطن: القوات الأميركية\n\n**قال** الوزير', spans: [], relations: [] }],
      warnings: [{ file: 'article.md', message: expect.stringMatching(/replaced 2 \\r\\n line endings/) }],
    });
  });

  it('refuses an empty file and writes one file per document, warning about dropped spans', () => {
    expect(parsePlainText(' \n', { fileName: 'empty.txt' })).toEqual({ ok: false, errors: [{ file: 'empty.txt', message: 'the file holds no text' }] });
    const { files, warnings } = serializePlainText([{ id: 'a.txt', text: 'نص', spans: [{ id: 's', label: 'x', startUtf16: 0, endUtf16: 2 }], relations: [] }]);
    expect(files).toEqual([{ name: 'a.txt', content: 'نص' }]);
    expect(warnings[0]!.message).toMatch(/1 span\(s\) were not written/);
    expect(serializeMarkdownText([{ id: 'b', text: '# ع', spans: [], relations: [] }]).files[0]!.name).toBe('b.md');
  });
});
