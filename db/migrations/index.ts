// Every schema migration, in order. Add a new numbered file and list it here; never edit a shipped one.
import type { Migration } from './migration';
import { migration0001Initial } from './0001-initial';
import { migration0002Attribution } from './0002-attribution';
import { migration0003ImportLog } from './0003-import-log';
import { migration0004SpanNotes } from './0004-span-notes';
import { migration0005DocumentMeta } from './0005-document-meta';

export const MIGRATIONS: readonly Migration[] = [migration0001Initial, migration0002Attribution, migration0003ImportLog, migration0004SpanNotes, migration0005DocumentMeta];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
