// Imports text files all-or-nothing: every file is validated before anything is written, then all
// are stored in one transaction, so a batch with one bad file leaves the database unchanged.
import type Database from 'better-sqlite3';
import { decodeTextFile, type TextFile } from './decode-text-file';
import { Store, type StoredDocument } from './store/Store';

export type { TextFile } from './decode-text-file';

export interface ImportedTextFile extends StoredDocument {
  /** The file name as given. */
  name: string;
}

/** Throws StoreError INVALID_FILE naming the first bad file. A text already stored is returned with created: false. */
export function importTextFiles(db: Database.Database | Store, files: readonly TextFile[]): ImportedTextFile[] {
  const store = db instanceof Store ? db : Store.for(db);
  const documents = files.map((file) => decodeTextFile(file));
  return store.insertDocuments(documents).map((stored, index) => ({ ...stored, name: files[index]!.name }));
}
