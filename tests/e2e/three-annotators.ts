// Three annotators' export files of the seed article, made over the server's RPC as three people
// would in one database: the review and comparison specs start from these. Each spec plans its own
// spans (its assertions depend on them); the phrases of the article they share are here.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LinkType } from '../../shared/agreement/types';
import type { RpcMethod, RpcRequest, RpcResponse } from '../../shared/rpc/contract';
import { canonicalizeText } from '../../shared/text/canonical-text';
import { expect, fixturesDir } from './serve-fixture';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
export const SEED_TEXT = canonicalizeText(readFileSync(fixturePath, 'utf8'));

export const CUE = 'أعلنت';
export const SPEAKER_1 = 'وزارة الدفاع الأميركية "البنتاغون"';
export const CLAIM_1 = 'أن القوات الأميركية وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني في شرق سوريا';
export const CLAIM_1_SHORT = 'القوات الأميركية وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني';
export const SPEAKER_2 = 'وزير الدفاع الأميركي، لويد أوستن';
export const SPEAKER_2_NAME = 'لويد أوستن';
export const CLAIM_2 = '"الضربات الدقيقة هي للدفاع عن النفس';

/** A span on the first occurrence of `phrase` in the seed article, with a claim type if given. */
export type PlannedSpan = readonly [label: string, phrase: string, claimType?: string];
/** A link between two of the plan's spans, given by their index in `spans`. */
export type PlannedLink = readonly [type: LinkType, from: number, to: number];
export interface AnnotatorPlan {
  readonly spans: readonly PlannedSpan[];
  readonly links: readonly PlannedLink[];
}

export type RpcCall = <M extends RpcMethod>(method: M, payload: RpcRequest<M>) => Promise<RpcResponse<M>>;

/** Calls the RPC of the `isnad serve` at `url` (its token in the query); throws on an RPC error. */
export function rpcCaller(url: string): RpcCall {
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token');
  return async <M extends RpcMethod>(method: M, payload: RpcRequest<M>): Promise<RpcResponse<M>> => {
    const response = await fetch(`${origin}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ method, payload }) });
    const result = (await response.json()) as { ok: true; value: RpcResponse<M> } | { ok: false; error: { code: string; message: string } };
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

/**
 * Imports the seed article as the first planned annotator, annotates it as each of them in turn,
 * and writes one export file per annotator (`<name>.json` in `dir`), in the order of `plans`.
 * With `deleteDocument`, the document is deleted afterwards, so the review has only the files.
 */
export async function makeExports(url: string, dir: string, plans: Record<string, AnnotatorPlan>, options: { deleteDocument?: boolean } = {}): Promise<string[]> {
  const rpc = rpcCaller(url);
  await rpc('annotators.setCurrent', { name: Object.keys(plans)[0]! });
  const { documents } = await rpc('documents.import', { files: [{ name: 'pentagon.txt', dataBase64: readFileSync(fixturePath).toString('base64') }] });
  const documentId = documents[0]!.id;
  const paths: string[] = [];
  for (const [name, plan] of Object.entries(plans)) {
    const annotator = await rpc('annotators.setCurrent', { name });
    const ids: string[] = [];
    for (const [label, phrase, claimType] of plan.spans) {
      const startUtf16 = SEED_TEXT.indexOf(phrase);
      expect(startUtf16, phrase).toBeGreaterThanOrEqual(0);
      const created = await rpc('spans.create', { documentId, label, startUtf16, endUtf16: startUtf16 + phrase.length });
      ids.push(created.id);
      if (claimType !== undefined) await rpc('spans.setAttributes', { spanId: created.id, attributes: { claimType } });
    }
    for (const [type, from, to] of plan.links) await rpc('relations.create', { type, fromSpanId: ids[from]!, toSpanId: ids[to]! });
    const filePath = path.join(dir, `${name}.json`);
    writeFileSync(filePath, JSON.stringify(await rpc('export.build', { annotatorIds: [annotator.id] })));
    paths.push(filePath);
  }
  if (options.deleteDocument === true) await rpc('documents.delete', { documentId });
  return paths;
}
