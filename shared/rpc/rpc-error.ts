// The error codes every transport returns; the renderer picks its message by code.

export const RPC_ERROR_CODES = [
  'BAD_REQUEST', // payload does not match the method's schema
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'INVALID_FILE', // an import that is not valid UTF-8 text, empty, binary or too large
  'INVALID_SPAN', // offsets outside the text, start >= end, split surrogate pair
  'UNKNOWN_LABEL',
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
