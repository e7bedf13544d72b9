import { rsiReversionStrategy } from '@aetherquant/strategies';
import { randomWalk } from '../../testing/series';
import { backtestStrategy } from '../engine/backtest-strategy';
import { gridWarmupBars } from './parameter-grid';
import { mergeSweepParts, runSweep, runSweepPart } from './run-sweep';

// A sweep over a requested window with the warm-up of its most demanding combination loaded before it:
// every combination is evaluated on exactly the window, each warmed up on exactly its own warm-up bars, so
// its row equals its own backtest with warm-up, on one thread, on worker threads, and merged from parts.
// rsi-reversion carries state (it holds between its levels), so a combination warmed up on more bars than
// its own warm-up would decide differently: the equality below needs each cell's exact warm-up.
describe('sweeps with warm-up before the window', () => {
  const costs = { initialCash: 10_000, commissionBps: 5, slippageBps: 5 };
  const grid = { period: [5, 14, 40], lower: [25, 35], upper: [65] };
  const warmup = gridWarmupBars(rsiReversionStrategy, grid);
  const whole = randomWalk(700, 9);
  // The window is the last 500 bars; the sweep loads exactly the largest warm-up before it.
  const series = whole.slice(200 - warmup);

  it('loads the largest warm-up once: the grid’s longest period', () => {
    expect(warmup).toBe(40);
  });

  it('equals, cell by cell, a backtest of the window with that cell’s own warm-up', async () => {
    const sweep = await runSweep(series, rsiReversionStrategy, grid, {
      ...costs,
      workers: 1,
      top: 'all',
      windowStart: warmup,
    });
    expect(sweep.evaluated).toBe(6);
    for (const row of sweep.results) {
      const own = rsiReversionStrategy.warmupBars(row.parameters);
      // The cell's own backtest, given exactly its warm-up bars before the window (as a workflow loads them).
      const backtest = backtestStrategy(whole.slice(200 - own), rsiReversionStrategy, row.parameters, {
        ...costs,
        windowStart: own,
      });
      expect(backtest.series.length).toBe(500);
      expect(backtest.warmupBars).toBe(own);
      expect([row.sharpe, row.finalEquity, row.maxDrawdown, row.annualReturn, row.trades]).toEqual([
        backtest.summary.sharpe,
        backtest.equity[499],
        backtest.summary.maxDrawdown,
        backtest.summary.annualReturn,
        backtest.tradeCount,
      ]);
    }
  });

  it('gives the same rows on worker threads and merged from parts', async () => {
    const options = { ...costs, top: 'all' as const, windowStart: warmup };
    const inline = await runSweep(series, rsiReversionStrategy, grid, { ...options, workers: 1 });
    const threaded = await runSweep(series, rsiReversionStrategy, grid, { ...options, workers: 2 });
    expect(threaded.results).toEqual(inline.results);
    const parts = [
      await runSweepPart(
        series,
        rsiReversionStrategy,
        grid,
        { ...options, workers: 1 },
        { first: 0, count: 4 },
      ),
      await runSweepPart(
        series,
        rsiReversionStrategy,
        grid,
        { ...options, workers: 1 },
        { first: 4, count: 2 },
      ),
    ];
    expect(mergeSweepParts(series, rsiReversionStrategy, grid, options, parts).results).toEqual(
      inline.results,
    );
  });

  it('cuts to the cell’s own warm-up whatever history it is given before the window', () => {
    const parameters = { period: 5, lower: 35, upper: 65 };
    const exact = backtestStrategy(whole.slice(195), rsiReversionStrategy, parameters, {
      ...costs,
      windowStart: 5,
    });
    const longer = backtestStrategy(whole.slice(0), rsiReversionStrategy, parameters, {
      ...costs,
      windowStart: 200,
    });
    // backtestStrategy itself cuts to the strategy's warm-up, whatever it is given before the window.
    expect(longer.warmupBars).toBe(5);
    expect(Array.from(longer.equity)).toEqual(Array.from(exact.equity));
  });
});
