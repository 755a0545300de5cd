// routeImportFiles: texts chosen with W3C annotations travel with them (the server reads them as the
// annotations' texts); otherwise a .txt is a plain text and a brat .txt stays with its .ann.
import { describe, expect, it } from 'vitest';
import { MAX_ISNAD_IMPORT_BYTES } from '../../shared/rpc/contract';
import { routeImportFiles } from './read-files-for-import';

const W3C_PAGE = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [] });
const ISNAD_EXPORT = JSON.stringify({ format: 'isnad', version: 1, documents: [] });
const file = (name: string, content = 'قال الوزير') => new File([content], name);
const names = (list: readonly File[]) => list.map((entry) => entry.name);

describe('routeImportFiles', () => {
  it('sends texts on their own when no annotation file is chosen', async () => {
    const routes = await routeImportFiles([file('a.txt'), file('b.txt')]);
    expect(names(routes.texts)).toEqual(['a.txt', 'b.txt']);
    expect(routes.formats).toEqual([]);
  });

  it('sends .txt and .md files with a .jsonld W3C file through the format upload', async () => {
    const routes = await routeImportFiles([file('strike.txt'), file('annotations.jsonld', W3C_PAGE), file('notes.md')]);
    expect(routes.texts).toEqual([]);
    expect(names(routes.formats)).toEqual(['strike.txt', 'annotations.jsonld', 'notes.md']);
  });

  it('does the same for a .json file whose content is W3C, while an Isnad export keeps its own route', async () => {
    const routes = await routeImportFiles([file('strike.txt'), file('w3c.json', W3C_PAGE), file('amal.json', ISNAD_EXPORT)]);
    expect(routes.texts).toEqual([]);
    expect(names(routes.formats)).toEqual(['strike.txt', 'w3c.json']);
    expect(names(routes.isnadExports)).toEqual(['amal.json']);
  });

  it('sends an Isnad export over the one-request limit (a whole database) through the upload', async () => {
    const whole = file('everything.json', ISNAD_EXPORT.replace('"documents": []'.replace(' ', ''), `"documents":[],"padding":"${'x'.repeat(MAX_ISNAD_IMPORT_BYTES)}"`));
    expect(whole.size).toBeGreaterThan(MAX_ISNAD_IMPORT_BYTES);
    const routes = await routeImportFiles([whole, file('amal.json', ISNAD_EXPORT)]);
    expect(names(routes.formats)).toEqual(['everything.json']);
    expect(names(routes.isnadExports)).toEqual(['amal.json']);
  });

  it('keeps a brat .txt with its .ann and other texts apart when no W3C file is chosen', async () => {
    const routes = await routeImportFiles([file('doc.txt'), file('doc.ann', 'T1\tclaim 0 3\tقال'), file('other.txt')]);
    expect(names(routes.texts)).toEqual(['other.txt']);
    expect(names(routes.formats)).toEqual(['doc.txt', 'doc.ann']);
  });
});
