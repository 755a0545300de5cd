// An ExportSink in front of another that passes writes on in pieces of about 1 MB: exporters write
// one small string per annotation, and 600,000 write calls (a system call each for a file) cost seconds.
import type { ExportSink } from './export-sink';

const PIECE_CHARS = 1 << 20;

export class CoalescingSink implements ExportSink {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly target: ExportSink) {}

  open(name: string): void {
    this.target.open(name);
  }

  write(chunk: string): void {
    this.pending.push(chunk);
    this.pendingChars += chunk.length;
    if (this.pendingChars >= PIECE_CHARS) this.flush();
  }

  close(): void {
    this.flush();
    this.target.close();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const piece = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.target.write(piece);
  }
}
