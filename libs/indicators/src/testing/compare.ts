/** How two columns differ where both are defined. */
export interface ColumnDifference {
  /** Largest |actual − expected|. */
  maxAbsolute: number;
  /** Largest |actual − expected| / max(1, |expected|). */
  maxRelative: number;
  /** Bars compared. */
  compared: number;
}

/**
 * Checks that `actual` has exactly `warmup` leading NaN and then no NaN, that `expected` is defined from
 * `from` (default: the warm-up) on, and that the two agree there within `tolerance`, relative to
 * max(1, |expected|). Returns the differences (the README quotes them).
 */
export function expectColumnClose(
  actual: Float64Array,
  expected: ArrayLike<number>,
  { warmup, tolerance, from = warmup }: { warmup: number; tolerance: number; from?: number },
): ColumnDifference {
  expect(actual.length).toBe(expected.length);
  const leading = actual.findIndex((value) => !Number.isNaN(value));
  expect(leading).toBe(Math.min(warmup, actual.length) === actual.length ? -1 : warmup);
  let maxAbsolute = 0;
  let maxRelative = 0;
  let worst = -1;
  for (let t = from; t < actual.length; t++) {
    const a = actual[t] as number;
    const e = expected[t] as number;
    if (Number.isNaN(a) || Number.isNaN(e)) {
      throw new Error(`bar ${t}: actual ${a}, expected ${e} (only one may not be NaN after bar ${from})`);
    }
    const absolute = Math.abs(a - e);
    const relative = absolute / Math.max(1, Math.abs(e));
    if (absolute > maxAbsolute) maxAbsolute = absolute;
    if (relative > maxRelative) {
      maxRelative = relative;
      worst = t;
    }
  }
  if (maxRelative > tolerance) {
    throw new Error(
      `bar ${worst}: ${actual[worst]} vs ${expected[worst]}, relative difference ${maxRelative} > ${tolerance}`,
    );
  }
  return { maxAbsolute, maxRelative, compared: Math.max(0, actual.length - from) };
}

/** A reproducible pseudo-random stream (mulberry32), so long synthetic series are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A long price path for drift tests: a random walk around a high level with small moves (level 10 000,
 * moves within ±0.35), where a plain running sum loses the most digits to cancellation. The moves are
 * scaled by an irrational factor so that every price uses all 53 bits (dyadic steps would sum exactly).
 */
export function longRandomWalk(length: number, seed = 7): Float64Array {
  const random = seededRandom(seed);
  const values = new Float64Array(length);
  let price = 10_000;
  for (let t = 0; t < length; t++) {
    price += (random() - 0.5) * Math.SQRT1_2;
    values[t] = price;
  }
  return values;
}

/** `fn` over every window of `period` values ending at t (NaN before the first full window): the naive way. */
export function naiveRolling(
  values: ArrayLike<number>,
  period: number,
  fn: (window: number[]) => number,
): Float64Array {
  const result = new Float64Array(values.length).fill(Number.NaN);
  const all = Array.from(values);
  for (let t = period - 1; t < all.length; t++) result[t] = fn(all.slice(t - period + 1, t + 1));
  return result;
}

/** The sum of `values` with Neumaier's compensation, for references that must not add rounding of their own. */
export function accurateSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const total = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
    sum = total;
  }
  return sum + compensation;
}
