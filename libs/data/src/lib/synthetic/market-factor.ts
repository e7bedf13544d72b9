import { CounterRandom } from './counter-random';
import { firstBusinessDayAtOrAfter } from './synthetic-calendar';

/**
 * Math's functions held in module constants: under Jest's sandbox every `Math.x` is a global lookup through
 * the context's interceptor (~200 ns each, 100× a local), which turns hot loops into slow tests.
 */
const { floor, sqrt } = Math;

/** The market factor's stream id: fixed, shared by every symbol under a seed. */
export const MARKET_STREAM = 0;

/** The first calendar year of the synthetic history, where the first block starts. */
const FIRST_YEAR = 1990;
/**
 * Calendar years per block of the market factor: blocks are 1990–1994, 1995–1999, …, 2020–2024, 2025–2029,
 * and over each one the factor's shocks sum to exactly zero (see {@link marketShocks}).
 */
export const MARKET_BLOCK_YEARS = 5;

/** The business-day index of the first session of block `k` (1 January of `1990 + 5k`, or the next Monday). */
export function marketBlockStart(k: number): number {
  return firstBusinessDayAtOrAfter(Date.UTC(FIRST_YEAR + MARKET_BLOCK_YEARS * k, 0, 1));
}

/** The index of the block holding business day `d` (≥ 0). */
export function marketBlockOf(d: number): number {
  // Each block holds 1,304 to 1,306 sessions, so the estimate is off by at most one block either way.
  let k = floor(d / 1305);
  while (k > 0 && marketBlockStart(k) > d) k--;
  while (marketBlockStart(k + 1) <= d) k++;
  return k;
}

/**
 * The standardised market shocks `m_d` for business days `0 … lastDay` (and on to the end of the block
 * holding `lastDay`): the common factor every symbol loads on, a pure function of the seed and the day.
 *
 * **A Brownian bridge per block.** With independent standard normals `z_d` (`CounterRandom(seed, 0)` at
 * counter `d`), a block of `N` sessions gets `m_d = √(N/(N − 1))·(z_d − z̄)`, `z̄` the block's mean. So:
 * - `Σ m_d = 0` over every block: the factor's cumulative sum (its random walk) starts and ends each block on
 *   zero, a discrete Brownian bridge (for i.i.d. normals, `z − z̄` is exactly `z` conditioned on `Σ z = 0`).
 *   Every symbol's market part therefore earns exactly its expected log return, `(μ − σ²/2)` a year, over a
 *   block, under every seed: a 30-year window from 1 January 1995 sees no market luck at all, where a plain
 *   random walk with σ = 17 % would miss its drift by 17 %/√30 ≈ 3 % a year (one standard error).
 * - Each `m_d` is exactly a standard normal (the factor `√(N/(N − 1))` restores the variance `1 − 1/N` that
 *   removing the mean takes away), so daily returns stay normal with the symbol's volatility. Two days of a
 *   block correlate `−1/(N − 1)` ≈ −0.0008: nothing for any one pair, but summed over a block it is the pin,
 *   a pull back towards the trend that a strategy knowing the block boundaries could exploit.
 * - Inside a block the factor wanders as a random walk would (at a fraction t of the block its deviation
 *   from the trend has a standard deviation of `σ·√(5·t(1 − t))`, ≈ 19 % at mid-block for σ = 17 %), so
 *   crashes and rallies of a few years remain. Over a window that does not start and end on block
 *   boundaries, the two end deviations divided by the window's length are the market's luck: up to ±0.9 %
 *   a year over 30 years (one standard deviation, both ends mid-block).
 *
 * Blocks reach past `lastDay` when it falls inside one: a day's shock never depends on the clock, so a
 * window is the same slice of one path whatever `now` is.
 */
export function marketShocks(seed: number, lastDay: number): Float64Array {
  const cached = cache.get(seed);
  if (cached && cached.length > lastDay) return cached;
  const market = new CounterRandom(seed, MARKET_STREAM);
  const end = marketBlockStart(marketBlockOf(Math.max(0, lastDay)) + 1);
  const shocks = new Float64Array(end);
  for (let k = 0, start = 0; start < end; k++) {
    const next = marketBlockStart(k + 1);
    const n = next - start;
    let sum = 0;
    for (let d = start; d < next; d++) {
      const z = market.normal(d);
      shocks[d] = z;
      sum += z;
    }
    const mean = sum / n;
    const scale = sqrt(n / (n - 1));
    for (let d = start; d < next; d++) shocks[d] = scale * ((shocks[d] as number) - mean);
    start = next;
  }
  cache.delete(seed);
  if (cache.size >= CACHE_SEEDS) cache.delete(cache.keys().next().value as number);
  cache.set(seed, shocks);
  return shocks;
}

/**
 * The factor of the last few seeds asked for: every symbol under a seed shares it, so a portfolio of 50
 * symbols draws it once. Callers only read it. Entries are whole blocks from day 0, so a longer request
 * replaces a shorter one and any entry gives the same values for the days it holds.
 */
const cache = new Map<number, Float64Array>();
const CACHE_SEEDS = 4;
