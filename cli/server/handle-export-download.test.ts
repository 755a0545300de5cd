// GET /export over a real server and database: the token is required (header or ?token=), the query
// is validated with a message, unknown annotators and documents are 404, and a large export streamed
// to the client is byte for byte what streamExport writes (in the order and encoding of the file).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportInFormat, streamExport } from '../../db/export-corpus';
import { importCorpus } from '../../db/import-corpus';
import { openDatabase } from '../../db/open-database';
import type { CorpusDocument } from '../../shared/formats/corpus-model';
import { exportDownloadQuery } from '../../shared/rpc/export-download';
import { startServer, type RunningServer } from './start-server';

const fixturesDir = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const articles = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('-ar.txt'))
  .map((name) => readFileSync(path.join(fixturesDir, name), 'utf8').replace(/\r\n?/gu, '\n').normalize('NFC'));

let db: Database.Database;
let server: RunningServer;
let origin: string;

/** `count` documents (the fixture articles, numbered so each text differs), a claim on each first word. */
function seed(count: number): void {
  const documents: CorpusDocument[] = Array.from({ length: count }, (_, index) => {
    const text = `${index + 1} ${articles[index % articles.length]!}`;
    const firstWordEnd = text.indexOf(' ', String(index + 1).length + 1);
    return { id: `doc-${index}`, title: `مقال ${index + 1}`, text, spans: [{ id: `s${index}`, label: 'claim', startUtf16: 0, endUtf16: firstWordEnd }], relations: [] };
  });
  importCorpus(db, documents.map((document) => ({ document, file: 'seed.jsonl' })), { annotator: 'Layla' });
}

beforeEach(async () => {
  db = openDatabase(':memory:');
  server = await startServer({ dispatch: () => ({ ok: true, value: null }), staticDir: '/nonexistent', runExport: (request, sink) => streamExport(db, request, sink) });
  origin = `http://127.0.0.1:${server.port}`;
});

afterEach(async () => {
  await server.close();
  db.close();
});

const get = (query: string, headers: Record<string, string> = {}) => fetch(`${origin}/export?${query}`, { headers });
const withToken = (query: string) => `${query}&token=${encodeURIComponent(server.token)}`;

describe('GET /export', () => {
  it('refuses a missing or wrong token with 401, whether in the query or the header', async () => {
    seed(1);
    for (const response of [await get('format=jsonl'), await get('format=jsonl&token=wrong'), await get('format=jsonl', { Authorization: 'Bearer wrong' })]) {
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    }
    expect((await get('format=jsonl', { Authorization: `Bearer ${server.token}` })).status).toBe(200);
  });

  it('answers 400 naming the problem for bad parameters, and 405 for other methods', async () => {
    const cases: [string, RegExp][] = [
      ['format=pdf', /format/u],
      ['', /format/u],
      ['format=jsonl&format=doccano', /twice/u],
      ['format=jsonl&path=/etc/passwd', /Unknown parameter «path»/u],
      ['format=brat', /brat/u],
      [`format=conll&label=${'x'.repeat(101)}`, /label/u],
    ];
    for (const [query, message] of cases) {
      const response = await get(withToken(query));
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message, query).toMatch(message);
    }
    expect((await fetch(`${origin}/export?${withToken('format=jsonl')}`, { method: 'POST' })).status).toBe(405);
  });

  it('answers 404 with a message for an unknown annotator or document, before any file starts', async () => {
    seed(2);
    const annotator = await get(withToken(exportDownloadQuery({ format: 'jsonl', annotatorNames: ['Omar'] })));
    expect(annotator.status).toBe(404);
    expect(((await annotator.json()) as { error: { message: string } }).error.message).toContain('Omar');
    expect((await get(withToken(exportDownloadQuery({ format: 'isnad', documentId: 'no-such-document' })))).status).toBe(404);
  });

  it('streams a large export as an attachment, equal to what streamExport writes', async () => {
    seed(400); // about 2 MB of JSONL, written while the event loop is busy: part of it goes through the spill file
    const response = await get(withToken(exportDownloadQuery({ format: 'jsonl', annotatorNames: ['Layla'] })));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="corpus.jsonl"; filename*=UTF-8''corpus.jsonl`);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const body = await response.text();
    const expected = exportInFormat(db, { format: 'jsonl', annotatorNames: ['Layla'] }).files[0]!.content;
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_500_000);
    expect(body).toBe(expected);
    const lines = body.trim().split('\n').map((line) => JSON.parse(line) as { text: string; spans: { text?: string; label: string }[] });
    expect(lines).toHaveLength(400);
    expect(lines[399]!.text.startsWith('400 ')).toBe(true);
  });

  it('streams Isnad JSON for one document that parses as the export file', async () => {
    seed(3);
    const response = await get(withToken(exportDownloadQuery({ format: 'isnad', documentId: 'doc-1' })));
    expect(response.status).toBe(200);
    const file = (await response.json()) as { format: string; documents: { title: string; spans: unknown[] }[] };
    expect(file.format).toBe('isnad');
    expect(file.documents.map((document) => document.title)).toEqual(['مقال 2']);
    expect(file.documents[0]!.spans).toHaveLength(1);
  });
});
