// Reference series from trading-signals (bennycode/trading-signals, MIT), the independent implementation
// the kernels are checked against. It works bar by bar (`update`), returning null until it is defined;
// these helpers run it over a whole column and write NaN where it has no value yet. Where its definition
// differs from ours by a convention, the helper says so and matches the convention deliberately.
import { EMA, SMA, WSMA } from 'trading-signals';

/** Runs a bar-by-bar indicator over `length` bars; `step(t)` returns its value at t or null. */
export function column(length: number, step: (t: number) => number | null | undefined): Float64Array {
  const result = new Float64Array(length);
  for (let t = 0; t < length; t++) {
    const value = step(t);
    result[t] = value === null || value === undefined ? Number.NaN : value;
  }
  return result;
}

/**
 * trading-signals' EMA seeded the way ours is: its own `EMA` starts from the first price (pandas'
 * `adjust=False`), ours from the simple mean of the first `period` prices (TA-Lib's). So the library's SMA
 * supplies the seed, and from there the library's EMA recursion runs on its own.
 */
export class SeededEma extends EMA {
  readonly #seed: SMA;
  #seeded = false;

  constructor(interval: number) {
    super(interval);
    this.#seed = new SMA(interval);
  }

  /** NaN until the first window is full (the library's EMA type promises a number on every update). */
  override update(price: number, replace = false): number {
    if (this.#seeded) return super.update(price, replace);
    const mean = this.#seed.update(price, replace);
    if (mean === null) return Number.NaN;
    this.#seeded = true;
    return super.update(mean, replace);
  }
}

/**
 * Wilder's smoothing over a column that is defined from bar `first` on, with trading-signals' `WSMA` (the
 * simple mean of the first `period` values, then `prev + (x − prev) / period`).
 */
export function wilderSmoothing(values: ArrayLike<number>, period: number, first: number): Float64Array {
  const smoothing = new WSMA(period);
  return column(values.length, (t) => (t < first ? null : smoothing.update(values[t] as number, false)));
}
