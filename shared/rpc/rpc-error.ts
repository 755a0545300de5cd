// The error codes every transport returns; the renderer picks its message by code.

export const RPC_ERROR_CODES = [
  'BAD_REQUEST', // payload does not match the method's schema
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'INVALID_FILE', // an import that is not valid UTF-8 text, empty, binary or too large
  'INVALID_SPAN', // offsets outside the text, start >= end, split surrogate pair
  'UNKNOWN_LABEL',
  'INVALID_RELATION', // a relation whose type or ends do not fit the active schema
  'INVALID_ATTRIBUTE', // an attribute the span's label does not define, or a value it does not allow
  'INVALID_SCHEMA', // an annotation schema file with mistakes (the message lists them by path)
  'CONFLICT', // refused because of other data: a schema change while spans use its labels, an entity of another kind
  'NO_ANNOTATOR', // annotating before the annotator has given a name
  'UNAUTHORIZED', // HTTP transport: missing token or foreign Host/Origin
  'DATABASE_TOO_NEW',
  'INTERNAL',
] as const;

export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

export interface RpcError {
  code: RpcErrorCode;
  message: string;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };
