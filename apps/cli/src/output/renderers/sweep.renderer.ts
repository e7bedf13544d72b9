import { type SweepEntry, type SweepReport } from '@aetherquant/core';
import { figureSpec } from '@aetherquant/core';
import { figure } from '../figures';
import { formatCount } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { type Column, renderTable } from '../table';
import { blocks, lines, runLine, title, warningLines, windowLine } from './report-parts';

/** A sweep row's figures, in the order the table shows them; the later ones go first on a narrow terminal. */
const FIGURE_COLUMNS = [
  'sharpe',
  'annual_return',
  'max_drawdown',
  'final_equity',
  'total_return',
  'sortino',
  'calmar',
  'trades',
] as const;

/** Left out on a narrow terminal, the highest first (the figure ranked by never is). */
const DROP_ORDER: Partial<Record<(typeof FIGURE_COLUMNS)[number], number>> = {
  sortino: 4,
  calmar: 3,
  total_return: 2,
  trades: 1,
};

/** `sweep`: the grid's size, then the best combinations as a table, best first. */
export const sweepRenderer: ReportRenderer<SweepReport> = {
  script: 'json',
  human(report, terminal) {
    const { style } = terminal;
    const parameterNames = [...new Set(report.results.flatMap((row) => Object.keys(row.params)))];
    const ranked = report.results.map((row, index) => ({ rank: index + 1, row }));
    const columns: Column<{ rank: number; row: SweepEntry }>[] = [
      { header: '#', cell: ({ rank }) => String(rank), align: 'right' },
      ...parameterNames.map((name): Column<{ rank: number; row: SweepEntry }> => ({
        header: name,
        cell: ({ row }) => (row.params[name] === undefined ? '' : String(row.params[name])),
        align: 'right',
      })),
      ...FIGURE_COLUMNS.map((key): Column<{ rank: number; row: SweepEntry }> => ({
        header: figureSpec(key).label,
        cell: ({ row }) => figure(key, row[key], style),
        align: 'right',
        drop: key === report.rank_by ? undefined : DROP_ORDER[key],
      })),
    ];
    const counts = `${formatCount(report.combinations)} combinations: ${formatCount(report.evaluated)} evaluated, ${formatCount(report.skipped)} skipped`;
    return blocks(
      lines(
        title(
          terminal,
          'Sweep',
          report.symbol,
          report.strategy,
          `ranked by ${figureSpec(report.rank_by).label}`,
        ),
        windowLine(report, terminal),
        counts,
      ),
      report.results.length === 0
        ? 'No combination could be evaluated.'
        : lines(
            `Best ${formatCount(report.results.length)} of ${formatCount(report.evaluated)}:`,
            renderTable(columns, ranked, terminal),
          ),
      lines(runLine(report.run_id), warningLines(report.warnings, style)),
    );
  },
};
