// Properties every measure must have on arbitrary annotations (fast-check): an annotator compared
// with a copy of itself agrees perfectly, pairwise measures ignore which annotator comes first,
// and every value is finite and in range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementReport, type AgreementReport } from './agreement-report';
import type { AgreementLink, AgreementSpan, AnnotatedDocument, AnnotatorWork, LinkType, Measure } from './types';

const WORDS = ['قال', 'الوزير', 'إن', 'الحكومة', 'ستدعم', 'المشروع', 'وأكد', 'البنتاغون', '2023', '«الضربات»', '،', '.', '😀'];
const LABELS = ['claim', 'speaker', 'cue'];
const LINK_TYPES: LinkType[] = ['said_by', 'according_to', 'cued_by'];

const textArb = fc.array(fc.constantFrom(...WORDS), { maxLength: 25 }).map((words) => words.join(' '));

/** Spans on character boundaries of `text` (never inside a surrogate pair), with links and attributes. */
function workArb(text: string): fc.Arbitrary<AnnotatorWork> {
  const boundaries = [0];
  for (const ch of text) boundaries.push(boundaries[boundaries.length - 1]! + ch.length);
  const spanArb = fc
    .record({
      a: fc.nat({ max: boundaries.length - 1 }),
      b: fc.nat({ max: boundaries.length - 1 }),
      label: fc.constantFrom(...LABELS),
      claimType: fc.option(fc.constantFrom('quote', 'paraphrase'), { nil: undefined }),
    })
    .filter(({ a, b }) => a !== b);
  return fc.array(spanArb, { maxLength: boundaries.length > 1 ? 8 : 0 }).chain((raw) => {
    const spans: AgreementSpan[] = raw.map(({ a, b, label, claimType }, i) => ({
      id: `s${String(i).padStart(2, '0')}`,
      label,
      startUtf16: boundaries[Math.min(a, b)]!,
      endUtf16: boundaries[Math.max(a, b)]!,
      ...(claimType === undefined ? {} : { attributes: { claimType } }),
    }));
    const linkArb = fc.record({ type: fc.constantFrom(...LINK_TYPES), from: fc.nat({ max: Math.max(0, spans.length - 1) }), to: fc.nat({ max: Math.max(0, spans.length - 1) }) });
    return fc.array(linkArb, { maxLength: spans.length === 0 ? 0 : 6 }).map((raw): AnnotatorWork => ({
      spans,
      links: raw.map(({ type, from, to }): AgreementLink => ({ type, fromSpanId: spans[from]!.id, toSpanId: spans[to]!.id })),
    }));
  });
}

/** One to three documents: the first annotated by A and B, the others by both or only one of them. */
const corpusArb = fc.array(
  textArb.chain((text) =>
    fc.record({ text: fc.constant(text), a: workArb(text), b: workArb(text), who: fc.constantFrom('both', 'both', 'A', 'B') }),
  ),
  { minLength: 1, maxLength: 3 },
);

function documents(corpus: { text: string; a: AnnotatorWork; b: AnnotatorWork; who: string }[], swap = false): AnnotatedDocument[] {
  return corpus.map(({ text, a, b, who }, i) => {
    const [first, second] = swap ? [b, a] : [a, b];
    const annotations = new Map<string, AnnotatorWork>();
    if (i === 0 || who !== 'B') annotations.set('A', first);
    if (i === 0 || who !== 'A') annotations.set('B', second);
    return { sha256: `doc${i}`, text, annotations };
  });
}

/** The same work under new span ids, as a second annotator who agrees completely would produce. */
function copyOf(work: AnnotatorWork): AnnotatorWork {
  return {
    spans: work.spans.map((s) => ({ ...s, id: `copy-${s.id}` })),
    links: (work.links ?? []).map((l) => ({ ...l, fromSpanId: `copy-${l.fromSpanId}`, toSpanId: `copy-${l.toSpanId}` })),
  };
}

/** Every headline measure of a two-annotator report, named. */
function measures(report: AgreementReport): [string, Measure, 'unit' | 'kappa' | 'alpha'][] {
  const list: [string, Measure, 'unit' | 'kappa' | 'alpha'][] = [];
  for (const [rule, section] of Object.entries(report.spanF1)) {
    for (const pair of section.pairs) {
      list.push([`${rule} F1`, pair.overall.f1, 'unit'], [`${rule} precision`, pair.overall.precision, 'unit'], [`${rule} recall`, pair.overall.recall, 'unit']);
      for (const [label, scores] of Object.entries(pair.byLabel)) list.push([`${rule} F1 ${label}`, scores.f1, 'unit']);
    }
  }
  for (const [label, t] of Object.entries(report.tokens.byLabel)) {
    list.push([`cohen ${label}`, t.cohenAverage, 'kappa'], [`fleiss ${label}`, t.fleiss.kappa, 'kappa'], [`alpha ${label}`, t.krippendorffAlpha.alpha, 'alpha']);
  }
  for (const [label, u] of Object.entries(report.unitizing.byLabel)) list.push([`alpha_U ${label}`, u.alpha, 'alpha']);
  list.push(['alpha_U', report.unitizing.overall.alpha, 'alpha']);
  for (const pair of report.links.pairs) {
    list.push(['link F1', pair.overall.f1, 'unit']);
    for (const [type, t] of Object.entries(pair.byType)) list.push([`link F1 ${type}`, t.f1, 'unit'], [`same ${type}`, t.claims.share, 'unit'], [`same linked ${type}`, t.claims.shareAmongLinked, 'unit']);
  }
  for (const pair of report.attributes.pairs) {
    for (const a of pair.byAttribute) list.push([`kappa ${a.label}.${a.attribute}`, a.cohenKappa.kappa, 'kappa'], [`alpha ${a.label}.${a.attribute}`, a.krippendorffAlpha.alpha, 'alpha']);
  }
  return list;
}

const OPTIONS = { labels: LABELS };

describe('agreement properties', () => {
  it('an annotator compared with a copy of itself agrees perfectly wherever a measure is defined', () => {
    fc.assert(
      fc.property(corpusArb, (corpus) => {
        const docs = corpus.map(({ text, a }, i): AnnotatedDocument => ({ sha256: `doc${i}`, text, annotations: new Map([['A', a], ['B', copyOf(a)]]) }));
        const report = agreementReport(docs, OPTIONS);
        for (const [name, m] of measures(report)) {
          // Fleiss and alpha on tokens are 1 only up to rounding of their sums.
          if (m.value !== undefined) expect(m.value, name).toBeCloseTo(1, 9);
        }
        const anySpan = corpus.some(({ a }) => a.spans.length > 0);
        expect(report.spanF1.exact.pairs[0]!.overall.f1.value !== undefined).toBe(anySpan);
      }),
      { numRuns: 150 },
    );
  });

  it('pairwise measures do not depend on which annotator is A', () => {
    fc.assert(
      fc.property(corpusArb, (corpus) => {
        const forward = agreementReport(documents(corpus), OPTIONS);
        const backward = agreementReport(documents(corpus, true), OPTIONS);
        const symmetric = (r: AgreementReport): [string, Measure][] => [
          ['exact F1', r.spanF1.exact.pairs[0]!.overall.f1],
          ['overlap F1', r.spanF1.overlap.pairs[0]!.overall.f1],
          ...LABELS.map((l): [string, Measure] => [`overlap F1 ${l}`, r.spanF1.overlap.pairs[0]!.byLabel[l]!.f1]),
          ...LABELS.map((l): [string, Measure] => [`cohen ${l}`, r.tokens.byLabel[l]!.cohenAverage]),
          ...LABELS.map((l): [string, Measure] => [`alpha ${l}`, r.tokens.byLabel[l]!.krippendorffAlpha.alpha]),
          ...LABELS.map((l): [string, Measure] => [`alpha_U ${l}`, r.unitizing.byLabel[l]!.alpha]),
          ['link F1', r.links.pairs[0]!.overall.f1],
          ...r.attributes.pairs[0]!.byAttribute.map((a): [string, Measure] => [`kappa ${a.label}.${a.attribute}`, a.cohenKappa.kappa]),
        ];
        const f = symmetric(forward);
        const b = symmetric(backward);
        expect(b.map(([name]) => name)).toEqual(f.map(([name]) => name));
        f.forEach(([name, m], i) => {
          const other = b[i]![1];
          if (m.value === undefined) expect(other, name).toEqual(m);
          else expect(other.value, name).toBeCloseTo(m.value, 9);
        });
        // Precision of one direction is recall of the other.
        expect(backward.spanF1.overlap.pairs[0]!.overall.precision).toEqual(forward.spanF1.overlap.pairs[0]!.overall.recall);
      }),
      { numRuns: 150 },
    );
  });

  it('every value is finite and in range, never NaN', () => {
    fc.assert(
      fc.property(corpusArb, (corpus) => {
        for (const [name, m, kind] of measures(agreementReport(documents(corpus), OPTIONS))) {
          if (m.value === undefined) {
            expect('reason' in m && typeof m.reason, name).toBe('string');
            continue;
          }
          expect(Number.isFinite(m.value), name).toBe(true);
          if (kind === 'unit') expect(m.value >= 0 && m.value <= 1, `${name} = ${m.value}`).toBe(true);
          if (kind === 'kappa') expect(m.value >= -1 - 1e-9 && m.value <= 1 + 1e-9, `${name} = ${m.value}`).toBe(true);
          if (kind === 'alpha') expect(m.value <= 1 + 1e-9, `${name} = ${m.value}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
