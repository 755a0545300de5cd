// Counts how two annotators' categories co-occur on the same items (rows: A, columns: B).

export type Category = string | number;

export interface ConfusionMatrix {
  /** Sorted: numbers ascending before strings in code-unit order, so the matrix is stable. */
  readonly categories: readonly Category[];
  /** counts[i][j]: items A put in categories[i] and B in categories[j]. */
  readonly counts: readonly (readonly number[])[];
}

export function confusionMatrix(pairs: Iterable<readonly [Category, Category]>): ConfusionMatrix {
  const list = [...pairs];
  const seen = new Set<Category>();
  for (const [a, b] of list) {
    seen.add(a);
    seen.add(b);
  }
  const categories = [...seen].sort(compareCategories);
  const index = new Map(categories.map((c, i) => [c, i]));
  const counts = categories.map(() => categories.map(() => 0));
  for (const [a, b] of list) counts[index.get(a)!]![index.get(b)!]!++;
  return { categories, counts };
}

/** The same matrix from counts already tallied: byA.get(a).get(b) items that A put in a and B in b. */
export function confusionMatrixFromCounts(byA: ReadonlyMap<Category, ReadonlyMap<Category, number>>): ConfusionMatrix {
  const seen = new Set<Category>();
  for (const [a, byB] of byA) {
    seen.add(a);
    for (const b of byB.keys()) seen.add(b);
  }
  const categories = [...seen].sort(compareCategories);
  const index = new Map(categories.map((c, i) => [c, i]));
  const counts = categories.map(() => categories.map(() => 0));
  for (const [a, byB] of byA) for (const [b, count] of byB) counts[index.get(a)!]![index.get(b)!]! += count;
  return { categories, counts };
}

function compareCategories(x: Category, y: Category): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number') return -1;
  if (typeof y === 'number') return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
