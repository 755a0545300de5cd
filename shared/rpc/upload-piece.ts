// Browser mode's raw upload of one imports.append piece: PUT /upload?uploadId=…&fileIndex=…&atByte=…
// with the bytes as the body. The page and the server build and read the address from here.
export const UPLOAD_PIECE_PATH = '/upload';

export function uploadPieceQuery(piece: { uploadId: string; fileIndex: number; atByte: number }): string {
  return `uploadId=${encodeURIComponent(piece.uploadId)}&fileIndex=${piece.fileIndex}&atByte=${piece.atByte}`;
}
