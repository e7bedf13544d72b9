import type { BandColumns } from '../bollinger-bands/bollinger-bands';
import { rollingExtreme } from '../rolling-extremes/rolling-extremes';
import { outputColumn, requirePeriod, requireSameLength } from '../validation/validation';

/**
 * Donchian channels (Richard Donchian): `upper` = the highest high and `lower` = the lowest low of the last
 * `period` bars, bar t included; `middle` = (upper + lower) / 2. (A breakout rule compares bar t with the
 * channel of the bars BEFORE it: read the channel at t − 1.)
 *
 * Warm-up: `period − 1` leading NaN in each band (see {@link donchianChannelsWarmup}). O(n) with monotonic
 * deques; the bands are exact highs and lows.
 *
 * @param high - highs
 * @param low - lows, as many as highs
 * @param period - bars in the channel, an integer ≥ 1
 * @param out - columns to write, one slot per bar each; new ones when left out
 */
export function donchianChannels(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  period: number,
  out?: BandColumns,
): BandColumns {
  requirePeriod('donchianChannels', 'period', period);
  const n = requireSameLength('donchianChannels', { high, low });
  const middle = outputColumn('donchianChannels', 'out.middle', n, out?.middle);
  const upper = outputColumn('donchianChannels', 'out.upper', n, out?.upper);
  const lower = outputColumn('donchianChannels', 'out.lower', n, out?.lower);
  rollingExtreme(high, period, 1, upper);
  rollingExtreme(low, period, -1, lower);
  for (let t = 0; t < n; t++) middle[t] = ((upper[t] as number) + (lower[t] as number)) / 2;
  return { middle, upper, lower };
}

/** Leading NaN bars of each of the {@link donchianChannels}: `period − 1`. */
export function donchianChannelsWarmup(period: number): number {
  requirePeriod('donchianChannels', 'period', period);
  return period - 1;
}
