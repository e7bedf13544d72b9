import { AetherError } from '@aetherquant/core';
import { exponentialSmoothing } from '../ema/ema';
import { outputColumn, requirePeriod } from '../validation/validation';

/** The windows of {@link macd}; Gerald Appel's 12, 26 and 9 when left out. */
export interface MacdOptions {
  /** Bars of the fast EMA, an integer ≥ 1 less than `slowPeriod` (12). */
  fastPeriod?: number;
  /** Bars of the slow EMA (26). */
  slowPeriod?: number;
  /** Bars of the signal line, the EMA of the MACD line (9). */
  signalPeriod?: number;
}

/** The three columns of {@link macd}. */
export interface MacdColumns {
  /** EMA(fast) − EMA(slow). */
  line: Float64Array;
  /** EMA(signalPeriod) of the line. */
  signal: Float64Array;
  /** line − signal. */
  histogram: Float64Array;
}

function resolve(options: MacdOptions): Required<MacdOptions> {
  const { fastPeriod = 12, slowPeriod = 26, signalPeriod = 9 } = options;
  requirePeriod('macd', 'fastPeriod', fastPeriod);
  requirePeriod('macd', 'slowPeriod', slowPeriod, 2);
  requirePeriod('macd', 'signalPeriod', signalPeriod);
  if (fastPeriod >= slowPeriod) {
    throw AetherError.invalid(
      [{ field: 'fastPeriod', rule: `must be less than slowPeriod (got ${fastPeriod}, ${slowPeriod})` }],
      'macd',
    );
  }
  return { fastPeriod, slowPeriod, signalPeriod };
}

/**
 * Moving average convergence/divergence (Gerald Appel): `line = EMA(fast) − EMA(slow)`,
 * `signal = EMA(signalPeriod)` of the line, `histogram = line − signal`. Each EMA is seeded with the simple
 * mean of its first window ({@link ema}); the signal line's first window is the first `signalPeriod`
 * values of the line.
 *
 * Warm-up: the line has `slowPeriod − 1` leading NaN, the signal and the histogram
 * `slowPeriod + signalPeriod − 2` (see {@link macdWarmup}). O(n), the three columns and no other array.
 *
 * @param values - closes
 * @param options - the windows (12, 26, 9)
 * @param out - columns to write, one slot per bar each; new ones when left out
 */
export function macd(values: ArrayLike<number>, options: MacdOptions = {}, out?: MacdColumns): MacdColumns {
  const { fastPeriod, slowPeriod, signalPeriod } = resolve(options);
  const n = values.length;
  const line = outputColumn('macd', 'out.line', n, out?.line);
  const signal = outputColumn('macd', 'out.signal', n, out?.signal);
  const histogram = outputColumn('macd', 'out.histogram', n, out?.histogram);
  // The fast EMA goes in `line` and the slow one in `histogram` before they are combined in place.
  exponentialSmoothing(values, 0, fastPeriod, 2 / (fastPeriod + 1), line);
  exponentialSmoothing(values, 0, slowPeriod, 2 / (slowPeriod + 1), histogram);
  for (let t = 0; t < n; t++) line[t] = (line[t] as number) - (histogram[t] as number);
  exponentialSmoothing(line, slowPeriod - 1, signalPeriod, 2 / (signalPeriod + 1), signal);
  for (let t = 0; t < n; t++) histogram[t] = (line[t] as number) - (signal[t] as number);
  return { line, signal, histogram };
}

/** Leading NaN bars of every column of {@link macd}: `slowPeriod + signalPeriod − 2` (the line alone: `slowPeriod − 1`). */
export function macdWarmup(options: MacdOptions = {}): number {
  const { slowPeriod, signalPeriod } = resolve(options);
  return slowPeriod + signalPeriod - 2;
}
