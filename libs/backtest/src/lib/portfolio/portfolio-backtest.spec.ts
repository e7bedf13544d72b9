import { BarSeries, DAY_MS } from '@aetherquant/core';
import { buyAndHoldEquity } from '../engine/buy-and-hold';
import { rebalanceBars, runPortfolioBacktest } from './portfolio-backtest';

/** Weekday bars from 2020-01-01 for each close column, all on one calendar. */
function aligned(columns: number[][]): BarSeries[] {
  const times: number[] = [];
  for (let day = Date.UTC(2020, 0, 1); times.length < (columns[0] as number[]).length; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) times.push(day);
  }
  return columns.map(
    (close, i) =>
      new BarSeries({
        symbol: `A${i}`,
        interval: '1d',
        time: times,
        open: close,
        high: close,
        low: close,
        close,
        volume: close.map(() => 1),
      }),
  );
}

/** A deterministic wiggly path per asset: distinct drifts and cycles, always positive. */
function path(asset: number, length: number): number[] {
  return Array.from(
    { length },
    (_, t) => 100 * Math.exp(0.0004 * (asset + 1) * t + 0.03 * Math.sin(t / (5 + 3 * asset) + asset)),
  );
}

describe('rebalanceBars', () => {
  it('rebalances at the first bar of each month or quarter, or every N bars', () => {
    const times = Float64Array.from(
      ['2020-01-30', '2020-01-31', '2020-02-03', '2020-03-02', '2020-03-31', '2020-04-01', '2020-07-01'].map(
        (d) => Date.parse(d),
      ),
    );
    expect(rebalanceBars(times, 'monthly')).toEqual([0, 2, 3, 5, 6]);
    expect(rebalanceBars(times, 'quarterly')).toEqual([0, 5, 6]);
    expect(rebalanceBars(times, { everyBars: 3 })).toEqual([0, 3, 6]);
  });
});

describe('runPortfolioBacktest', () => {
  const options = {
    initialCash: 1000,
    commissionBps: 10,
    slippageBps: 5,
    rebalance: { everyBars: 5 },
    lookback: '1mo',
  } as const;

  it('lets holdings drift between rebalances and charges costs on each rebalance’s turnover', () => {
    const series = aligned([path(0, 80), path(1, 80)]);
    const result = runPortfolioBacktest(series, { ...options, allocation: 'equal-weight' });
    // An independent replay: values per asset, growing with prices, traded to ½/½ at each rebalance.
    const cost = 15 / 10_000;
    const closes = series.map((s) => s.close);
    const start = result.rebalances[0]?.index as number;
    let values = [0, 0];
    const expected: number[] = [];
    for (let t = start; t < 80; t++) {
      if (t > start)
        values = values.map((v, i) => v * ((closes[i]?.[t] as number) / (closes[i]?.[t - 1] as number)));
      let total = t === start ? 1000 : (values[0] as number) + (values[1] as number);
      if ((t - start) % 5 === 0) {
        const turnover = values.reduce((sum, v) => sum + Math.abs(0.5 - (t === start ? 0 : v / total)), 0);
        total *= 1 - turnover * cost;
        values = [total / 2, total / 2];
      }
      expected.push((values[0] as number) + (values[1] as number));
    }
    expect(result.equity.length).toBe(expected.length);
    result.equity.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 9));
    // The first rebalance buys everything: turnover 1, cost 1000 · 0.0015 = 1.5.
    expect(result.rebalances[0]?.turnover).toBe(1);
    expect(result.equity[0]).toBeCloseTo(998.5, 12);
    // The equal-weight allocation is its own benchmark.
    expect(Array.from(result.benchmarkEquity)).toEqual(Array.from(result.equity));
  });

  it('starts at the first scheduled bar whose lookback window the history covers', () => {
    const series = aligned([path(0, 80), path(1, 80)]);
    const result = runPortfolioBacktest(series, { ...options, allocation: 'equal-weight' });
    const first = result.rebalances[0] as { index: number; time: number };
    // 1mo back from the first rebalance must not reach before the first bar; 5 bars earlier it would.
    expect(first.time - 31 * DAY_MS).toBeGreaterThanOrEqual((series[0]?.time[0] as number) - DAY_MS);
    expect(first.index % 5).toBe(0);
    expect(result.time[0]).toBe(first.time);
  });

  it('measures against a chosen benchmark bought at the first allocation’s close and held, without costs', () => {
    const series = aligned([path(0, 80), path(1, 80)]);
    const benchmarkCloses = Float64Array.from(path(3, 80));
    const own = runPortfolioBacktest(series, { ...options, allocation: 'equal-weight' });
    const chosen = runPortfolioBacktest(series, { ...options, allocation: 'equal-weight', benchmarkCloses });
    const start = own.rebalances[0]?.index as number;
    expect(start).toBeGreaterThan(0);
    // An independent replay: the cash × close[t] / close[start], from the first allocation on.
    Array.from(chosen.benchmarkEquity).forEach((value, j) =>
      expect(value).toBeCloseTo(
        (1000 * (benchmarkCloses[start + j] as number)) / (benchmarkCloses[start] as number),
        9,
      ),
    );
    expect(Array.from(chosen.benchmarkEquity)).toEqual(
      Array.from(buyAndHoldEquity(benchmarkCloses, 1000, start)),
    );
    // The portfolio itself is unchanged; beta is now measured against the chosen benchmark.
    expect(Array.from(chosen.equity)).toEqual(Array.from(own.equity));
    expect(chosen.summary.beta).not.toBe(own.summary.beta);
  });

  it('computes each rebalance’s weights from bars up to it only (no look-ahead)', () => {
    const series = aligned([path(0, 120), path(1, 120), path(2, 120)]);
    const full = runPortfolioBacktest(series, { ...options, allocation: 'risk-parity' });
    const middle = full.rebalances[Math.floor(full.rebalances.length / 2)] as { index: number };
    const cut = runPortfolioBacktest(
      series.map((s) => s.slice(0, middle.index + 1)),
      { ...options, allocation: 'risk-parity' },
    );
    expect(cut.rebalances.map((r) => r.weights)).toEqual(
      full.rebalances.slice(0, cut.rebalances.length).map((r) => r.weights),
    );
    for (const rebalance of full.rebalances)
      expect(rebalance.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('refuses fewer than two symbols, a bad schedule, negative costs and a lookback the history cannot hold', () => {
    const series = aligned([path(0, 40), path(1, 40)]);
    expect(() =>
      runPortfolioBacktest(series.slice(0, 1), { ...options, allocation: 'equal-weight' }),
    ).toThrow('symbols must name at least two symbols');
    expect(() =>
      runPortfolioBacktest(series, { ...options, allocation: 'equal-weight', rebalance: { everyBars: 0 } }),
    ).toThrow('rebalance must be monthly');
    expect(() =>
      runPortfolioBacktest(series, { ...options, allocation: 'equal-weight', commissionBps: -1 }),
    ).toThrow('commission_bps must be at least 0');
    expect(() =>
      runPortfolioBacktest(series, { ...options, allocation: 'equal-weight', lookback: '1y' }),
    ).toThrow('lookback 1y leaves no rebalance');
  });
});
