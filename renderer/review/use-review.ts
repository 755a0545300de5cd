// The review page's state: the export files and the database layers given to it, and the
// computation of the review over them in the worker (loading, result, or why it failed).
import { useCallback, useEffect, useRef, useState } from 'react';
import { GOLD_ANNOTATOR_NAME } from '../../shared/adjudication/gold-layer';
import type { RpcInvoke } from '../../shared/rpc/rpc-client';
import type { ReviewDocument } from '../../shared/review/review-types';
import type { ReviewMeasures } from './compute-review';
import { createReviewRunner, type ReviewRunner } from './create-review-runner';
import { layersNamed } from './layers-named';
import type { ReviewSourceBlob } from './review-worker-messages';

export interface ReviewSource extends ReviewSourceBlob {
  /** The database's own layers (every annotator, gold included), reloaded on request. */
  readonly fromDatabase: boolean;
}

export type ReviewStatus =
  | { readonly state: 'empty' }
  /** `previous` stays on screen while the new sources are measured (e.g. after a gold decision). */
  | { readonly state: 'computing'; readonly previous: ReviewMeasures | null }
  | { readonly state: 'done'; readonly computation: ReviewMeasures }
  | { readonly state: 'failed'; readonly file: string | null; readonly message: string };

export interface ReviewState {
  readonly sources: readonly ReviewSource[];
  readonly status: ReviewStatus;
  /** A file or the database could not be read (before any computation). */
  readonly readError: string | null;
  readonly loadingDatabase: boolean;
  addFiles(files: readonly File[]): void;
  loadDatabase(): Promise<void>;
  /** After an adjudication: reloads this database, or only its gold layer when the database is not a source (debounced). */
  reloadGold(): void;
  /** One document of the measured review, with every annotator's spans (for the side-by-side view). */
  fetchDocument(sha256: string): Promise<ReviewDocument | null>;
  removeSource(name: string): void;
  clear(): void;
}

/** A name not yet taken: two files called export.json from different folders stay two sources. */
function uniqueName(name: string, taken: readonly ReviewSource[]): string {
  const names = new Set(taken.map((s) => s.name));
  if (!names.has(name)) return name;
  for (let n = 2; ; n++) if (!names.has(`${name} (${n})`)) return `${name} (${n})`;
}

const GOLD_RELOAD_DELAY_MS = 600;

/** Word tokens are segmented as Arabic whatever the interface language: the articles are Arabic. */
const TEXT_LOCALE = 'ar';

export function useReview(rpc: RpcInvoke, databaseName: string): ReviewState {
  const [sources, setSources] = useState<readonly ReviewSource[]>([]);
  const [status, setStatus] = useState<ReviewStatus>({ state: 'empty' });
  const [readError, setReadError] = useState<string | null>(null);
  const [loadingDatabase, setLoadingDatabase] = useState(false);
  const runner = useRef<ReviewRunner | null>(null);

  useEffect(() => {
    const created = createReviewRunner();
    runner.current = created;
    return () => {
      created.dispose();
      runner.current = null;
    };
  }, []);

  useEffect(() => {
    const current = runner.current;
    if (sources.length === 0 || current === null) {
      setStatus({ state: 'empty' });
      return;
    }
    setStatus((before) => ({ state: 'computing', previous: before.state === 'done' ? before.computation : before.state === 'computing' ? before.previous : null }));
    let live = true;
    void current.run(sources, TEXT_LOCALE).then((outcome) => {
      if (!live || outcome.kind === 'superseded') return;
      if (outcome.kind === 'crashed') setStatus({ state: 'failed', file: null, message: outcome.message });
      else if (outcome.result.ok) setStatus({ state: 'done', computation: outcome.result.value });
      else setStatus({ state: 'failed', file: outcome.result.error.file, message: outcome.result.error.message });
    });
    return () => {
      live = false;
    };
  }, [sources]);

  // The files themselves go to the worker, which reads them: no decoding on the page.
  const addFiles = useCallback((files: readonly File[]) => {
    performance.mark('isnad:review-files-start');
    setReadError(null);
    setSources((list) => {
      const next = [...list];
      for (const file of files) next.push({ name: uniqueName(file.name, next), blob: file, fromDatabase: false });
      return next;
    });
  }, []);

  const readDatabase = useCallback(
    async (goldOnly: boolean) => {
      setReadError(null);
      setLoadingDatabase(true);
      try {
        const result = await rpc('export.build', {});
        if (!result.ok) {
          setReadError(result.error.message);
          return;
        }
        const content = JSON.stringify(goldOnly ? layersNamed(result.value, GOLD_ANNOTATOR_NAME) : result.value);
        const name = goldOnly ? `${GOLD_ANNOTATOR_NAME} (${databaseName})` : databaseName;
        // Replaces the earlier copy: after adjudication the gold layer must be the new one, not both.
        setSources((list) => [...list.filter((s) => !s.fromDatabase), { name, blob: new Blob([content], { type: 'application/json' }), fromDatabase: true }]);
      } finally {
        setLoadingDatabase(false);
      }
    },
    [rpc, databaseName],
  );

  const loadDatabase = useCallback(async () => {
    performance.mark('isnad:review-database-start');
    await readDatabase(false);
  }, [readDatabase]);

  const sourcesRef = useRef(sources);
  sourcesRef.current = sources;
  // Decisions come in bursts (one key press each): reload once the reviewer pauses, not per decision.
  const goldTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (goldTimer.current !== null) clearTimeout(goldTimer.current);
    },
    [],
  );
  const reloadGold = useCallback(() => {
    if (goldTimer.current !== null) clearTimeout(goldTimer.current);
    goldTimer.current = setTimeout(() => {
      goldTimer.current = null;
      const database = sourcesRef.current.find((s) => s.fromDatabase);
      void readDatabase(database === undefined || database.name !== databaseName);
    }, GOLD_RELOAD_DELAY_MS);
  }, [readDatabase, databaseName]);

  const removeSource = useCallback((name: string) => setSources((list) => list.filter((s) => s.name !== name)), []);
  const clear = useCallback(() => {
    setSources([]);
    setReadError(null);
  }, []);

  const fetchDocument = useCallback(async (sha256: string) => (await runner.current?.document(sha256)) ?? null, []);

  return { sources, status, readError, loadingDatabase, addFiles, loadDatabase, reloadGold, fetchDocument, removeSource, clear };
}
