// detectFileFormats: what the import dialog lists beside each chosen file.
import { describe, expect, it } from 'vitest';
import { detectFileFormats } from './detect-file-formats';

const file = (name: string, content = 'قال الوزير') => new File([content], name);

describe('detectFileFormats', () => {
  it('reads the extension, and the first record of .json and .jsonl files', async () => {
    const doccano = JSON.stringify({ text: 'قال الوزير', label: [[4, 10, 'speaker']] });
    const labelStudio = JSON.stringify([{ data: { text: 'قال الوزير' }, annotations: [] }]);
    const formats = await detectFileFormats([file('ner.txt', 'قال O\nالوزير B-speaker'), file('notes.md'), file('a.tsv'), file('corpus.jsonl', doccano), file('tasks.json', labelStudio), file('page.jsonld')]);
    expect(formats).toEqual(['text', 'markdown', 'conll', 'doccano', 'label-studio', 'webanno']);
  });

  it('calls a .txt brat when its .ann is chosen with it, and says nothing of an unknown extension', async () => {
    expect(await detectFileFormats([file('news.txt'), file('news.ann', 'T1\tspeaker 4 10\tالوزير'), file('other.txt'), file('data.xml')])).toEqual(['brat', 'brat', 'text', undefined]);
  });
});
