import { type PortfolioBacktestReport } from '@aetherquant/core';
import { figureSpec } from '@aetherquant/core';
import { figure } from '../figures';
import { formatCount, formatParams, formatPercent } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { type Column, renderTable } from '../table';
import { benchmarkLabel, headlineTable } from './headline';
import { blocks, figureFields, lines, runLine, title, warningLines, windowLine } from './report-parts';

/** A symbol's standalone figures in a universe backtest, in the order the table shows them. */
const PER_SYMBOL_FIGURES = ['annual_return', 'max_drawdown', 'sharpe', 'final_equity', 'trades'] as const;

interface SymbolRow {
  symbol: string;
  weight: number | undefined;
  alone: NonNullable<PortfolioBacktestReport['per_symbol']>[string] | undefined;
}

/**
 * `backtest --symbols`: the portfolio against its benchmark (equal weights, or buying 1/N and holding for a
 * universe strategy), then each symbol's last weight (and, with a strategy, its standalone figures), the other
 * metrics and the run.
 */
export const portfolioBacktestRenderer: ReportRenderer<PortfolioBacktestReport> = {
  script: 'json',
  human(report, terminal) {
    const { style } = terminal;
    const withStrategy = report.strategy !== undefined;
    const how = withStrategy
      ? `${report.strategy} ${formatParams(report.params)}${report.universe === 'sleeves' && report.allocation ? `, sleeves by ${report.allocation}` : ''}`
      : report.allocation;
    const rebalancing =
      report.rebalance === undefined
        ? `${formatCount(report.rebalances)} target changes`
        : `rebalanced ${typeof report.rebalance === 'number' ? `every ${report.rebalance} bars` : report.rebalance}${report.lookback ? ` on ${report.lookback} of history` : ''}: ${formatCount(report.rebalances)} rebalances`;
    const rows: SymbolRow[] = report.symbols.map((symbol) => ({
      symbol,
      weight: report.weights[symbol],
      alone: report.per_symbol?.[symbol],
    }));
    const columns: Column<SymbolRow>[] = [
      { header: 'Symbol', cell: (row) => row.symbol },
      {
        header: withStrategy ? 'Last target' : 'Last weight',
        cell: (row) => formatPercent(row.weight),
        align: 'right',
      },
      ...(report.per_symbol === undefined
        ? []
        : PER_SYMBOL_FIGURES.map((key): Column<SymbolRow> => ({
            header: figureSpec(key).label,
            cell: (row) => figure(key, row.alone?.[key], style),
            align: 'right',
            drop: key === 'trades' ? 1 : undefined,
          }))),
    ];
    const benchmark = benchmarkLabel(report, withStrategy ? 'Buy 1/N & hold' : 'Equal weight');
    return blocks(
      lines(
        title(terminal, 'Portfolio backtest', report.symbols.join(', '), how),
        windowLine(report, terminal),
        rebalancing,
      ),
      headlineTable(report, { strategy: 'Portfolio', benchmark }, terminal),
      lines(
        report.per_symbol === undefined
          ? undefined
          : `Each symbol: its ${withStrategy ? 'last target' : 'last weight'}, and the strategy on it alone over the same bars:`,
        renderTable(columns, rows, terminal),
      ),
      figureFields(report.metrics, terminal),
      lines(runLine(report.run_id), warningLines(report.warnings, style)),
    );
  },
};
