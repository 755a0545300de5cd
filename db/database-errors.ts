// Errors thrown by db/: StoreError for expected user-facing failures (dispatch returns its code),
// DatabaseTooNewError when a file written by a newer Isnad is refused untouched.
import type { RpcErrorCode } from '../shared/rpc/rpc-error';

export type StoreErrorCode = Extract<
  RpcErrorCode,
  'NOT_FOUND' | 'INVALID_FILE' | 'INVALID_SPAN' | 'UNKNOWN_LABEL' | 'NO_ANNOTATOR' | 'INVALID_RELATION' | 'INVALID_ATTRIBUTE' | 'INVALID_SCHEMA' | 'CONFLICT'
>;

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';

  constructor(
    readonly foundVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `This database was written by a newer version of Isnad (schema ${foundVersion}; this version knows up to ${supportedVersion}). ` +
        'Update Isnad to open it; the file was not changed.',
    );
  }
}
