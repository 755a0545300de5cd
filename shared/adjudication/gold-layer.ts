// The gold layer of one document as the RPC returns it: the spans of the annotator named "gold",
// the reviewers' settled version, which exports and compares like any other annotator.
import type { Relation, Span } from '../rpc/domain';

/** The name of the annotator whose spans are the adjudicated version. */
export const GOLD_ANNOTATOR_NAME = 'gold';

export interface GoldLayer {
  documentId: string;
  /** Null until the first gold span was ever written in this database. */
  goldAnnotatorId: string | null;
  /** The gold spans of the document, in text order. */
  spans: Span[];
  /** Links between gold spans (claim said_by speaker, …). */
  relations: Relation[];
  /** Whether gold.undo / gold.redo would change something. */
  canUndo: boolean;
  canRedo: boolean;
}

/** A gold span named by what it is, so a link can point at a span added in the same change. */
export interface GoldSpanRef {
  label: string;
  startUtf16: number;
  endUtf16: number;
}

/** A link to create between two gold spans; skipped while either end is not in gold. */
export interface GoldLinkInput {
  type: string;
  from: GoldSpanRef;
  to: GoldSpanRef;
}
