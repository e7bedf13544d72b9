import { type BacktestReport } from '@aetherquant/core';
import { formatParams } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { benchmarkLabel, headlineTable } from './headline';
import { blocks, figureFields, lines, runLine, title, warningLines, windowLine } from './report-parts';

/**
 * `backtest --symbol`: what was run and on which bars, the strategy against buy-and-hold (annual return, max
 * drawdown, Sharpe, final equity, the excess), the other metrics, the run and any warnings.
 */
export const backtestRenderer: ReportRenderer<BacktestReport> = {
  script: 'json',
  human(report, terminal) {
    return blocks(
      lines(
        title(terminal, 'Backtest', report.symbol, `${report.strategy} ${formatParams(report.params)}`),
        windowLine(report, terminal),
      ),
      headlineTable(
        report,
        { strategy: 'Strategy', benchmark: benchmarkLabel(report, 'Buy & hold') },
        terminal,
      ),
      figureFields({ ...report.metrics, trades: report.trades }, terminal),
      lines(runLine(report.run_id), warningLines(report.warnings, terminal.style)),
    );
  },
};
