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

  it('lists trades with entry and exit, return from equity, and bars held', () => {
    // targets [0, 1, 1, 0, −0.5, −0.5]: a long from bar 1 to bar 3 and a short from bar 4, open at the end.
    const series = dailyBars([100, 100, 110, 121, 100, 90]);
    const result = runBacktest(series, Float64Array.from([0, 1, 1, 0, -0.5, -0.5]), options);
    // Long: equity 1000 at bar 1, 1100 at bar 2, 1210 at bar 3 → +21%, 2 bars.
    // Short (−0.5): bar 5 earns −0.5·(90/100 − 1) = +5% → 1210·1.05 = 1270.5 → +5%, 1 bar, still open.
    expect(result.trades).toEqual([
      expect.objectContaining({
        side: 'long',
        entryIndex: 1,
        exitIndex: 3,
        entryPrice: 100,
        exitPrice: 121,
        barsHeld: 2,
        open: false,
      }),
      expect.objectContaining({
        side: 'short',
        entryIndex: 4,
        exitIndex: 5,
        entryPrice: 100,
        exitPrice: 90,
        barsHeld: 1,
        open: true,
      }),
    ]);
    expect(result.trades[0]?.return).toBeCloseTo(0.21, 12);
    expect(result.trades[1]?.return).toBeCloseTo(0.05, 12);
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
