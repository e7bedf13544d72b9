import { rollingMoments } from '../moments/rolling-moments';
import { outputColumn, requireMultiplier, requirePeriod } from '../validation/validation';

/** The windows of {@link bollingerBands}; John Bollinger's 20 bars and 2 deviations when left out. */
export interface BollingerBandsOptions {
  /** Bars in the window, an integer ≥ 2 (20). */
  period?: number;
  /** Standard deviations between the middle and each band, ≥ 0 (2). */
  multiplier?: number;
}

/** The three bands of Bollinger, Keltner and Donchian. */
export interface BandColumns {
  /** The centre line (the mean, the EMA, or the channel's midpoint). */
  middle: Float64Array;
  /** The upper band. */
  upper: Float64Array;
  /** The lower band. */
  lower: Float64Array;
}

function resolve(options: BollingerBandsOptions): Required<BollingerBandsOptions> {
  const { period = 20, multiplier = 2 } = options;
  requirePeriod('bollingerBands', 'period', period, 2);
  requireMultiplier('bollingerBands', 'multiplier', multiplier);
  return { period, multiplier };
}

/**
 * Bollinger bands (John Bollinger, "Bollinger on Bollinger Bands", 2001): `middle` = the mean of the last
 * `period` values, `upper`/`lower` = middle ± multiplier × their POPULATION standard deviation (ddof 0, as
 * Bollinger defines the bands; {@link rollingStandardDeviation} with `'population'`).
 *
 * Warm-up: `period − 1` leading NaN in each band (see {@link bollingerBandsWarmup}). O(n), the three
 * columns and no other array.
 *
 * @param values - closes
 * @param options - `period` (20) and `multiplier` (2)
 * @param out - columns to write, one slot per bar each; new ones when left out
 */
export function bollingerBands(
  values: ArrayLike<number>,
  options: BollingerBandsOptions = {},
  out?: BandColumns,
): BandColumns {
  const { period, multiplier } = resolve(options);
  const n = values.length;
  const middle = outputColumn('bollingerBands', 'out.middle', n, out?.middle);
  const upper = outputColumn('bollingerBands', 'out.upper', n, out?.upper);
  const lower = outputColumn('bollingerBands', 'out.lower', n, out?.lower);
  rollingMoments(values, period, middle, upper);
  for (let t = 0; t < n; t++) {
    const width = multiplier * Math.sqrt((upper[t] as number) / period);
    upper[t] = (middle[t] as number) + width;
    lower[t] = (middle[t] as number) - width;
  }
  return { middle, upper, lower };
}

/** Leading NaN bars of each of the {@link bollingerBands}: `period − 1`. */
export function bollingerBandsWarmup(options: BollingerBandsOptions = {}): number {
  return resolve(options).period - 1;
}
