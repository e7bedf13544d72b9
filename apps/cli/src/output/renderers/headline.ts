// The headline of a backtest-like report: the strategy against its benchmark, side by side.

import { EQUAL_WEIGHT_BENCHMARK, type HeadlineFigures } from '@aetherquant/core';
import { figureSpec } from '@aetherquant/core';
import { figure } from '../figures';
import { renderTable } from '../table';
import { type Terminal } from '../terminal';

/** The figures both sides have, in the order they are read. */
const SIDE_BY_SIDE = ['annual_return', 'max_drawdown', 'sharpe', 'final_equity'] as const;

/**
 * What the benchmark column is called: buy-and-hold of the report's `benchmark` when it names a symbol
 * (`Buy & hold SPY`), else what the report's kind compares with by default (`Equal weight`, `Buy 1/N & hold`).
 */
export function benchmarkLabel(report: object, fallback: string): string {
  const named = (report as { benchmark?: unknown }).benchmark;
  return typeof named === 'string' && named !== '' && named !== EQUAL_WEIGHT_BENCHMARK
    ? `Buy & hold ${named}`
    : fallback;
}

/**
 * ```
 *                       Strategy   Buy & hold
 * Annual return          -2.35 %      13.27 %
 * …
 * Excess annual return  -15.62 %
 * ```
 */
export function headlineTable(
  report: HeadlineFigures,
  labels: { strategy: string; benchmark: string },
  terminal: Terminal,
): string {
  const { style } = terminal;
  const rows: { label: string; strategy: string; benchmark: string }[] = SIDE_BY_SIDE.map((key) => ({
    label: figureSpec(key).label,
    strategy: figure(key, report[key], style),
    benchmark: figure(key, report[`benchmark_${key}`], style),
  }));
  rows.push({
    label: figureSpec('excess_annual_return').label,
    strategy: figure('excess_annual_return', report.excess_annual_return, style),
    benchmark: '',
  });
  return renderTable(
    [
      { header: '', cell: (row) => row.label },
      { header: labels.strategy, cell: (row) => row.strategy, align: 'right' },
      { header: labels.benchmark, cell: (row) => row.benchmark, align: 'right' },
    ],
    rows,
    terminal,
  );
}
