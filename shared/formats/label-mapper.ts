// Reads a format's labels as the active schema's: an explicit mapping first (`--map-label LOC=location`,
// or `MISC=` to leave those spans out), then the one schema label equal to it ignoring case (ANERcorp's
// LOC is a schema's `loc`). What was read otherwise is counted, for one warning per import.
import type { CorpusDocument } from './corpus-model';

/** Format label → schema label, or null to leave its spans out. */
export type LabelMapping = ReadonlyMap<string, string | null>;

type MappingResult = { ok: true; mapping: LabelMapping } | { ok: false; message: string };

/** `FROM=TO` entries (TO empty: leave FROM's spans out) as a mapping, or what is wrong with one. */
export function parseLabelMapping(entries: readonly string[]): MappingResult {
  const pairs: [string, string][] = [];
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    const from = equals < 0 ? '' : entry.slice(0, equals).trim();
    if (from === '') return { ok: false, message: `«${entry}» is not FROM=TO (a label of the file, "=", a label of the schema or nothing to leave those spans out)` };
    pairs.push([from, entry.slice(equals + 1)]);
  }
  return labelMappingFromPairs(pairs);
}

/** [file label, schema label or '' to leave its spans out] pairs as a mapping; a label may be mapped once. */
export function labelMappingFromPairs(pairs: readonly (readonly [string, string])[]): MappingResult {
  const mapping = new Map<string, string | null>();
  for (const [from, to] of pairs) {
    const label = from.trim();
    if (mapping.has(label)) return { ok: false, message: `the label «${label}» is mapped twice` };
    mapping.set(label, to.trim() === '' ? null : to.trim());
  }
  return { ok: true, mapping };
}

export class LabelMapper {
  private readonly byLowerCase = new Map<string, string | null>();
  private readonly schemaLabels: ReadonlySet<string>;
  /** "FROM → TO" (or "FROM left out") → spans, in the order first met. */
  private readonly counts = new Map<string, number>();

  constructor(
    schemaLabels: readonly string[],
    private readonly explicit: LabelMapping = new Map(),
  ) {
    this.schemaLabels = new Set(schemaLabels);
    // A lower-case spelling shared by two schema labels matches neither: guessing would be silent.
    for (const label of schemaLabels) {
      const key = label.toLowerCase();
      this.byLowerCase.set(key, this.byLowerCase.has(key) ? null : label);
    }
  }

  /** Mapping targets that are not labels of the schema. */
  unknownTargets(): string[] {
    return [...this.explicit.values()].filter((to): to is string => to !== null && !this.schemaLabels.has(to));
  }

  /** The schema label for `label`, null to leave the span out, or `label` itself when nothing maps it (validation then names it). */
  map(label: string): string | null {
    if (this.explicit.has(label)) return this.explicit.get(label)!;
    if (this.schemaLabels.has(label)) return label;
    return this.byLowerCase.get(label.toLowerCase()) ?? label;
  }

  /** The document with its spans relabelled; spans left out take their relations and notes with them. */
  apply(document: CorpusDocument): CorpusDocument {
    let changed = false;
    const left = new Set<string>();
    const spans = [];
    for (const span of document.spans) {
      const label = this.map(span.label);
      if (label === span.label) {
        spans.push(span);
        continue;
      }
      changed = true;
      this.count(label === null ? `${span.label} left out` : `${span.label} → ${label}`);
      if (label === null) left.add(span.id);
      else spans.push({ ...span, label });
    }
    if (!changed) return document;
    const out: CorpusDocument = { ...document, spans, relations: document.relations.filter((relation) => !left.has(relation.fromSpanId) && !left.has(relation.toSpanId)) };
    if (document.notes !== undefined) out.notes = document.notes.filter((note) => !left.has(note.targetId));
    return out;
  }

  /** One line on what was read as another label or left out, or undefined when nothing was. */
  warning(): string | undefined {
    if (this.counts.size === 0) return undefined;
    return `labels read as the schema's: ${[...this.counts].map(([what, spans]) => `${what} (${spans} span${spans === 1 ? '' : 's'})`).join(', ')}`;
  }

  private count(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
}

/** The import's message for labels the schema lacks: each once, with its spans; `unknownLabelsIn` reads it back. */
export function describeUnknownLabels(spanIdsByLabel: ReadonlyMap<string, readonly string[]>, knownLabels: string): string {
  const which = [...spanIdsByLabel].map(([label, ids]) => `«${label}» (${ids.length === 1 ? `span «${ids[0]}»` : `${ids.length} spans, the first «${ids[0]}»`})`);
  const one = spanIdsByLabel.size === 1;
  return `unknown label${one ? '' : 's'} ${which.join(', ')}; the labels are ${knownLabels}: map ${one ? 'it' : 'each'} to one of them (label mapping in the import dialog, --map-label FROM=TO on the command line) or switch the schema`;
}

/** The labels an import refused for being unknown, from its message (the import dialog offers to map them). */
export function unknownLabelsIn(message: string): string[] {
  const labels: string[] = [];
  for (const part of message.matchAll(/unknown labels? ((?:«[^»]*» \((?:span «[^»]*»|\d+ spans, the first «[^»]*»)\)(?:, )?)+);/gu)) {
    for (const label of part[1]!.matchAll(/«([^»]*)» \((?:span|\d+ spans)/gu)) if (!labels.includes(label[1]!)) labels.push(label[1]!);
  }
  return labels;
}
