import { wilderAverageTrueRange } from '../atr/atr';
import type { BandColumns } from '../bollinger-bands/bollinger-bands';
import { exponentialSmoothing } from '../ema/ema';
import { outputColumn, requireMultiplier, requirePeriod, requireSameLength } from '../validation/validation';

/** The windows of {@link keltnerChannels}; 20, 10 and 2 (Linda Raschke's modern version) when left out. */
export interface KeltnerChannelsOptions {
  /** Bars of the EMA of closes that is the middle line, an integer ≥ 1 (20). */
  emaPeriod?: number;
  /** Bars of the Wilder ATR that sets the width, an integer ≥ 1 (10). */
  atrPeriod?: number;
  /** ATRs between the middle line and each band, ≥ 0 (2). */
  multiplier?: number;
}

function resolve(options: KeltnerChannelsOptions): Required<KeltnerChannelsOptions> {
  const { emaPeriod = 20, atrPeriod = 10, multiplier = 2 } = options;
  requirePeriod('keltnerChannels', 'emaPeriod', emaPeriod);
  requirePeriod('keltnerChannels', 'atrPeriod', atrPeriod);
  requireMultiplier('keltnerChannels', 'multiplier', multiplier);
  return { emaPeriod, atrPeriod, multiplier };
}

/**
 * Keltner channels in their modern form: `middle` = {@link ema} of closes over `emaPeriod`,
 * `upper`/`lower` = middle ± multiplier × Wilder's {@link atr} over `atrPeriod`.
 *
 * Warm-up: `max(emaPeriod − 1, atrPeriod)` leading NaN in the bands (the middle alone: `emaPeriod − 1`;
 * see {@link keltnerChannelsWarmup}). O(n), the three columns and no other array.
 *
 * @param high - highs
 * @param low - lows, as many as highs
 * @param close - closes, as many as highs
 * @param options - `emaPeriod` (20), `atrPeriod` (10), `multiplier` (2)
 * @param out - columns to write, one slot per bar each; new ones when left out
 */
export function keltnerChannels(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  options: KeltnerChannelsOptions = {},
  out?: BandColumns,
): BandColumns {
  const { emaPeriod, atrPeriod, multiplier } = resolve(options);
  const n = requireSameLength('keltnerChannels', { high, low, close });
  const middle = outputColumn('keltnerChannels', 'out.middle', n, out?.middle);
  const upper = outputColumn('keltnerChannels', 'out.upper', n, out?.upper);
  const lower = outputColumn('keltnerChannels', 'out.lower', n, out?.lower);
  exponentialSmoothing(close, 0, emaPeriod, 2 / (emaPeriod + 1), middle);
  // The ATR goes in `upper` before the bands are formed in place.
  wilderAverageTrueRange(high, low, close, atrPeriod, upper);
  for (let t = 0; t < n; t++) {
    const width = multiplier * (upper[t] as number);
    upper[t] = (middle[t] as number) + width;
    lower[t] = (middle[t] as number) - width;
  }
  return { middle, upper, lower };
}

/** Leading NaN bars of the bands of {@link keltnerChannels}: `max(emaPeriod − 1, atrPeriod)`. */
export function keltnerChannelsWarmup(options: KeltnerChannelsOptions = {}): number {
  const { emaPeriod, atrPeriod } = resolve(options);
  return Math.max(emaPeriod - 1, atrPeriod);
}
