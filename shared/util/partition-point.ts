// The one binary search the project uses: offsets, tokens and paragraph starts are all sorted
// arrays, and every lookup is "how many entries come before this point".

/**
 * The first index in [0, length) for which `isBefore` is false, given that it is true for a prefix
 * of the indices and false for the rest (length when it is true everywhere).
 */
export function partitionPoint(length: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values in an ascending array that are strictly below `value`. */
export function countBelow(sorted: ArrayLike<number>, value: number): number {
  return partitionPoint(sorted.length, (index) => sorted[index]! < value);
}
