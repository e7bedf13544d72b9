import { AetherError } from '@aetherquant/core';
import { runBacktest } from './vectorised-backtest';
import { dailyBars } from '../../testing/series';

const options = { initialCash: 1000, commissionBps: 0, slippageBps: 0 };

describe('runBacktest', () => {
  it('earns bar t+1’s return with the exposure decided at bar t', () => {
    // closes 100 → 110 → 99 → 108.9: returns +10%, −10%, +10%.
    // targets [1, −1, 0, 0]: bar 1 earns +1·10%, bar 2 earns −1·(−10%) = +10%, bar 3 earns 0.
    // equity: 1000, 1100, 1210, 1210.
    const result = runBacktest(dailyBars([100, 110, 99, 108.9]), Float64Array.from([1, -1, 0, 0]), options);
    const expected = [1000, 1100, 1210, 1210];
    result.equity.forEach((value, t) => expect(value).toBeCloseTo(expected[t] as number, 9));
    // The benchmark holds the asset: 1000 · 108.9/100 (as a running product).
    expect(result.benchmarkEquity[3]).toBeCloseTo(1089, 10);
  });

  it('charges commission and slippage on turnover at the bar where the target changes', () => {
    // cost c = (6 + 4)/10⁴ = 0.001 per unit of turnover.
    // bar 0: target 1, turnover 1 → equity 1000·(1 − 0.001) = 999.
    // bar 1: earns 1·10%, target flips to −1 (turnover 2) → 999·(1 + 0.1 − 0.002) = 1096.902.
    // bar 2: earns −1·(−10%) = 10%, target 0 (turnover 1) → 1096.902·(1 + 0.1 − 0.001) = 1205.495298.
    const result = runBacktest(dailyBars([100, 110, 99]), Float64Array.from([1, -1, 0]), {
      initialCash: 1000,
      commissionBps: 6,
      slippageBps: 4,
    });
    expect(result.equity[0]).toBeCloseTo(999, 10);
    expect(result.equity[1]).toBeCloseTo(1096.902, 10);
    expect(result.equity[2]).toBeCloseTo(1205.495298, 9);
  });

  it('lists trades with entry and exit, units taken, return and P&L from equity, and bars held', () => {
    // targets [0, 1, 1, 0, −0.5, −0.5]: a long from bar 1 to bar 3 and a short from bar 4, open at the end.
    const series = dailyBars([100, 100, 110, 121, 100, 90]);
    const result = runBacktest(series, Float64Array.from([0, 1, 1, 0, -0.5, -0.5]), options);
    // Long: equity 1000 at bar 1, 1100 at bar 2, 1210 at bar 3 → +21%, +210 in cash, 2 bars; it took
    // 1 · 1000 / 100 = 10 units (10 · (121 − 100) = 210).
    // Short (−0.5): 0.5 · 1210 / 100 = 6.05 units; bar 5 earns −0.5·(90/100 − 1) = +5% → 1210·1.05 = 1270.5
    // → +5%, +60.5 in cash, 1 bar, still open.
    expect(result.trades).toEqual([
      expect.objectContaining({
        side: 'long',
        entryIndex: 1,
        exitIndex: 3,
        entryPrice: 100,
        exitPrice: 121,
        size: 10,
        barsHeld: 2,
        open: false,
      }),
      expect.objectContaining({
        side: 'short',
        entryIndex: 4,
        exitIndex: 5,
        entryPrice: 100,
        exitPrice: 90,
        size: expect.closeTo(6.05, 12),
        barsHeld: 1,
        open: true,
      }),
    ]);
    expect(result.trades[0]?.return).toBeCloseTo(0.21, 12);
    expect(result.trades[1]?.return).toBeCloseTo(0.05, 12);
    expect(result.trades[0]?.pnl).toBeCloseTo(210, 9);
    expect(result.trades[1]?.pnl).toBeCloseTo(60.5, 9);
    expect(result.trades[0]?.entryTime).toBe(series.time[1]);
  });

  it('summarises the strategy and the benchmark with the interval’s annualisation', () => {
    const result = runBacktest(dailyBars([100, 110, 99, 108.9]), Float64Array.from([1, -1, 0, 0]), options);
    // total return 1210/1000 − 1 = 0.21; annual return (1.21)^(252/4) − 1 over 4 points.
    expect(result.summary.totalReturn).toBeCloseTo(0.21, 12);
    expect(result.summary.annualReturn).toBeCloseTo(1.21 ** (252 / 4) - 1, 6);
    expect(result.benchmark.totalReturn).toBeCloseTo(0.089, 12);
    expect(result.summary.winRate).toBe(1); // the one trade made money
  });

  it('measures against a chosen benchmark’s closes: buy-and-hold of them, with beta and alpha against it', () => {
    // Traded closes 100 → 110 → 99 → 108.9 held at +1; benchmark closes 50 → 50 → 55 → 44 (aligned).
    // Benchmark: 1000, 1000, 1100, 880. Its returns 0, +10%, −20%; the strategy's +10%, −10%, +10%.
    const series = dailyBars([100, 110, 99, 108.9]);
    const benchmarkCloses = Float64Array.from([50, 50, 55, 44]);
    const result = runBacktest(series, Float64Array.from([1, 1, 1, 1]), { ...options, benchmarkCloses });
    const expected = [1000, 1000, 1100, 880];
    result.benchmarkEquity.forEach((value, t) => expect(value).toBeCloseTo(expected[t] as number, 9));
    expect(result.benchmark.totalReturn).toBeCloseTo(-0.12, 12);
    // beta = cov(r, r_b) / var(r_b), ddof 1 for both: r = (0.1, −0.1, 0.1), r_b = (0, 0.1, −0.2).
    const r = [0.1, -0.1, 0.1];
    const rb = [0, 0.1, -0.2];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const cov = r.reduce((sum, x, i) => sum + (x - mean(r)) * ((rb[i] as number) - mean(rb)), 0) / 2;
    const variance = rb.reduce((sum, x) => sum + (x - mean(rb)) ** 2, 0) / 2;
    expect(result.summary.beta).toBeCloseTo(cov / variance, 9);
    // The strategy is unchanged by the benchmark it is measured against.
    expect(Array.from(result.equity)).toEqual(
      Array.from(runBacktest(series, Float64Array.from([1, 1, 1, 1]), options).equity),
    );
  });

  it('gives the default figures when the chosen benchmark is the traded series itself', () => {
    const series = dailyBars([100, 110, 99, 108.9, 120]);
    const targets = Float64Array.from([1, -1, 0, 0.5, 0.5]);
    const own = runBacktest(series, targets, options);
    const chosen = runBacktest(series, targets, { ...options, benchmarkCloses: series.close });
    expect(Array.from(chosen.benchmarkEquity)).toEqual(Array.from(own.benchmarkEquity));
    expect(chosen.summary).toEqual(own.summary);
    expect(chosen.benchmark).toEqual(own.benchmark);
  });

  it('refuses benchmark closes that are not one positive close per bar', () => {
    const series = dailyBars([100, 101, 102]);
    const targets = Float64Array.from([1, 1, 1]);
    expect(() =>
      runBacktest(series, targets, { ...options, benchmarkCloses: Float64Array.from([1, 2]) }),
    ).toThrow('benchmarkCloses must have one close per bar (got 2 for 3 bars)');
    expect(() =>
      runBacktest(series, targets, { ...options, benchmarkCloses: Float64Array.from([1, NaN, 2]) }),
    ).toThrow('benchmarkCloses[1] must be a positive price (got NaN)');
  });

  it('refuses negative costs, a bad cash amount and targets outside [-1, 1], naming each', () => {
    const series = dailyBars([100, 101]);
    try {
      runBacktest(series, Float64Array.from([0, 1.5]), {
        initialCash: 0,
        commissionBps: -1,
        slippageBps: -0.5,
      });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(AetherError);
      expect((error as AetherError).details?.violations?.map((v) => v.field)).toEqual([
        'initial_cash',
        'commission_bps',
        'slippage_bps',
        'targets[1]',
      ]);
    }
    expect(() => runBacktest(series, Float64Array.from([0]), options)).toThrow(
      'targets must have one value per bar (got 1 for 2 bars)',
    );
  });
});
