// The export sink of GET /export. streamExport is synchronous (one read transaction), so it cannot wait
// for the socket: chunks go straight to the response while it accepts them, and once it signals
// backpressure the rest goes to a temporary file that is streamed (with backpressure) after the export.
// Memory stays bounded either way; nothing is ever joined into one string.
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ExportSink } from '../../db/export-corpus';

export class SpillingResponseSink implements ExportSink {
  private spillDir: string | undefined;
  private spillFd: number | undefined;
  /** Bytes the response took directly, and bytes spilled to disk (tests read them). */
  sentBytes = 0;
  spilledBytes = 0;

  constructor(
    private readonly res: ServerResponse,
    private readonly headersFor: (fileName: string) => OutgoingHttpHeaders,
  ) {}

  open(name: string): void {
    // Headers go out with the first file only: the export checks its request (annotators, document)
    // before opening it, so a refusal can still be answered with a status code.
    if (!this.res.headersSent) this.res.writeHead(200, this.headersFor(name));
  }

  write(chunk: string): void {
    if (chunk === '') return;
    if (this.spillFd === undefined && !this.res.writableNeedDrain) {
      this.sentBytes += Buffer.byteLength(chunk);
      this.res.write(chunk);
      return;
    }
    if (this.spillFd === undefined) {
      this.spillDir = mkdtempSync(path.join(tmpdir(), 'isnad-export-'));
      this.spillFd = openSync(path.join(this.spillDir, 'export.part'), 'w');
    }
    this.spilledBytes += writeSync(this.spillFd, chunk);
  }

  close(): void {}

  /** Sends what was spilled, then ends the response; the temporary file is removed whatever happens. */
  async finish(): Promise<void> {
    if (this.spillFd === undefined) {
      this.res.end();
      return;
    }
    closeSync(this.spillFd);
    this.spillFd = undefined;
    try {
      await pipeline(createReadStream(path.join(this.spillDir!, 'export.part')), this.res);
    } finally {
      this.removeSpill();
    }
  }

  /** The export failed after headers were sent: cut the connection, so the download is seen to fail. */
  abort(): void {
    if (this.spillFd !== undefined) closeSync(this.spillFd);
    this.spillFd = undefined;
    this.removeSpill();
    this.res.destroy();
  }

  private removeSpill(): void {
    if (this.spillDir !== undefined) rmSync(this.spillDir, { recursive: true, force: true });
    this.spillDir = undefined;
  }
}
