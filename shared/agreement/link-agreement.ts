// Agreement on attribution links between two annotators. A link of A agrees with one of B when
// both have the same type and B's ends are the spans matched to A's ends (span matching, any label).
import { meanOfDefined, notMeasured, ratio } from './measure';
import { matchSpans, OVERLAP_MATCH, type MatchRule, type SpanMatcher } from './span-matching';
import type { AgreementLink, AnnotatedDocument, AnnotatorId, LinkType, Measure } from './types';

export const LINK_TYPES: readonly LinkType[] = ['said_by', 'according_to', 'cued_by'];
export const DEFAULT_CLAIM_LABEL = 'claim';

export interface LinkScores {
  readonly linksA: number;
  readonly linksB: number;
  readonly matched: number;
  /** matched / |links of B|; A is the reference. */
  readonly precision: Measure;
  readonly recall: Measure;
  readonly f1: Measure;
}

/** For the claims matched between A and B: do they link them to corresponding targets of one type? */
export interface ClaimTargetAgreement {
  readonly matchedClaims: number;
  /** Matched claims whose targets correspond one to one, including claims neither linked. */
  readonly sameTargets: number;
  /** Matched claims that at least one annotator linked to a target of this type. */
  readonly linkedByEither: number;
  readonly sameTargetsAmongLinked: number;
  /** sameTargets / matchedClaims: e.g. the share of matched claims with the same speaker. */
  readonly share: Measure;
  /** sameTargetsAmongLinked / linkedByEither: the same, ignoring claims neither linked. */
  readonly shareAmongLinked: Measure;
}

export interface LinkTypeAgreement extends LinkScores {
  readonly claims: ClaimTargetAgreement;
}

export interface PairLinkAgreement {
  readonly annotatorA: AnnotatorId;
  readonly annotatorB: AnnotatorId;
  readonly documentCount: number;
  readonly overall: LinkScores;
  readonly byType: Readonly<Record<LinkType, LinkTypeAgreement>>;
}

export interface LinkAgreementOptions {
  /** How spans are matched before links are compared; default overlap with IoU >= 0.5. */
  readonly rule?: MatchRule;
  readonly claimLabel?: string;
  readonly match?: SpanMatcher;
}

interface Tally {
  linksA: number;
  linksB: number;
  matched: number;
  matchedClaims: number;
  sameTargets: number;
  linkedByEither: number;
  sameTargetsAmongLinked: number;
}

export function pairLinkAgreement(
  documents: readonly AnnotatedDocument[],
  annotatorA: AnnotatorId,
  annotatorB: AnnotatorId,
  options: LinkAgreementOptions = {},
): PairLinkAgreement {
  const rule = options.rule ?? OVERLAP_MATCH;
  const claimLabel = options.claimLabel ?? DEFAULT_CLAIM_LABEL;
  const tallies = new Map<LinkType, Tally>(LINK_TYPES.map((t) => [t, { linksA: 0, linksB: 0, matched: 0, matchedClaims: 0, sameTargets: 0, linkedByEither: 0, sameTargetsAmongLinked: 0 }]));
  let documentCount = 0;
  for (const doc of documents) {
    const workA = doc.annotations.get(annotatorA);
    const workB = doc.annotations.get(annotatorB);
    if (workA === undefined || workB === undefined) continue;
    documentCount++;
    const matches = (options.match ?? matchSpans)(workA.spans, workB.spans, rule);
    const linksA = indexLinks(workA.links ?? []);
    const linksB = indexLinks(workB.links ?? []);
    // Looked up only for the ends of A's links; mapping every matched span costs less than finding those first.
    const aToB = new Map<string, string>();
    for (const m of matches) aToB.set(m.a.id, m.b.id);
    for (const type of LINK_TYPES) {
      const tally = tallies.get(type)!;
      const fromA = linksA.get(type);
      const fromB = linksB.get(type);
      for (const targets of fromA?.values() ?? []) tally.linksA += targets.size;
      for (const targets of fromB?.values() ?? []) tally.linksB += targets.size;
      if (fromA === undefined || fromB === undefined) continue;
      for (const [from, targetsA] of fromA) {
        const targetsB = fromB.get(aToB.get(from) ?? '');
        if (targetsB === undefined) continue;
        for (const to of targetsA) if (targetsB.has(aToB.get(to) ?? '')) tally.matched++;
      }
    }
    for (const m of matches) {
      if (m.a.label !== claimLabel) continue;
      for (const type of LINK_TYPES) {
        const tally = tallies.get(type)!;
        const targetsA = linksA.get(type)?.get(m.a.id) ?? NO_TARGETS;
        const targetsB = linksB.get(type)?.get(m.b.id) ?? NO_TARGETS;
        // The span matching is one to one, so equal sizes plus every A target mapping into B's set means the same targets.
        let same = targetsA.size === targetsB.size;
        for (const to of targetsA) same &&= targetsB.has(aToB.get(to) ?? '');
        tally.matchedClaims++;
        if (same) tally.sameTargets++;
        if (targetsA.size > 0 || targetsB.size > 0) {
          tally.linkedByEither++;
          if (same) tally.sameTargetsAmongLinked++;
        }
      }
    }
  }
  const byType = Object.fromEntries(LINK_TYPES.map((t) => [t, typeAgreement(tallies.get(t)!, documentCount)])) as Record<LinkType, LinkTypeAgreement>;
  const total = { linksA: 0, linksB: 0, matched: 0 };
  for (const t of tallies.values()) {
    total.linksA += t.linksA;
    total.linksB += t.linksB;
    total.matched += t.matched;
  }
  return { annotatorA, annotatorB, documentCount, overall: linkScores(total, documentCount), byType };
}

export interface AveragedLinkAgreement {
  /** Unweighted means over annotator pairs of the pairs' defined values. */
  readonly f1: Measure;
  readonly byType: Readonly<Record<LinkType, { readonly f1: Measure; readonly sameTargetShare: Measure }>>;
}

export function averageLinkAgreement(pairs: readonly PairLinkAgreement[]): AveragedLinkAgreement {
  const byType = Object.fromEntries(
    LINK_TYPES.map((t) => [t, { f1: meanOfDefined(pairs.map((p) => p.byType[t].f1)), sameTargetShare: meanOfDefined(pairs.map((p) => p.byType[t].claims.share)) }]),
  ) as Record<LinkType, { f1: Measure; sameTargetShare: Measure }>;
  return { f1: meanOfDefined(pairs.map((p) => p.overall.f1)), byType };
}

function typeAgreement(t: Tally, documentCount: number): LinkTypeAgreement {
  const noDocuments = documentCount === 0;
  return {
    ...linkScores(t, documentCount),
    claims: {
      matchedClaims: t.matchedClaims,
      sameTargets: t.sameTargets,
      linkedByEither: t.linkedByEither,
      sameTargetsAmongLinked: t.sameTargetsAmongLinked,
      share: noDocuments ? notMeasured('no-shared-documents') : ratio(t.sameTargets, t.matchedClaims, 'no-matched-claims'),
      shareAmongLinked: noDocuments ? notMeasured('no-shared-documents') : ratio(t.sameTargetsAmongLinked, t.linkedByEither, t.matchedClaims === 0 ? 'no-matched-claims' : 'no-links'),
    },
  };
}

function linkScores(c: { linksA: number; linksB: number; matched: number }, documentCount: number): LinkScores {
  if (documentCount === 0) {
    const none = notMeasured('no-shared-documents');
    return { linksA: c.linksA, linksB: c.linksB, matched: c.matched, precision: none, recall: none, f1: none };
  }
  return {
    linksA: c.linksA,
    linksB: c.linksB,
    matched: c.matched,
    precision: ratio(c.matched, c.linksB, 'no-links'),
    recall: ratio(c.matched, c.linksA, 'no-links'),
    f1: ratio(2 * c.matched, c.linksA + c.linksB, 'no-links'),
  };
}

const NO_TARGETS: ReadonlySet<string> = new Set();

/** type -> from span id -> target span ids; the same link entered twice counts once. */
function indexLinks(links: readonly AgreementLink[]): Map<LinkType, Map<string, Set<string>>> {
  const index = new Map<LinkType, Map<string, Set<string>>>();
  for (const link of links) {
    let byFrom = index.get(link.type);
    if (byFrom === undefined) index.set(link.type, (byFrom = new Map()));
    const targets = byFrom.get(link.fromSpanId);
    if (targets === undefined) byFrom.set(link.fromSpanId, new Set([link.toSpanId]));
    else targets.add(link.toSpanId);
  }
  return index;
}
