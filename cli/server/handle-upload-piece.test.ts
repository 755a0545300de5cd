// PUT /upload over a real server and database: a piece needs the token, raw bytes and at most 4 MB;
// its address is checked by the contract like any imports.append; pieces sent out of order and then
// finished import the file exactly as sent.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../db/create-dispatch';
import { openDatabase } from '../../db/open-database';
import { MAX_UPLOAD_CHUNK_BYTES } from '../../shared/formats/format-rpc';
import type { RpcDispatch } from '../../shared/rpc/rpc-client';
import { UPLOAD_PIECE_PATH, uploadPieceQuery } from '../../shared/rpc/upload-piece';
import { startServer, type RunningServer } from './start-server';

let db: Database.Database;
let dispatch: RpcDispatch;
let server: RunningServer;

beforeEach(async () => {
  db = openDatabase(':memory:');
  dispatch = createDispatch(db, { databasePath: ':memory:', appVersion: 'test' });
  server = await startServer({ dispatch, staticDir: '/nonexistent' });
});
afterEach(async () => {
  await server.close();
  db.close();
});

function put(query: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${server.port}${UPLOAD_PIECE_PATH}?${query}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/octet-stream', ...headers },
    body,
  });
}

function begin(name: string, bytes: number): string {
  const begun = dispatch('imports.begin', { files: [{ name, bytes }] });
  if (!begun.ok) throw new Error(begun.error.message);
  return (begun.value as { uploadId: string }).uploadId;
}

describe('PUT /upload', () => {
  it('imports a JSONL corpus whose pieces arrive out of order', async () => {
    dispatch('annotators.setCurrent', { name: 'Sara' });
    const bytes = Buffer.from(['{"text": "قال الوزير إن الاتفاق سيوقع غدا."}', '{"text": "وأكد المتحدث أن 900 جندي وصلوا."}'].join('\n'));
    const uploadId = begin('corpus.jsonl', bytes.length);
    const cut = 25; // inside an Arabic letter: pieces are bytes, not text
    expect(await (await put(uploadPieceQuery({ uploadId, fileIndex: 0, atByte: cut }), new Uint8Array(bytes.subarray(cut)))).json()).toMatchObject({ ok: true });
    expect(await (await put(uploadPieceQuery({ uploadId, fileIndex: 0, atByte: 0 }), new Uint8Array(bytes.subarray(0, cut)))).json()).toMatchObject({ ok: true, value: { receivedBytes: bytes.length } });
    const finished = dispatch('imports.finish', { uploadId });
    expect(finished).toMatchObject({ ok: true, value: { documentsAdded: 2 } });
    const listed = dispatch('documents.list', {});
    expect(listed.ok && (listed.value as { title: string }[]).map((document) => document.title).sort()).toEqual(['قال الوزير إن الاتفاق سيوقع غدا.', 'وأكد المتحدث أن 900 جندي وصلوا.'].sort());
  });

  it('refuses a wrong token, another content type, an oversized piece and a bad address', async () => {
    const uploadId = begin('a.txt', 10);
    const query = uploadPieceQuery({ uploadId, fileIndex: 0, atByte: 0 });
    const piece = new Uint8Array([0x61, 0x62]);
    expect((await put(query, piece, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await put(query, piece, { 'Content-Type': 'application/json' })).status).toBe(415);
    expect((await put(query, new Uint8Array(MAX_UPLOAD_CHUNK_BYTES + 1))).status).toBe(413);
    const bad = await put(`uploadId=${uploadId}&fileIndex=first&atByte=0`, piece);
    expect(bad.status).toBe(200);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/fileIndex/u) } });
    expect(await (await put(uploadPieceQuery({ uploadId: 'no-such-upload', fileIndex: 0, atByte: 0 }), piece)).json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await fetch(`http://127.0.0.1:${server.port}${UPLOAD_PIECE_PATH}?${query}`, { headers: { Authorization: `Bearer ${server.token}` } })).status).toBe(405);
  });
});
