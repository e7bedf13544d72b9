import { KNOWN_PROFILES } from './known-profiles';
import { businessDayTime, lastAvailableDay } from './synthetic-calendar';
import { SyntheticPath } from './synthetic-path';
import { symbolProfile } from './symbol-profile';
import { SyntheticProvider } from './synthetic-provider';

/**
 * What a user sees of the synthetic market over decades: SPY like a broad index under every seed, prices
 * near the real ones at the end of 2024, correlations as the loadings say. Statistics are computed here in
 * plain loops, independently of the library's risk code. Sweeps over 41 seeds read the daily closes from
 * `SyntheticPath` (the provider's daily bars would also simulate 390 minutes a day, ~100× the work, for
 * the same closes: the first test checks they are the same).
 */

/** Thursday 3 December 2026, noon UTC: history ends on Wednesday 2026-12-02. */
const NOW = Date.UTC(2026, 11, 3, 12);
const provider = (seed: number, now = NOW) => new SyntheticProvider({ seed, now: () => now });
/** The default seed (42) and 40 others. */
const SEEDS = [42, ...Array.from({ length: 40 }, (_, i) => i + 1)];

/** Daily closes and their dates (epoch ms): a provider's series, or a path's closes. */
interface Closes {
  readonly time: Float64Array;
  readonly close: Float64Array;
  readonly length: number;
}

/** The daily closes of `symbol` under `seed` from 1990-01-01 to the clock's last bar, read from the path. */
function pathCloses(seed: number, symbol: string): Closes {
  const lastDay = lastAvailableDay(NOW);
  const path = new SyntheticPath(seed, symbolProfile(symbol), lastDay);
  const time = new Float64Array(lastDay + 1);
  const close = new Float64Array(lastDay + 1);
  for (let d = 0; d <= lastDay; d++) {
    time[d] = businessDayTime(d);
    close[d] = path.closeOf(d);
  }
  return { time, close, length: lastDay + 1 };
}

/** The closes dated from `start` to `end` (inclusive ISO dates). */
function window(series: Closes, start: string, end: string): Closes {
  const [from, to] = [Date.parse(start), Date.parse(end)];
  let [first, last] = [0, series.length - 1];
  while ((series.time[first] as number) < from) first++;
  while ((series.time[last] as number) > to) last--;
  return {
    time: series.time.subarray(first, last + 1),
    close: series.close.subarray(first, last + 1),
    length: last - first + 1,
  };
}

/**
 * Long-run figures of a series of daily closes, over its `n = length − 1` daily log returns `r`:
 * - `volatility`: the sample standard deviation of `r` (ddof = 1) × √252;
 * - `drift`: mean(r) × 252 + volatility²/2, the estimate of μ in E[S_t] = S_0·e^(μt);
 * - `cagr`: (last / first)^(252/n) − 1, the compound rate per 252 sessions (`annual_return`'s definition);
 * - `calendarCagr`: (last / first)^(365.25/days) − 1 over the calendar days between the two closes. The
 *   synthetic calendar has ~261 sessions a year, so it is e^(261/252) ≈ 1.036 times the per-session growth.
 */
function longRun(series: Closes) {
  const n = series.length - 1;
  const close = (i: number) => series.close[i] as number;
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += Math.log(close(i) / close(i - 1));
  const mean = sum / n;
  let squares = 0;
  for (let i = 1; i <= n; i++) squares += (Math.log(close(i) / close(i - 1)) - mean) ** 2;
  const volatility = Math.sqrt((squares / (n - 1)) * 252);
  const days = ((series.time[n] as number) - (series.time[0] as number)) / 86_400_000;
  return {
    drift: mean * 252 + volatility ** 2 / 2,
    cagr: (close(n) / close(0)) ** (252 / n) - 1,
    calendarCagr: (close(n) / close(0)) ** (365.25 / days) - 1,
    volatility,
  };
}
type LongRun = ReturnType<typeof longRun>;

function dailyReturns(series: Closes): Float64Array {
  const returns = new Float64Array(series.length - 1);
  for (let i = 1; i < series.length; i++)
    returns[i - 1] = Math.log((series.close[i] as number) / (series.close[i - 1] as number));
  return returns;
}
function correlation(x: Float64Array, y: Float64Array): number {
  let [mx, my] = [0, 0];
  for (let i = 0; i < x.length; i++) [mx, my] = [mx + (x[i] as number), my + (y[i] as number)];
  [mx, my] = [mx / x.length, my / y.length];
  let [sxy, sxx, syy] = [0, 0, 0];
  for (let i = 0; i < x.length; i++) {
    const [dx, dy] = [(x[i] as number) - mx, (y[i] as number) - my];
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** The smallest and largest value of `field` over `runs`, rounded to 0.01 %: for a readable failure. */
const span = (runs: LongRun[], field: keyof LongRun) =>
  [Math.min(...runs.map((run) => run[field])), Math.max(...runs.map((run) => run[field]))].map(
    (value) => Math.round(value * 10_000) / 10_000,
  );

describe('the synthetic market over decades', () => {
  /** SPY's whole history (1990-01-01 to 2026-12-02) under each seed, from its path; windows are slices. */
  const spy = new Map(SEEDS.map((seed) => [seed, pathCloses(seed, 'SPY')]));
  const spyOf = (seed: number) => spy.get(seed) as Closes;

  it('serves daily closes that are the path’s closes', async () => {
    const served = await provider(42).getBars({ symbol: 'SPY', period: 'max' });
    // 1990-01-01 to 2026-12-02: 1,926 weeks and a Monday to Wednesday.
    expect(served.length).toBe(1926 * 5 + 3);
    expect(Array.from(served.time)).toEqual(Array.from(spyOf(42).time));
    expect(Array.from(served.close)).toEqual(Array.from(spyOf(42).close));
  });

  it('gives SPY a broad index’s drift and volatility over 1995–2024, under the default seed and 40 others', () => {
    // 1995–2024 is six whole blocks of the market factor, whose shocks sum to zero over each: SPY's market
    // part earns exactly μ − σ²/2 = 0.07555 a year, and only its own noise (σ·√(1 − ρ²) ≈ 0.76 % a year,
    // so ±0.14 % over 30 years) and one day's market move (the window's base is the close of 1995-01-02,
    // ±0.04 %) are left. The volatility's SE is σ/√(2n) ≈ 0.17/√15,650 ≈ 0.14 %. Expected, per seed:
    // drift 9.0 %, CAGR e^0.07555 − 1 = 7.85 %, calendar CAGR e^(0.07555·1.0353) − 1 ≈ 8.13 %, volatility
    // 17 %: each at least 0.85 % (≈ 5 SE) inside the 7–10 % and 15–20 % ranges.
    const runs = SEEDS.map((seed) => longRun(window(spyOf(seed), '1995-01-01', '2024-12-31')));
    // 1995–2024: 10,958 days from a Sunday, 1,565 weeks and Sunday to Tuesday.
    expect(window(spyOf(42), '1995-01-01', '2024-12-31').length).toBe(1565 * 5 + 2);
    const ranges = {
      drift: [0.07, 0.1],
      cagr: [0.07, 0.1],
      calendarCagr: [0.07, 0.1],
      volatility: [0.15, 0.2],
    } as const;
    for (const [field, [low, high]] of Object.entries(ranges)) {
      const [min, max] = span(runs, field as keyof LongRun);
      expect(min).toBeGreaterThanOrEqual(low);
      expect(max).toBeLessThanOrEqual(high);
    }
    // Tighter still, as the arithmetic above says: within 0.5 % of 9 % and 7.85 %, 0.6 % of 17 %.
    for (const run of runs) {
      expect(Math.abs(run.drift - 0.09)).toBeLessThan(0.005);
      expect(Math.abs(run.cagr - 0.0785)).toBeLessThan(0.005);
      expect(Math.abs(run.volatility - 0.17)).toBeLessThan(0.006);
    }
  });

  it('keeps SPY near its drift over 30-year windows that cut through blocks', () => {
    // Inside a block the market wanders freely: at a fraction t of it, its deviation from the trend has an
    // SD of ρσ·√(5·t(1 − t)) ≤ 0.17·√1.25 ≈ 0.19. A window cut at both ends (in different blocks, so
    // independently) misses the drift by (D_end − D_start)/30: an SD of at most 0.19·√2/30 ≈ 0.9 % a year.
    // ±3 % around 9 % (drift) and 7.85 % (CAGR) is over 3 SE. A plain random walk would have an SD of 3 %.
    const runs = SEEDS.flatMap((seed) => {
      const series = spyOf(seed);
      return [
        window(series, '1992-07-01', '2022-06-30'),
        window(series, '1993-01-01', '2022-12-31'),
        window(series, '1996-12-03', '2026-12-02'), // period=30y under the clock
      ].map(longRun);
    });
    expect(span(runs, 'drift')[0]).toBeGreaterThanOrEqual(0.06);
    expect(span(runs, 'drift')[1]).toBeLessThanOrEqual(0.12);
    expect(span(runs, 'cagr')[0]).toBeGreaterThanOrEqual(0.0485);
    expect(span(runs, 'cagr')[1]).toBeLessThanOrEqual(0.1085);
    expect(runs.length).toBe(3 * SEEDS.length);
    expect(span(runs, 'volatility')[0]).toBeGreaterThanOrEqual(0.15);
    expect(span(runs, 'volatility')[1]).toBeLessThanOrEqual(0.2);
  });

  it('puts each known symbol’s close on 2024-12-31 at its real level, under every seed and clock', async () => {
    for (const seed of [42, 1, 2]) {
      for (const symbol of ['SPY', 'TLT', 'GLD', 'NVDA', 'BRK.B']) {
        const bars = await provider(seed).getBars({ symbol, start: '2024-12-31', end: '2024-12-31' });
        expect([symbol, bars.length]).toEqual([symbol, 1]);
        expect(bars.close[0]).toBeCloseTo(symbolProfile(symbol).anchorPrice, 9);
      }
    }
    expect(KNOWN_PROFILES['SPY']?.anchorPrice).toBe(586);
    // A clock before the anchor date sees the same history: the path is drawn on to the anchor regardless.
    const early = await provider(42, Date.UTC(2024, 5, 3, 12)).getBars({ symbol: 'QQQ', period: '2y' });
    const late = await provider(42).getBars({ symbol: 'QQQ', start: '2022-06-01', end: '2024-05-31' });
    expect(early.length).toBeGreaterThan(500);
    expect(Array.from(late.close)).toEqual(Array.from(early.close));
    expect(Array.from(late.time)).toEqual(Array.from(early.time));
  });

  it('keeps SPY near its real level in the years before the anchor, under every seed', () => {
    // Going back from $586 at the end of 2024, the trend loses 7.6 % a year; the market's deviation from it
    // at 2023-01-03 (t = 0.6 of the 2020–2024 block) has an SD of 0.17·√(5·0.24) ≈ 0.19. So the close then
    // is 586·e^(−2·0.0756 ± 0.19) ≈ $503·e^(±0.19): between $250 and $900 is over 3 SE either way (real: $381).
    for (const seed of SEEDS) {
      const close = window(spyOf(seed), '2023-01-03', '2023-01-03').close[0] as number;
      expect([seed, close > 250 && close < 900]).toEqual([seed, true]);
    }
  });

  it('correlates SPY strongly with QQQ, weakly and negatively with TLT, hardly with GLD', async () => {
    // Daily returns correlate ρ₁·ρ₂: SPY–QQQ 0.999 · 0.9 ≈ 0.899, SPY–TLT 0.999 · (−0.25) ≈ −0.25,
    // SPY–GLD ≈ 0.05. Over 2005–2024 (n ≈ 5,200) the sample correlation's SE is (1 − ρ²)/√n: 0.0027, 0.013,
    // 0.014; 4 SE each way.
    const returns = async (symbol: string) =>
      dailyReturns(await provider(42).getBars({ symbol, start: '2005-01-01', end: '2024-12-31' }));
    const [spyReturns, qqq, tlt, gld] = await Promise.all(['SPY', 'QQQ', 'TLT', 'GLD'].map(returns));
    const n = (spyReturns as Float64Array).length;
    for (const [other, expected] of [
      [qqq, 0.8991],
      [tlt, -0.24975],
      [gld, 0.04995],
    ] as const) {
      const sample = correlation(spyReturns as Float64Array, other as Float64Array);
      expect(Math.abs(sample - expected)).toBeLessThan((4 * (1 - expected ** 2)) / Math.sqrt(n));
    }
    expect(correlation(spyReturns as Float64Array, qqq as Float64Array)).toBeGreaterThan(0.85);
    expect(Math.abs(correlation(spyReturns as Float64Array, tlt as Float64Array))).toBeLessThan(0.35);
  });

  it('makes an unknown symbol a plausible stock under every seed', async () => {
    for (const symbol of ['ACME', 'ZZZZ', 'S123']) {
      const profile = symbolProfile(symbol);
      expect(profile.known).toBe(false);
      for (const seed of [42, 1, 2]) {
        const series = await provider(seed).getBars({ symbol, start: '2005-01-01', end: '2024-12-31' });
        const run = longRun(series);
        // The volatility is the profile's (SE ≈ 1 % of it over 5,200 days: ±5 % is 5 SE), itself in
        // 18–40 %; the price ends 2024 at the drawn level, between $20 and $500.
        expect(Math.abs(run.volatility / profile.volatility - 1)).toBeLessThan(0.05);
        expect(series.close[series.length - 1]).toBeCloseTo(profile.anchorPrice, 9);
        expect(profile.anchorPrice).toBeGreaterThanOrEqual(20);
        expect(profile.anchorPrice).toBeLessThanOrEqual(500);
        // 2005–2024 is four whole market blocks, so the drift misses μ only by the symbol's own luck, which is
        // not pinned: σ·√(1 − ρ²)/√20 a year per SE (up to 0.4/√20 ≈ 9 %). 4 SE.
        const ownNoise = profile.volatility * Math.sqrt(1 - profile.marketLoading ** 2);
        expect(Math.abs(run.drift - profile.drift)).toBeLessThan((4 * ownNoise) / Math.sqrt(20));
      }
    }
  });
});
