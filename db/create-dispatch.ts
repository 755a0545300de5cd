// The node-side RPC entry point both transports call: looks up the method, validates the payload
// against the contract, runs the handler, and never throws (every failure becomes an RpcResult).
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { isRpcMethod, requestSchemas, type RpcMethod } from '../shared/rpc/contract';
import type { RpcDispatch } from '../shared/rpc/rpc-client';
import type { RpcError, RpcResult } from '../shared/rpc/rpc-error';
import { createHandlers, type HandlerOptions } from './create-handlers';
import { DatabaseTooNewError, StoreError } from './database-errors';
import { Store } from './store/Store';

export function createDispatch(db: Database.Database, options: HandlerOptions): RpcDispatch {
  const handlers = createHandlers(Store.for(db), options);

  return (method, payload) => {
    if (!isRpcMethod(method)) return failure({ code: 'UNKNOWN_METHOD', message: `Unknown method «${String(method).slice(0, 200)}»` });
    const parsed = requestSchemas[method].safeParse(payload);
    if (!parsed.success) return failure({ code: 'BAD_REQUEST', message: describeIssues(method, parsed.error.issues) });
    try {
      // The schema chosen by `method` produced `parsed.data`, so it fits that method's handler.
      const handler = handlers[method] as (request: unknown) => unknown;
      return { ok: true, value: handler(parsed.data) };
    } catch (error) {
      return failure(toRpcError(error));
    }
  };
}

function toRpcError(error: unknown): RpcError {
  if (error instanceof StoreError) return { code: error.code, message: error.message };
  if (error instanceof DatabaseTooNewError) return { code: 'DATABASE_TOO_NEW', message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** One readable line naming each offending field, e.g. "Invalid «spans.create» request: startUtf16: …". */
function describeIssues(method: RpcMethod, issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return field === '' ? issue.message : `${field}: ${issue.message}`;
  });
  return `Invalid «${method}» request: ${parts.join('; ')}`;
}

function failure(error: RpcError): RpcResult<never> {
  return { ok: false, error };
}
