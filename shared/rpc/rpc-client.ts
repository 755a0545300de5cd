// The typed client interface the renderer (and tests) call; each transport implements `invoke`.
import type { RpcMethod, RpcRequest, RpcResponse } from './contract';
import type { RpcResult } from './rpc-error';

export type RpcInvoke = <M extends RpcMethod>(method: M, payload: RpcRequest<M>) => Promise<RpcResult<RpcResponse<M>>>;

/** The node-side entry point: validates, runs, and never throws. */
export type RpcDispatch = (method: string, payload: unknown) => RpcResult<unknown>;
