// One handler per RPC method, over the store. Payloads arrive already validated by dispatch;
// handlers throw StoreError for expected failures and dispatch turns that into a result.
import { MAX_IMPORT_BYTES, type RpcMethod, type RpcParsedRequest, type RpcResponse } from '../shared/rpc/contract';
import { buildExport } from './build-export';
import { importTextFiles } from './import-text-files';
import type { Store } from './store/Store';

export type RpcHandlers = { [M in RpcMethod]: (request: RpcParsedRequest<M>) => RpcResponse<M> };

export interface HandlerOptions {
  databasePath: string;
  appVersion: string;
}

export function createHandlers(store: Store, options: HandlerOptions): RpcHandlers {
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
    'export.build': ({ documentId }) => buildExport(store, { documentId }),
  };
}
