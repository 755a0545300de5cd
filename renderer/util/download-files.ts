// Saves exported files through Blob + <a download>, one after another (brat gives two per document).
import { downloadBlob } from './download-blob';

export function downloadTextFile(content: string, fileName: string): void {
  const type = fileName.endsWith('.json') || fileName.endsWith('.jsonld') ? 'application/json' : 'text/plain';
  downloadBlob(new Blob([content], { type: `${type};charset=utf-8` }), fileName);
}

export async function downloadTextFiles(files: readonly { name: string; content: string }[]): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, 150));
    downloadTextFile(file.content, file.name);
  }
}
