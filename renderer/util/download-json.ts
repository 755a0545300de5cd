// Saves a JSON value as a file through Blob + <a download> (Electron shows its save dialog for it).
import { downloadBlob } from './download-blob';

export function downloadJson(value: unknown, fileName: string): void {
  downloadBlob(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), fileName);
}
