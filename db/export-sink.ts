// Where an export is written (a file, a folder of files, an HTTP response, a string for the app):
// files opened one at a time, each written in pieces as the exporter produces them.
export interface ExportSink {
  open(name: string): void;
  write(chunk: string): void;
  close(): void;
}
