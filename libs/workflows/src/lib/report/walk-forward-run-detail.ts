import { type BarSeries, type WalkForwardReport } from '@aetherquant/core';
import { type WalkForwardResult } from '@aetherquant/backtest';
import { parametersText, type RunDetail } from './run-detail';

/**
 * What a report draws of a walk-forward analysis: the stitched out-of-sample equity against its benchmark,
 * the symbol's closes on those bars, and the windows one by one (the parameters each train window chose and
 * what they did on the test window that followed).
 */
export function walkForwardRunDetail(
  result: WalkForwardResult,
  series: BarSeries,
  report: WalkForwardReport,
  benchmark: string,
): RunDetail {
  const close = Float64Array.from(
    result.time,
    (time) => series.close[series.firstIndexAtOrAfter(time)] as number,
  );
  return {
    series: {
      time: result.time,
      equity: result.equity,
      benchmark: result.benchmarkEquity,
      price: { symbol: series.symbol, close },
    },
    benchmarkLabel: `Buy and hold ${benchmark}`,
    tables: [
      {
        title: 'Windows',
        note: `Each train window's best parameters by ${report.rank_by}, traded on the test window after it: the figures are the test window's.`,
        columns: [
          { label: 'Train', kind: 'text' },
          { label: 'Test', kind: 'text' },
          { label: 'Parameters', kind: 'text' },
          { label: 'Train score', kind: 'decimal' },
          { label: 'Annual return', kind: 'percent' },
          { label: 'Sharpe ratio', kind: 'decimal' },
          { label: 'Max drawdown', kind: 'percent' },
          { label: 'Total return', kind: 'percent' },
        ],
        rows: report.windows.map((window) => [
          `${window.train_start} → ${window.train_end}`,
          `${window.test_start} → ${window.test_end}`,
          parametersText(window.params),
          window.train_score,
          window.annual_return,
          window.sharpe,
          window.max_drawdown,
          window.total_return,
        ]),
      },
    ],
  };
}
