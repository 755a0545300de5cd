// Test helper: the Pentagon article imported into a store, an annotator named, and spans made by
// quoting the phrase they cover (its n-th occurrence), as an annotator selects text.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { Span } from '../../shared/rpc/domain';
import { importTextFiles } from '../import-text-files';
import { Store } from '../store/Store';
import { fixturePath } from './fixture-path';

export const PENTAGON = 'pentagon-strikes-syria-ar.txt';

export interface PentagonSession {
  store: Store;
  documentId: string;
  text: string;
  rangeOf(phrase: string, occurrence?: number): { startUtf16: number; endUtf16: number };
  span(label: string, phrase: string, occurrence?: number): Span;
}

export function pentagonSession(db: Database.Database, annotatorName = 'أمل'): PentagonSession {
  const store = Store.for(db);
  const [imported] = importTextFiles(store, [{ name: PENTAGON, bytes: fs.readFileSync(fixturePath(PENTAGON)) }]);
  const documentId = imported!.document.id;
  const text = store.getDocument(documentId).document.text;
  store.setCurrentAnnotator(annotatorName);
  const rangeOf = (phrase: string, occurrence = 0) => {
    let startUtf16 = -1;
    for (let i = 0; i <= occurrence; i++) startUtf16 = text.indexOf(phrase, startUtf16 + 1);
    if (startUtf16 < 0) throw new Error(`«${phrase}» not found`);
    return { startUtf16, endUtf16: startUtf16 + phrase.length };
  };
  return { store, documentId, text, rangeOf, span: (label, phrase, occurrence) => store.createSpan({ documentId, label, ...rangeOf(phrase, occurrence) }) };
}

/** Runs `action` and returns the StoreError code and message it threw. */
export function storeFailure(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof Error && 'code' in error) return { code: String(error.code), message: error.message };
    throw error;
  }
  throw new Error('expected a StoreError');
}
