import { type WalkForwardReport, type WalkForwardWindowReport } from '@aetherquant/core';
import { figureSpec } from '@aetherquant/core';
import { figure } from '../figures';
import { formatParams, formatWindow } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { type Column, renderTable } from '../table';
import { benchmarkLabel, headlineTable } from './headline';
import { blocks, figureFields, lines, runLine, title, warningLines, windowLine } from './report-parts';

/** The test window's figures, in the order the table shows them. */
const WINDOW_FIGURES = ['annual_return', 'sharpe', 'max_drawdown', 'total_return'] as const;

/**
 * `walk-forward`: the stitched out-of-sample figures against buy-and-hold, then each window (its train and test
 * dates, the parameters chosen and how they did), the other metrics and the run.
 */
export const walkForwardRenderer: ReportRenderer<WalkForwardReport> = {
  script: 'json',
  human(report, terminal) {
    const { style } = terminal;
    const columns: Column<WalkForwardWindowReport>[] = [
      { header: 'Train', cell: (window) => formatWindow(window.train_start, window.train_end) },
      { header: 'Test', cell: (window) => formatWindow(window.test_start, window.test_end) },
      { header: 'Parameters', cell: (window) => formatParams(window.params), overflow: 'wrap', minWidth: 12 },
      {
        header: 'Train score',
        cell: (window) => figure(report.rank_by, window.train_score, style),
        align: 'right',
        drop: 2,
      },
      ...WINDOW_FIGURES.map((key): Column<WalkForwardWindowReport> => ({
        header: figureSpec(key).label,
        cell: (window) => figure(key, window[key], style),
        align: 'right',
        drop: key === 'total_return' ? 1 : undefined,
      })),
    ];
    return blocks(
      lines(
        title(
          terminal,
          'Walk-forward',
          report.symbol,
          report.strategy,
          `ranked by ${figureSpec(report.rank_by).label}`,
        ),
        windowLine(report, terminal, 'out of sample'),
        `train ${report.train}, test ${report.test}: ${report.windows.length} ${report.windows.length === 1 ? 'window' : 'windows'}`,
      ),
      headlineTable(
        report,
        { strategy: 'Out of sample', benchmark: benchmarkLabel(report, 'Buy & hold') },
        terminal,
      ),
      lines(
        'Per window: the best parameters on train (their score), and their figures on test:',
        renderTable(columns, report.windows, terminal),
      ),
      figureFields(report.metrics, terminal),
      lines(runLine(report.run_id), warningLines(report.warnings, style)),
    );
  },
};
