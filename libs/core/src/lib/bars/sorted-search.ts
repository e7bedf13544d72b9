/**
 * The first index in `sorted[0, length)` whose value is ≥ `value`, or `length` if none is: a binary search
 * (lower bound) over ascending values such as bar times.
 */
export function firstIndexAtOrAfter(sorted: Float64Array, value: number, length = sorted.length): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
