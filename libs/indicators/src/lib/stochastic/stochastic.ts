import { rollingExtreme } from '../rolling-extremes/rolling-extremes';
import { movingMeanFrom } from '../sma/sma';
import { outputColumn, requirePeriod, requireSameLength } from '../validation/validation';

/** The windows of {@link stochastic}; the "slow stochastic" 14, 3, 3 when left out. */
export interface StochasticOptions {
  /** Bars of the highest high and lowest low, an integer ≥ 1 (14). */
  kPeriod?: number;
  /** Bars of the simple moving average that smooths the raw %K into %K; 1 gives the fast stochastic (3). */
  kSmoothing?: number;
  /** Bars of the simple moving average of %K that is %D (3). */
  dPeriod?: number;
}

/** The two lines of {@link stochastic}. */
export interface StochasticColumns {
  /** %K, the smoothed raw %K, 0 … 100. */
  k: Float64Array;
  /** %D, the moving average of %K. */
  d: Float64Array;
}

function resolve(options: StochasticOptions): Required<StochasticOptions> {
  const { kPeriod = 14, kSmoothing = 3, dPeriod = 3 } = options;
  requirePeriod('stochastic', 'kPeriod', kPeriod);
  requirePeriod('stochastic', 'kSmoothing', kSmoothing);
  requirePeriod('stochastic', 'dPeriod', dPeriod);
  return { kPeriod, kSmoothing, dPeriod };
}

/**
 * Stochastic oscillator (George Lane). Raw %K = `100·(close − LL) / (HH − LL)` with HH and LL the highest
 * high and lowest low of the last `kPeriod` bars (bar t included), 0 when HH = LL (a flat window, as
 * TA-Lib and trading-signals treat it); %K = SMA(kSmoothing) of raw %K; %D = SMA(dPeriod) of %K.
 *
 * Warm-up: %K has `kPeriod + kSmoothing − 2` leading NaN, %D `kPeriod + kSmoothing + dPeriod − 3` (see
 * {@link stochasticWarmup}). O(n) (monotonic deques, compensated rolling sums).
 *
 * @param high - highs
 * @param low - lows, as many as highs
 * @param close - closes, as many as highs
 * @param options - `kPeriod` (14), `kSmoothing` (3), `dPeriod` (3)
 * @param out - columns to write, one slot per bar each; new ones when left out
 */
export function stochastic(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  options: StochasticOptions = {},
  out?: StochasticColumns,
): StochasticColumns {
  const { kPeriod, kSmoothing, dPeriod } = resolve(options);
  const n = requireSameLength('stochastic', { high, low, close });
  const k = outputColumn('stochastic', 'out.k', n, out?.k);
  const d = outputColumn('stochastic', 'out.d', n, out?.d);
  const raw = new Float64Array(n);
  // Highest highs in `raw` and lowest lows in `d`, combined into raw %K in place.
  rollingExtreme(high, kPeriod, 1, raw);
  rollingExtreme(low, kPeriod, -1, d);
  for (let t = 0; t < n; t++) {
    const lowest = d[t] as number;
    const range = (raw[t] as number) - lowest;
    raw[t] = range === 0 ? 0 : (((close[t] as number) - lowest) * 100) / range;
  }
  movingMeanFrom(raw, kPeriod - 1, kSmoothing, k);
  movingMeanFrom(k, kPeriod + kSmoothing - 2, dPeriod, d);
  return { k, d };
}

/** Leading NaN bars of both lines of {@link stochastic}: `kPeriod + kSmoothing + dPeriod − 3` (%K alone: `kPeriod + kSmoothing − 2`). */
export function stochasticWarmup(options: StochasticOptions = {}): number {
  const { kPeriod, kSmoothing, dPeriod } = resolve(options);
  return kPeriod + kSmoothing + dPeriod - 3;
}
