import { type ChartSeries } from '@aetherquant/core';
import { type Database, type NewRun } from '@aetherquant/persistence';
import { backtestWorkflow } from '../backtest/backtest.workflow';
import { portfolioBacktestWorkflow } from '../portfolio/portfolio-backtest.workflow';
import { papertradeWorkflow } from '../trading/papertrade.workflow';
import { runWorkflow } from '../workflow/workflow';
import { FIXED_NOW, OFFLINE_SETTINGS } from '../../testing/offline-context';

const settings = OFFLINE_SETTINGS;
const now = FIXED_NOW;

/** A database that keeps what it was asked to record, so a test can read the stored result. */
function recordingDatabase(): { database: Database; recorded: NewRun[] } {
  const recorded: NewRun[] = [];
  const record = async (run: NewRun) => {
    recorded.push(run);
    return { id: `run-${recorded.length}` };
  };
  return { database: { runs: { record } } as unknown as Database, recorded };
}

/** What any chart must show: at most `points` ascending points, its columns of one length, ending on the last bar. */
function expectChartShape(chart: ChartSeries | undefined, points: number, last: string): ChartSeries {
  expect(chart).toBeDefined();
  const { time, equity, benchmark, drawdown } = chart as ChartSeries;
  expect(time.length).toBeLessThanOrEqual(points);
  expect([equity.length, benchmark.length, drawdown.length]).toEqual([time.length, time.length, time.length]);
  for (let i = 1; i < time.length; i++) expect((time[i] as string) > (time[i - 1] as string)).toBe(true);
  expect(time[time.length - 1]).toBe(last);
  expect(Math.max(...drawdown)).toBeLessThanOrEqual(0);
  return chart as ChartSeries;
}

describe('charts in reports', () => {
  it('backtest: the chart ends on the final equities and its deepest point is the max drawdown', async () => {
    const { database, recorded } = recordingDatabase();
    const report = await runWorkflow(
      backtestWorkflow,
      { symbol: 'SPY', period: '5y' },
      { context: { settings, now, database, chartPoints: 200 } },
    );
    expect(report.rows).toBeGreaterThan(200);
    const chart = expectChartShape(report.chart, 200, report.last);
    expect(chart.time[0]).toBe(report.first);
    expect(chart.equity[chart.equity.length - 1]).toBe(report.final_equity);
    expect(chart.benchmark[chart.benchmark.length - 1]).toBe(report.benchmark_final_equity);
    // Both are the same curve's minimum rounded to 6 decimals: downsampling keeps the deepest bar.
    expect(Math.min(...chart.drawdown)).toBe(report.max_drawdown);
    expect(report.run_id).toBe('run-1');
    expect(recorded[0]?.result).not.toHaveProperty('chart');
  });

  it('portfolio backtest: against the equal-weight portfolio', async () => {
    const { database, recorded } = recordingDatabase();
    const report = await runWorkflow(
      portfolioBacktestWorkflow,
      { symbols: ['SPY', 'QQQ'], period: '3y', lookback: '6mo' },
      { context: { settings, now, database, chartPoints: 50 } },
    );
    const chart = expectChartShape(report.chart, 50, report.last);
    expect(chart.time[0]).toBe(report.first);
    expect(chart.equity[chart.equity.length - 1]).toBe(report.final_equity);
    expect(chart.benchmark[chart.benchmark.length - 1]).toBe(report.benchmark_final_equity);
    expect(Math.min(...chart.drawdown)).toBe(report.max_drawdown);
    expect(recorded[0]?.result).not.toHaveProperty('chart');
  });

  it('papertrade: the engine’s equity against buy-and-hold of the starting equity', async () => {
    const { database, recorded } = recordingDatabase();
    const report = await runWorkflow(
      papertradeWorkflow,
      { symbol: 'QQQ', period: '2y', params: { fast: 5, slow: 20 } },
      { context: { settings, now, database, chartPoints: 30 } },
    );
    const chart = expectChartShape(report.chart, 30, report.last);
    expect(chart.time[0]).toBe(report.first);
    // The strategy is warm on the first bar (its warm-up bars were loaded before the window), so it buys at
    // that close: the first point is the starting equity less that order's costs (commission and slippage).
    const firstOrder = report.orders[0];
    expect(firstOrder?.time).toBe(report.first);
    expect(chart.equity[0]).toBeLessThan(report.start_equity);
    expect(chart.equity[0]).toBeGreaterThanOrEqual(
      report.start_equity - 2 * (firstOrder?.commission ?? 0) - 1,
    );
    expect(chart.benchmark[0]).toBe(report.start_equity);
    expect(chart.equity[chart.equity.length - 1]).toBe(report.final_equity);
    expect(recorded[0]?.result).not.toHaveProperty('chart');
  });

  it('carry no chart unless asked for one', async () => {
    const context = { context: { settings, now } };
    const reports = [
      await runWorkflow(backtestWorkflow, { symbol: 'SPY', period: '1y' }, context),
      await runWorkflow(portfolioBacktestWorkflow, { symbols: ['SPY', 'QQQ'], period: '2y' }, context),
      await runWorkflow(papertradeWorkflow, { symbol: 'SPY', period: '1y' }, context),
    ];
    for (const report of reports) expect(report).not.toHaveProperty('chart');
  });
});
