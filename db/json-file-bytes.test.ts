// A JSON file read through a small window splits and parses exactly as the same text held whole,
// on the real Arabic fixtures exported as W3C Web Annotation and Label Studio JSON.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../shared/formats/corpus-model';
import { parseLabelStudio, parseLabelStudioValue, serializeLabelStudio } from '../shared/formats/label-studio';
import { splitJsonArrays, withoutByteOrderMark, type JsonBytes } from '../shared/formats/split-json-array';
import { documentSourceIri, parseWebAnnotation, parseWebAnnotationValue, serializeWebAnnotation } from '../shared/formats/web-annotation';
import { canonicalizeText } from '../shared/text/canonical-text';
import { openJsonFileBytes } from './json-file-bytes';
import { fixturePath } from './test-support/fixture-path';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-json-bytes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture articles, each with a span on every third word (and relations between neighbours). */
function fixtureDocuments(): CorpusDocument[] {
  const folder = path.dirname(fixturePath('x'));
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = canonicalizeText(readFileSync(path.join(folder, name), 'utf8'));
      const words = [...text.matchAll(/[\u0621-\u064A]+/gu)].filter((_, index) => index % 3 === 0);
      const spans = words.map((word, index) => ({ id: `s${index}`, label: ['claim', 'speaker', 'source', 'cue'][index % 4]!, startUtf16: word.index, endUtf16: word.index + word[0].length, annotator: 'amal' }));
      const relations = spans.slice(1).map((span, index) => ({ id: `r${index}`, type: 'said_by', fromSpanId: spans[index]!.id, toSpanId: span.id }));
      return { id: name.replace(/\.txt$/u, ''), text, spans, relations };
    });
}

function write(name: string, content: string | Uint8Array): string {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, content);
  return filePath;
}

describe('openJsonFileBytes', () => {
  it('splits the fixtures exported as W3C exactly where the text splits, through windows of 7 bytes to 1 MB', () => {
    const content = serializeWebAnnotation(fixtureDocuments()).content;
    const filePath = write('a.jsonld', `\ufeff${content}`);
    const expected = splitJsonArrays(content, [['first', 'items']])!;
    const expectedElements = [];
    const ranges = expected.ranges.get('first.items')!;
    for (let r = 0; r < ranges.length; r += 2) expectedElements.push(JSON.parse(content.slice(ranges[r], ranges[r + 1])));
    expect(expectedElements.length).toBeGreaterThan(1000);
    for (const windowBytes of [7, 64, 4096, 1024 * 1024]) {
      const file = openJsonFileBytes(filePath, 'a.jsonld', windowBytes);
      try {
        // The byte-order mark is three bytes: the splitter sees the bytes after it.
        const bytes = withoutByteOrderMark(file) as JsonBytes;
        expect(bytes.length).toBe(file.length - 3);
        const split = splitJsonArrays(bytes, [['first', 'items']])!;
        expect(split.header).toBe(expected.header);
        const byteRanges = split.ranges.get('first.items')!;
        const elements = [];
        for (let r = 0; r < byteRanges.length; r += 2) elements.push(JSON.parse(bytes.decode(byteRanges[r]!, byteRanges[r + 1]!)));
        expect(elements).toEqual(expectedElements);
      } finally {
        file.close();
      }
    }
  });

  it('reads the fixtures as W3C and Label Studio files just as the whole-file parse of their text', () => {
    const documents = fixtureDocuments();
    const supplied = documents.map((document, index) => ({ source: documentSourceIri(document, index), text: document.text, id: document.id! }));
    const w3c = serializeWebAnnotation(documents).content;
    const labelStudio = serializeLabelStudio(documents).content;
    for (const windowBytes of [100, 65536]) {
      const w3cFile = openJsonFileBytes(write('a.jsonld', w3c), 'a.jsonld', windowBytes);
      const streamed = parseWebAnnotation(w3cFile, { fileName: 'a.jsonld', documents: supplied });
      w3cFile.close();
      expect(streamed.ok).toBe(true);
      expect(streamed).toEqual(parseWebAnnotationValue(JSON.parse(w3c), { fileName: 'a.jsonld', documents: supplied }));
      const tasksFile = openJsonFileBytes(write('p.json', labelStudio), 'p.json', windowBytes);
      const tasks = parseLabelStudio(tasksFile, { fileName: 'p.json' });
      tasksFile.close();
      expect(tasks.ok).toBe(true);
      expect(tasks).toEqual(parseLabelStudioValue(JSON.parse(labelStudio), { fileName: 'p.json' }));
    }
  });

  it('splits random JSON through any window as the text splits, strings of quotes and backslashes included (property)', () => {
    // Long strings of quotes, backslashes, brackets, Arabic and emoji: the splitter reads short strings
    // byte by byte and hands longer or window-crossing ones to the native search.
    const piece = fc.constantFrom('"', '\\', '\\"', '\\\\', '[', ']', '{', '}', ',', 'ق', '😀', 'a', ' ');
    const tricky = fc.array(piece, { maxLength: 90 }).map((pieces) => pieces.join(''));
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), value, fc.constantFrom(undefined, 2), fc.integer({ min: 7, max: 300 }), (items, other, indent, windowBytes) => {
        const json = JSON.stringify({ before: other, documents: items, after: other }, null, indent);
        const expected = splitJsonArrays(json, [['documents']])!;
        const file = openJsonFileBytes(write('r.json', json), 'r.json', windowBytes);
        try {
          const split = splitJsonArrays(file, [['documents']])!;
          expect(split.header).toBe(expected.header);
          const ranges = split.ranges.get('documents')!;
          const elements = [];
          for (let r = 0; r < ranges.length; r += 2) elements.push(JSON.parse(file.decode(ranges[r]!, ranges[r + 1]!)));
          expect(elements).toEqual(JSON.parse(JSON.stringify(items)));
        } finally {
          file.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses bytes that are not UTF-8, naming the file', () => {
    const bytes = Buffer.concat([Buffer.from('[{"data": {"text": "'), Buffer.from([0xd9, 0x28]), Buffer.from('"}}]')]);
    const file = openJsonFileBytes(write('p.json', bytes), 'p.json', 16);
    expect(() => parseLabelStudio(file, { fileName: 'p.json' })).toThrow(/^p\.json: not valid UTF-8 text/u);
    file.close();
  });
});
