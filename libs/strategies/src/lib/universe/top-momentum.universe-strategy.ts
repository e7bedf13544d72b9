import { MAX_WINDOW } from '../strategy/strategy';
import { defineUniverseStrategy } from './universe-strategy';

/**
 * Cross-sectional 12-1 momentum: hold the `k` symbols with the highest return from bar t − lookback to bar
 * t − skip (`close[t − skip] / close[t − lookback] − 1`; 252 and 21 bars by default, twelve months less the
 * last one, as Jegadeesh and Titman rank), each at 1/k of equity. The selection is made at the first bar the
 * strategy is ready on (bar `lookback`) and again at the first bar of each calendar month (UTC), held in
 * between; flat before bar `lookback`. Ties go to the symbol listed first. With k at least the number of
 * symbols every symbol is held at 1/k, so the gross exposure is min(k, N)/k ≤ 1. Long-only.
 */
export const topMomentumStrategy = defineUniverseStrategy({
  name: 'top-momentum',
  description:
    'Cross-sectional momentum: holds the k symbols with the best return from lookback to skip bars ago, 1/k each, reselected monthly.',
  parameters: [
    {
      name: 'k',
      description: 'How many symbols to hold, each at 1/k of equity.',
      kind: 'integer',
      default: 2,
      min: 1,
      max: 100,
    },
    {
      name: 'lookback',
      description: 'Bars back to the close the momentum is measured from (252: twelve months).',
      kind: 'integer',
      default: 252,
      min: 2,
      max: MAX_WINDOW,
    },
    {
      name: 'skip',
      description: 'Most recent bars left out of the momentum (21: the last month).',
      kind: 'integer',
      default: 21,
      min: 0,
      max: MAX_WINDOW - 1,
    },
  ],
  warmupParameters: ['lookback'],
  contractParameterSets: [
    { k: 1, lookback: 2, skip: 0 },
    { k: 3, lookback: 20, skip: 5 },
    { k: 1, lookback: 5, skip: 4 },
  ],
  crossRules: ({ lookback, skip }) =>
    (skip as number) < (lookback as number)
      ? []
      : [{ field: 'skip', rule: `must be less than lookback (got ${skip}, lookback ${lookback})` }],
  warmupBars: ({ lookback }) => lookback as number,
  compute(universe, { k, lookback, skip }, targets) {
    const count = universe.length;
    const n = universe[0]?.length ?? 0;
    const held = k as number;
    const from = lookback as number;
    const to = skip as number;
    const weight = 1 / held;
    const time = (universe[0] as (typeof universe)[number]).time;
    const scores = new Float64Array(count);
    const chosen = new Uint8Array(count);
    let month = -1;
    for (let t = 0; t < n; t++) {
      const date = new Date(time[t] as number);
      const thisMonth = date.getUTCFullYear() * 12 + date.getUTCMonth();
      if (t < from) {
        for (let i = 0; i < count; i++) (targets[i] as Float64Array)[t] = 0;
        month = thisMonth;
        continue;
      }
      if (t === from || thisMonth !== month) {
        for (let i = 0; i < count; i++) {
          const close = (universe[i] as (typeof universe)[number]).close;
          scores[i] = (close[t - to] as number) / (close[t - from] as number) - 1;
        }
        select(scores, held, chosen);
      }
      month = thisMonth;
      for (let i = 0; i < count; i++) (targets[i] as Float64Array)[t] = chosen[i] === 1 ? weight : 0;
    }
  },
});

/**
 * Marks the `k` highest scores in `chosen` (1) and the rest 0: repeatedly the best unchosen one, ties to the
 * lower index; a NaN score ranks below every number. O(k·N), allocation-free: universes are small.
 */
function select(scores: Float64Array, k: number, chosen: Uint8Array): void {
  chosen.fill(0);
  const picks = Math.min(k, scores.length);
  for (let pick = 0; pick < picks; pick++) {
    let best = -1;
    for (let i = 0; i < scores.length; i++) {
      if (chosen[i] === 1) continue;
      const score = scores[i] as number;
      const bestScore = scores[best] as number;
      if (best < 0 || score > bestScore || (Number.isNaN(bestScore) && !Number.isNaN(score))) best = i;
    }
    chosen[best] = 1;
  }
}
