// Sends one piece of an upload (imports.append). Browser mode PUTs the file's slice as it is to /upload,
// so the page never builds a base64 JSON string (encoding and handing 5.6 MB strings to fetch was most
// of an upload's time); Electron's IPC carries the piece in base64 as the contract says.
import type { RpcResponse } from '../../shared/rpc/contract';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { RpcResult } from '../../shared/rpc/rpc-error';
import { UPLOAD_PIECE_PATH, uploadPieceQuery } from '../../shared/rpc/upload-piece';
import { bytesToBase64 } from '../util/bytes-to-base64';
import { getIsnadBridge } from './isnad-bridge';
import { takeSessionToken } from './session-token';

export interface UploadPiece {
  uploadId: string;
  fileIndex: number;
  atByte: number;
  blob: Blob;
}

export type PieceSender = (piece: UploadPiece) => Promise<RpcResult<RpcResponse<'imports.append'>>>;

export function createPieceSender(rpc: RpcInvoke): PieceSender {
  if (getIsnadBridge() !== null) {
    return async ({ uploadId, fileIndex, atByte, blob }) => rpc('imports.append', { uploadId, fileIndex, atByte, dataBase64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) });
  }
  const token = takeSessionToken() ?? '';
  return async (piece) => {
    try {
      const response = await fetch(`${UPLOAD_PIECE_PATH}?${uploadPieceQuery(piece)}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
        body: piece.blob,
      });
      const body = (await response.json()) as RpcResult<RpcResponse<'imports.append'>>;
      return typeof body === 'object' && body !== null && 'ok' in body ? body : { ok: false, error: { code: 'INTERNAL', message: `Unexpected answer from the Isnad server (HTTP ${response.status}).` } };
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Cannot reach the Isnad server. Is `isnad serve` still running?' } };
    }
  };
}
