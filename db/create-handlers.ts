// One handler per RPC method, over the store. Payloads arrive already validated by dispatch;
// handlers throw StoreError for expected failures and dispatch turns that into a result.
import { MAX_IMPORT_BYTES, type RpcMethod, type RpcParsedRequest, type RpcResponse } from '../shared/rpc/contract';
import { buildExport } from './build-export';
import { StoreError } from './database-errors';
import { importIsnadExportJson } from './import-isnad-export';
import { importTextFiles } from './import-text-files';
import { exportForRpc, listAnnotators } from './export-corpus';
import { GoldLayerStore } from './store/GoldLayerStore';
import { ImportUploads } from './import-uploads';
import type { Store } from './store/Store';

export type RpcHandlers = { [M in RpcMethod]: (request: RpcParsedRequest<M>) => RpcResponse<M> };

export interface HandlerOptions {
  databasePath: string;
  appVersion: string;
}

export function createHandlers(store: Store, options: HandlerOptions): RpcHandlers {
  const uploads = new ImportUploads(store);
  return {
    'app.info': () => ({
      version: options.appVersion,
      databasePath: options.databasePath,
      schemaVersion: store.schemaVersion(),
      maxImportBytes: MAX_IMPORT_BYTES,
    }),
    'annotators.current': () => store.currentAnnotator(),
    'annotators.setCurrent': ({ name }) => store.setCurrentAnnotator(name),
    'labels.list': () => store.listLabels(),
    'documents.list': () => store.listDocuments(),
    'documents.get': ({ documentId }) => store.getDocument(documentId),
    'documents.import': ({ files }) => {
      const decoded = files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') }));
      return { documents: importTextFiles(store, decoded).map((imported) => imported.document) };
    },
    'documents.importIsnad': ({ json, fileName }) =>
      importIsnadExportJson(store, json, fileName === undefined ? undefined : `«${fileName}»`, fileName === undefined ? {} : { sourceName: fileName }),
    'documents.delete': ({ documentId }) => {
      store.deleteDocument(documentId);
      return { documentId };
    },
    'spans.create': (request) => store.createSpan(request),
    'spans.setLabel': ({ spanId, label }) => store.setSpanLabel(spanId, label),
    'spans.delete': ({ spanId }) => {
      store.deleteSpan(spanId);
      return { spanId };
    },
    'spans.setBounds': ({ spanId, startUtf16, endUtf16 }) => store.setSpanBounds(spanId, startUtf16, endUtf16),
    'spans.setAttributes': ({ spanId, attributes }) => store.setSpanAttributes(spanId, attributes),
    'spans.linkEntity': ({ spanId, entityId }) => store.linkSpanEntity(spanId, entityId),
    'spans.setNote': ({ spanId, note }) => store.setSpanNote(spanId, note),
    'relations.create': (request) => store.createRelation(request),
    'relations.delete': ({ relationId }) => {
      store.deleteRelation(relationId);
      return { relationId };
    },
    'entities.search': ({ kind, query, limit }) => store.register.search(kind, query, limit),
    'entities.create': ({ kind, name }) => store.register.create(kind, name),
    'entities.list': ({ kind }) => store.register.list(kind),
    'entities.claims': ({ entityId }) => store.register.claims(entityId),
    'entities.merge': ({ keepId, mergeIds }) => store.register.merge(keepId, mergeIds),
    'schemas.list': () => store.schemas.list(),
    'schemas.get': ({ schemaId }) => store.schemas.get(schemaId),
    'schemas.setActive': ({ schemaId }) => store.schemas.setActive(schemaId),
    'schemas.import': ({ json }) => store.schemas.import(json),
    'documents.setStatus': ({ documentId, status }) => store.setDocumentStatus(documentId, status),
    'history.undo': ({ documentId }) => store.undo(documentId),
    'history.redo': ({ documentId }) => store.redo(documentId),
    'export.build': ({ documentId, annotatorIds }) => buildExport(store, { documentId, annotatorIds }),
    'gold.get': ({ sha256 }) => GoldLayerStore.for(store).findBySha256(sha256),
    'gold.ensureDocument': ({ title, text }) => GoldLayerStore.for(store).ensureDocument(title, text),
    'gold.apply': (change) => GoldLayerStore.for(store).apply(change),
    'gold.undo': ({ documentId }) => GoldLayerStore.for(store).undo(documentId),
    'gold.redo': ({ documentId }) => GoldLayerStore.for(store).redo(documentId),
    'imports.begin': ({ files, annotator, format, labelMapping, predictions }) => uploads.begin(files, { annotator, format, labelMapping, predictions }),
    'imports.append': ({ uploadId, fileIndex, dataBase64, atByte }) => uploads.append(uploadId, fileIndex, dataBase64, atByte),
    'imports.finish': ({ uploadId }) => uploads.finish(uploadId),
    'imports.cancel': ({ uploadId }) => uploads.cancel(uploadId),
    'formats.export': (request) => exportForRpc(store, request),
    // Needs a save dialog: the Electron main process answers it (electron/save-export.ts) before dispatch.
    'formats.saveExport': () => {
      throw new StoreError('CONFLICT', 'Saving an export to a file needs the desktop app; in browser mode the export downloads from /export.');
    },
    'annotators.list': () => listAnnotators(store),
  };
}
