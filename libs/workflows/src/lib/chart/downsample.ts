import { AetherError } from '@aetherquant/core';

/** The fewest points a chart may ask for: the first, the last, and one bucket's three extremes. */
export const MIN_CHART_POINTS = 5;

/**
 * The indices of the points a chart keeps, ascending, at most `maxPoints` of them. With `n ≤ maxPoints` every
 * index is kept. Otherwise the first and last are always kept, the indices between them are split into
 * `⌊(maxPoints − 2) / 3⌋` buckets of (near) equal size, and each bucket keeps the indices of its lowest
 * equity, highest equity and deepest drawdown (the first of ties; one index serving two roles counts once).
 * So the peaks, troughs and the deepest drawdown a reader looks for survive, which plain striding would miss.
 *
 * @throws AetherError INVALID_ARGUMENT on `chartPoints` below {@link MIN_CHART_POINTS} or not an integer, or
 *   when `equity` and `drawdown` differ in length.
 */
export function downsampleIndices(
  equity: ArrayLike<number>,
  drawdown: ArrayLike<number>,
  maxPoints: number,
): number[] {
  if (!Number.isInteger(maxPoints) || maxPoints < MIN_CHART_POINTS) {
    throw AetherError.invalid([
      { field: 'chartPoints', rule: `must be an integer of at least ${MIN_CHART_POINTS} (got ${maxPoints})` },
    ]);
  }
  const n = equity.length;
  if (drawdown.length !== n) {
    throw AetherError.invalid([
      { field: 'drawdown', rule: `must have as many points as equity (${drawdown.length} vs ${n})` },
    ]);
  }
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);

  // n > maxPoints ≥ 2 + 3 × buckets, so the inner span (n − 2 indices) has more indices than buckets.
  const buckets = Math.floor((maxPoints - 2) / 3);
  const inner = n - 2;
  const kept = [0];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    let lowest = from;
    let highest = from;
    let deepest = from;
    for (let i = from + 1; i < to; i++) {
      if ((equity[i] as number) < (equity[lowest] as number)) lowest = i;
      if ((equity[i] as number) > (equity[highest] as number)) highest = i;
      if ((drawdown[i] as number) < (drawdown[deepest] as number)) deepest = i;
    }
    kept.push(...[...new Set([lowest, highest, deepest])].sort((a, c) => a - c));
  }
  kept.push(n - 1);
  return kept;
}
