// The links (said_by, according_to, cued_by) an annotator made from or to one of their spans, named
// by the spans' labels and bounds, so that choosing that annotator's version can bring them into gold.
import type { AgreementLink, AgreementSpan, AnnotatedDocument, AnnotatorId } from '../agreement/types';
import type { GoldLinkInput, GoldSpanRef } from './gold-layer';

export type VersionLinks = (column: number, span: AgreementSpan) => GoldLinkInput[];

export function createVersionLinks(document: AnnotatedDocument, annotators: readonly AnnotatorId[]): VersionLinks {
  const perColumn = annotators.map((key) => {
    const work = document.annotations.get(key);
    const spanById = new Map((work?.spans ?? []).map((span) => [span.id, span]));
    const linksBySpan = new Map<string, AgreementLink[]>();
    for (const link of work?.links ?? []) {
      for (const end of new Set([link.fromSpanId, link.toSpanId])) {
        const list = linksBySpan.get(end);
        if (list === undefined) linksBySpan.set(end, [link]);
        else list.push(link);
      }
    }
    return { spanById, linksBySpan };
  });
  return (column, span) => {
    const entry = perColumn[column];
    if (entry === undefined) return [];
    const links: GoldLinkInput[] = [];
    for (const link of entry.linksBySpan.get(span.id) ?? []) {
      const from = entry.spanById.get(link.fromSpanId);
      const to = entry.spanById.get(link.toSpanId);
      if (from !== undefined && to !== undefined) links.push({ type: link.type, from: refOf(from), to: refOf(to) });
    }
    return links;
  };
}

export function refOf(span: Pick<AgreementSpan, 'label' | 'startUtf16' | 'endUtf16'>): GoldSpanRef {
  return { label: span.label, startUtf16: span.startUtf16, endUtf16: span.endUtf16 };
}

export function linkKey(link: GoldLinkInput): string {
  const ref = (r: GoldSpanRef) => `${r.label}@${r.startUtf16}-${r.endUtf16}`;
  return `${link.type} ${ref(link.from)} ${ref(link.to)}`;
}
