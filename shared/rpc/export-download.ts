// Browser mode's streamed export: GET /export?format=…&token=… downloads the file as the server writes
// it, so a whole-database export is never one string in memory. The query carries formats.saveExport's
// request; the page builds it and the server reads it back here, validated by the same zod schema.
import type { ExportFormat } from '../formats/detect-format';
import { FormatExportRequest, type RpcParsedRequest, type RpcRequest } from './contract';

export const EXPORT_DOWNLOAD_PATH = '/export';

/** brat writes a .txt and an .ann per document: without a zip writer it stays on formats.export. */
export function isStreamableFormat(format: ExportFormat): boolean {
  return format !== 'brat';
}

const SINGLE = { format: 'format', documentId: 'documentId' } as const;
const REPEATED = { annotator: 'annotatorNames', label: 'conllLabels' } as const;

/** The query string (without `?` and without the token) for one export request. */
export function exportDownloadQuery(request: RpcRequest<'formats.saveExport'>): string {
  const pairs: [string, string][] = [['format', request.format]];
  if (request.documentId !== undefined) pairs.push(['documentId', request.documentId]);
  for (const name of request.annotatorNames ?? []) pairs.push(['annotator', name]);
  for (const label of request.conllLabels ?? []) pairs.push(['label', label]);
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}

export type ParsedDownloadQuery = { ok: true; request: RpcParsedRequest<'formats.saveExport'> } | { ok: false; message: string };

/** Reads a decoded query (e.g. URLSearchParams entries); `token` is the caller's business and skipped. */
export function parseExportDownloadQuery(entries: Iterable<readonly [string, string]>): ParsedDownloadQuery {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    if (key === 'token') continue;
    if (Object.hasOwn(SINGLE, key)) {
      const field = SINGLE[key as keyof typeof SINGLE];
      if (field in raw) return { ok: false, message: `The parameter «${key}» is given twice.` };
      raw[field] = value;
    } else if (Object.hasOwn(REPEATED, key)) {
      const field = REPEATED[key as keyof typeof REPEATED];
      raw[field] = [...((raw[field] as string[] | undefined) ?? []), value];
    } else {
      return { ok: false, message: `Unknown parameter «${key.slice(0, 100)}»; the parameters are format, documentId, annotator, label and token.` };
    }
  }
  const parsed = FormatExportRequest.safeParse(raw);
  if (!parsed.success) {
    const names: Record<string, string> = { annotatorNames: 'annotator', conllLabels: 'label' };
    const parts = parsed.error.issues.map((issue) => {
      const field = issue.path.length === 0 ? '' : (names[String(issue.path[0])] ?? String(issue.path[0]));
      return field === '' ? issue.message : `${field}: ${issue.message}`;
    });
    return { ok: false, message: `Invalid export request: ${parts.join('; ')}` };
  }
  if (!isStreamableFormat(parsed.data.format)) return { ok: false, message: 'brat writes a .txt and an .ann per document; export it with formats.export (the export dialog does).' };
  return { ok: true, request: parsed.data };
}
