// Domain types that cross the RPC boundary. Offsets name their unit: *Utf16 or *CodePoints.

export interface Annotator {
  id: string;
  name: string;
}

export interface Label {
  /** Stable name stored with spans and written to exports, e.g. "claim". */
  name: string;
  /** CSS colour for highlights and chips. */
  color: string;
  /** KeyboardEvent.code of the physical key that applies it, so it works on any keyboard layout. */
  shortcutCode: string;
  sortOrder: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  sha256: string;
  lengthCodePoints: number;
  spanCount: number;
  createdAt: string;
  /** Last change to the document or any of its spans. */
  updatedAt: string;
}

export interface DocumentRecord extends DocumentSummary {
  text: string;
  sourceName: string;
}

export interface Span {
  id: string;
  documentId: string;
  annotatorId: string;
  annotatorName: string;
  label: string;
  startUtf16: number;
  endUtf16: number;
  startCodePoints: number;
  endCodePoints: number;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
  maxImportBytes: number;
}
