// The behavioural contract of the RPC methods, written once and run over every transport (see
// in-process-contract.test.ts and http-contract.test.ts): both must behave identically.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { DEFAULT_LABELS } from '../../shared/labels/default-labels';
import type { RpcMethod, RpcRequest, RpcResponse } from '../../shared/rpc/contract';
import type { DocumentSummary } from '../../shared/rpc/domain';
import type { RpcResult } from '../../shared/rpc/rpc-error';
import { canonicalizeText } from '../../shared/text/canonical-text';
import { fixturePath, PENTAGON_FIXTURE } from '../helpers/repo-paths';
import { TEST_APP_VERSION, type BackendFactory, type RpcBackend } from '../helpers/rpc-backends';

export function defineRpcContractSuite(transportName: string, openBackend: BackendFactory): void {
  describe(`RPC contract over ${transportName}`, () => {
    let backend: RpcBackend;
    beforeEach(async () => {
      backend = await openBackend();
    });
    afterEach(async () => {
      await backend.close();
    });

    /** Calls a method and fails the test with the server's message unless it succeeded. */
    async function ok<M extends RpcMethod>(method: M, payload: RpcRequest<M>): Promise<RpcResponse<M>> {
      const result = await backend.invoke(method, payload);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    }

    function expectError(result: RpcResult<unknown>, code: string): void {
      expect(result.ok ? 'ok' : result.error.code).toBe(code);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
    }

    async function importFiles(files: { name: string; bytes: Uint8Array }[]): Promise<RpcResult<unknown>> {
      return backend.call('documents.import', {
        files: files.map((file) => ({ name: file.name, dataBase64: Buffer.from(file.bytes).toString('base64') })),
      });
    }

    async function importPentagon(): Promise<{ summary: DocumentSummary; text: string }> {
      const bytes = readFileSync(fixturePath(PENTAGON_FIXTURE));
      const result = await importFiles([{ name: PENTAGON_FIXTURE, bytes }]);
      if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
      const { documents } = result.value as RpcResponse<'documents.import'>;
      expect(documents).toHaveLength(1);
      return { summary: documents[0]!, text: canonicalizeText(bytes.toString('utf8')) };
    }

    /** The UTF-16 range of the n-th occurrence (0-based) of `needle`, found in the stored text itself. */
    function rangeOf(text: string, needle: string, occurrence = 0): { startUtf16: number; endUtf16: number } {
      let start = -1;
      for (let i = 0; i <= occurrence; i++) start = text.indexOf(needle, start + 1);
      if (start < 0) throw new Error(`«${needle}» not found`);
      return { startUtf16: start, endUtf16: start + needle.length };
    }

    it('reports the app version, database path and import limit', async () => {
      const info = await ok('app.info', {});
      expect(info.version).toBe(TEST_APP_VERSION);
      expect(info.databasePath).toBe(backend.databasePath);
      expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(info.maxImportBytes).toBe(10 * 1024 * 1024);
    });

    it('has no annotator at first, then remembers the one set by name', async () => {
      expect(await ok('annotators.current', {})).toBeNull();
      const amina = await ok('annotators.setCurrent', { name: 'أمينة' });
      expect(amina.name).toBe('أمينة');
      expect(await ok('annotators.current', {})).toEqual(amina);
      await ok('annotators.setCurrent', { name: 'Omar' });
      const again = await ok('annotators.setCurrent', { name: 'أمينة' });
      expect(again.id).toBe(amina.id);
    });

    it('lists the default labels in order', async () => {
      const labels = await ok('labels.list', {});
      expect(labels.map((label) => label.name)).toEqual(DEFAULT_LABELS.map((label) => label.name));
    });

    it('imports the Arabic fixture, then lists and gets it with its canonical text', async () => {
      const { summary, text } = await importPentagon();
      expect(summary.title).toBe('واشنطن: القوات الأميركية تقصف منشأتين للحرس الثوري الإيراني شرق سوريا');
      expect(summary.lengthCodePoints).toBe([...text].length);
      expect(summary.sha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      expect(summary.spanCount).toBe(0);

      const list = await ok('documents.list', {});
      expect(list.map((document) => document.id)).toEqual([summary.id]);
      const { document, spans } = await ok('documents.get', { documentId: summary.id });
      expect(document.text).toBe(text);
      expect(document.sourceName).toBe(PENTAGON_FIXTURE);
      expect(spans).toEqual([]);
    });

    it('imports the same text twice as one document', async () => {
      const first = await importPentagon();
      const second = await importPentagon();
      expect(second.summary.id).toBe(first.summary.id);
      expect(await ok('documents.list', {})).toHaveLength(1);
    });

    it('refuses a batch with one file that is not UTF-8, and imports nothing of it', async () => {
      const good = readFileSync(fixturePath(PENTAGON_FIXTURE));
      const result = await importFiles([
        { name: 'good.txt', bytes: good },
        { name: 'latin1.txt', bytes: new Uint8Array([0x71, 0xe0, 0x6c, 0x61]) },
      ]);
      expectError(result, 'INVALID_FILE');
      if (!result.ok) expect(result.error.message).toContain('latin1.txt');
      expect(await ok('documents.list', {})).toEqual([]);
    });

    it('creates overlapping and nested spans and returns them with both offset units and their text', async () => {
      const { summary, text } = await importPentagon();
      await ok('annotators.setCurrent', { name: 'أمينة' });
      const sentence = 'وقال وزير الدفاع الأميركي، لويد أوستن، في بيان إن';
      const base = rangeOf(text, sentence).startUtf16;
      const at = (needle: string) => {
        const offset = sentence.indexOf(needle);
        return { startUtf16: base + offset, endUtf16: base + offset + needle.length };
      };
      const speaker = await ok('spans.create', { documentId: summary.id, label: 'speaker', ...at('وزير الدفاع الأميركي، لويد أوستن') });
      const nested = await ok('spans.create', { documentId: summary.id, label: 'speaker', ...at('لويد أوستن') });
      // Crosses the speaker's end: neither contains the other.
      const crossing = await ok('spans.create', { documentId: summary.id, label: 'source', ...at('أوستن، في بيان') });
      const cue = await ok('spans.create', { documentId: summary.id, label: 'cue', ...at('قال') });

      expect(speaker.text).toBe('وزير الدفاع الأميركي، لويد أوستن');
      expect(nested.text).toBe('لويد أوستن');
      expect(crossing.text).toBe('أوستن، في بيان');
      expect(crossing.startUtf16).toBeLessThan(speaker.endUtf16);
      expect(crossing.endUtf16).toBeGreaterThan(speaker.endUtf16);
      expect(cue.annotatorName).toBe('أمينة');
      // The fixture has no characters outside the BMP: both units agree.
      expect(cue.startCodePoints).toBe(cue.startUtf16);

      const { spans } = await ok('documents.get', { documentId: summary.id });
      expect(spans.map((span) => span.text)).toEqual(['قال', 'وزير الدفاع الأميركي، لويد أوستن', 'لويد أوستن', 'أوستن، في بيان']);
      for (const span of spans) expect(text.slice(span.startUtf16, span.endUtf16)).toBe(span.text);
      expect((await ok('documents.list', {}))[0]?.spanCount).toBe(4);
    });

    it('relabels and deletes a span, and the document shows it', async () => {
      const { summary, text } = await importPentagon();
      await ok('annotators.setCurrent', { name: 'Omar' });
      const span = await ok('spans.create', { documentId: summary.id, label: 'claim', ...rangeOf(text, 'الضربات الدقيقة هي للدفاع عن النفس') });
      const relabelled = await ok('spans.setLabel', { spanId: span.id, label: 'cue' });
      expect(relabelled.label).toBe('cue');
      expect((await ok('documents.get', { documentId: summary.id })).spans.map((s) => s.label)).toEqual(['cue']);

      expect(await ok('spans.delete', { spanId: span.id })).toEqual({ spanId: span.id });
      expect((await ok('documents.get', { documentId: summary.id })).spans).toEqual([]);
      expectError(await backend.call('spans.delete', { spanId: span.id }), 'NOT_FOUND');
      expectError(await backend.call('spans.setLabel', { spanId: span.id, label: 'claim' }), 'NOT_FOUND');
    });

    it('deletes a document with its spans', async () => {
      const { summary, text } = await importPentagon();
      await ok('annotators.setCurrent', { name: 'Omar' });
      await ok('spans.create', { documentId: summary.id, label: 'claim', ...rangeOf(text, 'أوستن') });
      expect(await ok('documents.delete', { documentId: summary.id })).toEqual({ documentId: summary.id });
      expect(await ok('documents.list', {})).toEqual([]);
      expectError(await backend.call('documents.get', { documentId: summary.id }), 'NOT_FOUND');
    });

    it('exports a file that parses as ExportFileV1, with code-point and UTF-16 offsets that both select the span text', async () => {
      const { summary: pentagon, text: pentagonText } = await importPentagon();
      // An emoji (two UTF-16 units, one code point) before the span makes the two units differ.
      const emojiText = '🙂 قال الوزير إن الاتفاق سيُوقَّع غداً.';
      const imported = await importFiles([{ name: 'emoji.txt', bytes: new TextEncoder().encode(emojiText) }]);
      if (!imported.ok) throw new Error(imported.error.message);
      const emojiDoc = (imported.value as RpcResponse<'documents.import'>).documents[0]!;
      const annotator = await ok('annotators.setCurrent', { name: 'أمينة' });
      await ok('spans.create', { documentId: emojiDoc.id, label: 'cue', ...rangeOf(emojiText, 'قال') });
      await ok('spans.create', { documentId: pentagon.id, label: 'claim', ...rangeOf(pentagonText, 'الضربات الدقيقة هي للدفاع عن النفس') });

      const exported = ExportFileV1.parse(await ok('export.build', {}));
      expect(exported.annotators).toEqual([{ id: annotator.id, name: 'أمينة' }]);
      expect(exported.documents.map((document) => document.id).sort()).toEqual([pentagon.id, emojiDoc.id].sort());
      for (const document of exported.documents) {
        expect(document.direction).toBe('rtl');
        expect(document.sha256).toBe(createHash('sha256').update(document.text, 'utf8').digest('hex'));
        const codePoints = [...document.text];
        for (const span of document.spans) {
          expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
          expect(document.text.slice(span.startUtf16, span.endUtf16)).toBe(span.text);
          expect(span.annotator).toBe(annotator.id);
        }
      }
      const emojiSpan = exported.documents.find((document) => document.id === emojiDoc.id)?.spans[0];
      expect(emojiSpan).toMatchObject({ text: 'قال', start: 2, end: 5, startUtf16: 3, endUtf16: 6 });

      const one = ExportFileV1.parse(await ok('export.build', { documentId: emojiDoc.id }));
      expect(one.documents.map((document) => document.id)).toEqual([emojiDoc.id]);
      expectError(await backend.call('export.build', { documentId: 'no-such-document' }), 'NOT_FOUND');
    });

    it('links a claim to its speaker, sets attributes, undoes and redoes, and exports the frame', async () => {
      const { summary, text } = await importPentagon();
      await ok('annotators.setCurrent', { name: 'أمينة' });
      const claim = await ok('spans.create', { documentId: summary.id, label: 'claim', ...rangeOf(text, 'الضربات الدقيقة هي للدفاع عن النفس') });
      const speaker = await ok('spans.create', { documentId: summary.id, label: 'speaker', ...rangeOf(text, 'لويد أوستن') });
      const relation = await ok('relations.create', { type: 'said_by', fromSpanId: claim.id, toSpanId: speaker.id });
      expectError(await backend.call('relations.create', { type: 'said_by', fromSpanId: speaker.id, toSpanId: claim.id }), 'INVALID_RELATION');
      expect((await ok('spans.setAttributes', { spanId: claim.id, attributes: { claimType: 'direct_quote' } })).attributes).toMatchObject({ claimType: 'direct_quote' });
      expectError(await backend.call('spans.setAttributes', { spanId: claim.id, attributes: { claimType: 'rumour' } }), 'INVALID_ATTRIBUTE');
      const austin = await ok('entities.create', { kind: 'speaker', name: 'لويد أوستن' });
      await ok('spans.linkEntity', { spanId: speaker.id, entityId: austin.id });
      expect((await ok('entities.search', { kind: 'speaker', query: 'اوستن' })).map((entity) => entity.id)).toEqual([austin.id]);
      expect((await ok('entities.claims', { entityId: austin.id })).map((entry) => entry.claim.id)).toEqual([claim.id]);

      const got = await ok('documents.get', { documentId: summary.id });
      expect(got.relations).toEqual([relation]);
      expect(got.history).toEqual({ canUndo: true, canRedo: false });
      const undone = await ok('history.undo', { documentId: summary.id });
      expect(undone.spans.find((span) => span.id === speaker.id)?.entityId).toBeNull();
      expect((await ok('history.redo', { documentId: summary.id })).spans.find((span) => span.id === speaker.id)?.entityId).toBe(austin.id);

      await ok('documents.setStatus', { documentId: summary.id, status: 'done' });
      expect((await ok('documents.list', {}))[0]?.status).toBe('done');
      const exported = ExportFileV1.parse(await ok('export.build', { documentId: summary.id }));
      expect(exported.documents[0]?.relations?.map((r) => [r.type, r.from, r.to])).toEqual([['said_by', claim.id, speaker.id]]);
      expect(exported.entities?.map((entity) => entity.id)).toEqual([austin.id]);
      expect(exported.schema?.id).toBe('attribution');
    });

    it('keeps a note on a span: trimmed, blank removes it, too long refused, undone and exported', async () => {
      const { summary, text } = await importPentagon();
      await ok('annotators.setCurrent', { name: 'أمينة' });
      const claim = await ok('spans.create', { documentId: summary.id, label: 'claim', ...rangeOf(text, 'الضربات الدقيقة هي للدفاع عن النفس') });
      expect(claim.note).toBeNull();
      expect((await ok('spans.setNote', { spanId: claim.id, note: '  نص منقول حرفياً؟ check the source  ' })).note).toBe('نص منقول حرفياً؟ check the source');
      expectError(await backend.call('spans.setNote', { spanId: claim.id, note: 'x'.repeat(10_001) }), 'BAD_REQUEST');
      expectError(await backend.call('spans.setNote', { spanId: 'no-such-span', note: 'x' }), 'NOT_FOUND');
      const exported = ExportFileV1.parse(await ok('export.build', { documentId: summary.id }));
      expect(exported.documents[0]?.spans[0]?.note).toBe('نص منقول حرفياً؟ check the source');
      expect((await ok('spans.setNote', { spanId: claim.id, note: '   ' })).note).toBeNull();
      expect((await ok('history.undo', { documentId: summary.id })).spans[0]?.note).toBe('نص منقول حرفياً؟ check the source');
      expect((await ok('history.undo', { documentId: summary.id })).spans[0]?.note).toBeNull();
    });

    it('lists schemas, refuses a schema switch that would orphan spans, and a schema file with mistakes', async () => {
      const { summary, text } = await importPentagon();
      expect((await ok('schemas.list', {})).map((schema) => [schema.id, schema.active])).toEqual([
        ['attribution', true],
        ['named_entities', false],
      ]);
      expect((await ok('schemas.get', {})).relations.map((relation) => relation.name)).toEqual(['said_by', 'according_to', 'cued_by']);
      await ok('annotators.setCurrent', { name: 'Omar' });
      await ok('spans.create', { documentId: summary.id, label: 'claim', ...rangeOf(text, 'أوستن') });
      expectError(await backend.call('schemas.setActive', { schemaId: 'named_entities' }), 'CONFLICT');
      expectError(await backend.call('schemas.import', { json: '{"id": "mine", "labels": []}' }), 'INVALID_SCHEMA');
      expect((await ok('labels.list', {})).map((label) => label.name)).toEqual(DEFAULT_LABELS.map((label) => label.name));
    });

    it('stores a reviewed text for gold, applies gold spans and a link, finds them by SHA-256, and undoes the change', async () => {
      const text = canonicalizeText(readFileSync(fixturePath(PENTAGON_FIXTURE), 'utf8'));
      const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
      // A review loaded from files: the database does not have the text yet.
      expect(await ok('gold.get', { sha256 })).toBeNull();
      await ok('annotators.setCurrent', { name: 'أمينة' });
      const ensured = await ok('gold.ensureDocument', { title: 'البنتاغون', text });
      expect(ensured).toMatchObject({ goldAnnotatorId: null, spans: [], relations: [], canUndo: false, canRedo: false });
      expect((await ok('documents.list', {})).map((document) => [document.id, document.sha256])).toEqual([[ensured.documentId, sha256]]);
      expect((await ok('gold.ensureDocument', { title: 'again', text })).documentId).toBe(ensured.documentId);

      const claim = { label: 'claim', ...rangeOf(text, 'الضربات الدقيقة هي للدفاع عن النفس') };
      const speaker = { label: 'speaker', ...rangeOf(text, 'لويد أوستن') };
      const applied = await ok('gold.apply', {
        documentId: ensured.documentId,
        add: [{ ...claim, attributes: { claimType: 'direct_quote' } }, speaker],
        removeSpanIds: [],
        links: [{ type: 'said_by', from: claim, to: speaker }],
      });
      const inTextOrder = [claim, speaker].sort((a, b) => a.startUtf16 - b.startUtf16);
      expect(applied.spans.map((span) => [span.annotatorName, span.label, span.text])).toEqual(inTextOrder.map((ref) => ['gold', ref.label, text.slice(ref.startUtf16, ref.endUtf16)]));
      expect(applied.spans.find((span) => span.label === 'claim')?.attributes.claimType).toBe('direct_quote');
      const claimId = applied.spans.find((span) => span.label === 'claim')?.id;
      const speakerId = applied.spans.find((span) => span.label === 'speaker')?.id;
      expect(applied.relations.map((relation) => [relation.type, relation.fromSpanId, relation.toSpanId])).toEqual([['said_by', claimId, speakerId]]);
      expect(applied).toMatchObject({ canUndo: true, canRedo: false });
      expect(applied.goldAnnotatorId).not.toBeNull();
      expect(await ok('gold.get', { sha256 })).toEqual(applied);
      expectError(await backend.call('gold.apply', { documentId: ensured.documentId, add: [{ label: 'claim', startUtf16: 5, endUtf16: 5 }], removeSpanIds: [] }), 'INVALID_SPAN');

      const undone = await ok('gold.undo', { documentId: ensured.documentId });
      expect(undone).toMatchObject({ changed: true, spans: [], relations: [], canUndo: false, canRedo: true });
      expect(await ok('gold.get', { sha256 })).toMatchObject({ spans: [], relations: [] });
      expect((await ok('gold.undo', { documentId: ensured.documentId })).changed).toBe(false);
      expectError(await backend.call('gold.undo', { documentId: 'no-such-document' }), 'NOT_FOUND');
    });

    it('imports an upload in a forced format into a chosen layer, and refuses a format it does not know', async () => {
      await ok('annotators.setCurrent', { name: 'أمينة' });
      const conll = new TextEncoder().encode('قال O\nالوزير B-speaker\nإن O\nالاتفاق O\nسيوقع O\n');
      expectError(await backend.call('imports.begin', { files: [{ name: 'ner.txt', bytes: conll.length }], format: 'docx' }), 'BAD_REQUEST');
      const { uploadId } = await ok('imports.begin', { files: [{ name: 'ner.txt', bytes: conll.length }], format: 'conll', annotator: 'عمر' });
      await ok('imports.append', { uploadId, fileIndex: 0, dataBase64: Buffer.from(conll).toString('base64') });
      const result = await ok('imports.finish', { uploadId });
      expect(result).toMatchObject({ documentsAdded: 1, spansAdded: 1 });
      const { document, spans } = await ok('documents.get', { documentId: result.documents[0]!.id });
      expect(document.text).toBe('قال الوزير إن الاتفاق سيوقع');
      expect(spans.map((span) => [span.label, span.text, span.annotatorName])).toEqual([['speaker', 'الوزير', 'عمر']]);
    });

    it('answers an unknown method with UNKNOWN_METHOD', async () => {
      expectError(await backend.call('documents.format', {}), 'UNKNOWN_METHOD');
      expectError(await backend.call('__proto__', {}), 'UNKNOWN_METHOD');
    });

    it('answers a payload of the wrong shape with BAD_REQUEST and changes nothing', async () => {
      const { summary } = await importPentagon();
      await ok('annotators.setCurrent', { name: 'Omar' });
      expectError(await backend.call('spans.create', { documentId: summary.id, label: 'claim', startUtf16: '1', endUtf16: 5 }), 'BAD_REQUEST');
      expectError(await backend.call('spans.create', { documentId: summary.id, label: 'claim', startUtf16: 1, endUtf16: 5, extra: true }), 'BAD_REQUEST');
      expectError(await backend.call('annotators.setCurrent', { name: '   ' }), 'BAD_REQUEST');
      expectError(await backend.call('documents.list', null), 'BAD_REQUEST');
      expect((await ok('documents.get', { documentId: summary.id })).spans).toEqual([]);
      expect((await ok('annotators.current', {}))?.name).toBe('Omar');
    });

    it('refuses invalid spans, unknown labels and spans without an annotator, and stores none', async () => {
      const { summary } = await importPentagon();
      const span = (startUtf16: number, endUtf16: number, label = 'claim') => backend.call('spans.create', { documentId: summary.id, label, startUtf16, endUtf16 });
      expectError(await span(0, 5), 'NO_ANNOTATOR');
      await ok('annotators.setCurrent', { name: 'Omar' });
      expectError(await span(5, 5), 'INVALID_SPAN');
      expectError(await span(9, 4), 'INVALID_SPAN');
      expectError(await span(0, summary.lengthCodePoints + 1), 'INVALID_SPAN');
      expectError(await span(0, 5, 'rumour'), 'UNKNOWN_LABEL');
      expectError(await backend.call('spans.create', { documentId: 'missing', label: 'claim', startUtf16: 0, endUtf16: 1 }), 'NOT_FOUND');
      expect((await ok('documents.get', { documentId: summary.id })).spans).toEqual([]);
    });
  });
}
