import { defineStrategy } from '../strategy/define-strategy';
import { MAX_WINDOW } from '../strategy/strategy';

/**
 * The baseline: simple moving averages of the closes over `fast` and `slow` bars, each defined only once
 * its window is full (index ≥ window − 1). Target +1 where fast > slow, −1 where fast < slow, 0 where they
 * are equal or the slow average is not defined yet (bars 0 … slow − 2).
 *
 * Both averages are plain running sums divided by the window (`s += c[i]; if (i ≥ w) s −= c[i − w];
 * sma = s / w`), as `simpleMovingAverage` computes them: O(n), no window is ever re-summed, and the
 * backtest goldens expect exactly this arithmetic (no Kahan summation or periodic re-sum: the drift stays
 * near 1e-16 × bars relative to the price, far below a tick).
 */
export const maCrossStrategy = defineStrategy({
  name: 'ma-cross',
  description:
    'Moving-average crossover: long when the fast simple moving average of closes is above the slow one, short when below, flat when equal.',
  parameters: [
    {
      name: 'fast',
      description: 'Bars in the fast simple moving average of closes.',
      kind: 'integer',
      default: 20,
      min: 1,
      max: MAX_WINDOW,
    },
    {
      name: 'slow',
      description: 'Bars in the slow simple moving average of closes; more than fast.',
      kind: 'integer',
      default: 50,
      min: 2,
      max: MAX_WINDOW,
    },
  ],
  warmupParameters: ['slow'],
  // The shortest windows, the tightest gap, and a slow window longer than the short samples.
  contractParameterSets: [
    { fast: 2, slow: 3 },
    { fast: 1, slow: 2 },
    { fast: 5, slow: 30 },
  ],
  crossRules: ({ fast, slow }) =>
    fast < slow ? [] : [{ field: 'fast', rule: `must be less than slow (got fast ${fast}, slow ${slow})` }],
  warmupBars: ({ slow }) => slow - 1,
  compute(series, { fast, slow }, target) {
    maCrossTargets(series.close, fast, slow, target);
  },
});

/** The ma-cross kernel over raw closes, for resolved windows (1 ≤ fast < slow). */
function maCrossTargets(close: Float64Array, fast: number, slow: number, target: Float64Array): void {
  const n = close.length;
  const firstDefined = slow - 1;
  let fastSum = 0;
  let slowSum = 0;
  for (let i = 0; i < n; i++) {
    const price = close[i];
    fastSum += price;
    if (i >= fast) fastSum -= close[i - fast];
    slowSum += price;
    if (i >= slow) slowSum -= close[i - slow];
    if (i < firstDefined) {
      target[i] = 0;
      continue;
    }
    const fastAverage = fastSum / fast;
    const slowAverage = slowSum / slow;
    target[i] = fastAverage > slowAverage ? 1 : fastAverage < slowAverage ? -1 : 0;
  }
}
