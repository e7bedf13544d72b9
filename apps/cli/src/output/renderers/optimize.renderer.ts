import { type OptimizeReport } from '@aetherquant/core';
import { renderFields } from '../fields';
import { figure } from '../figures';
import { formatPercent } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { renderTable } from '../table';
import { blocks, lines, runLine, title, warningLines, windowLine } from './report-parts';

/** The width of a weight's bar at 100 %. */
const BAR_WIDTH = 20;

/** `█████▌` for a weight of 0.275: its share of {@link BAR_WIDTH} in eighths of a block; negative weights get none. */
export function weightBar(weight: number | undefined): string {
  if (weight === undefined || !Number.isFinite(weight) || weight <= 0) return '';
  const eighths = Math.round(Math.min(1, weight) * BAR_WIDTH * 8);
  const partial = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8] as string;
  return `${'█'.repeat(Math.floor(eighths / 8))}${partial}`;
}

/** `optimize`: each symbol's weight and share of the risk, then the portfolio's expected return and volatility. */
export const optimizeRenderer: ReportRenderer<OptimizeReport> = {
  script: 'json',
  human(report, terminal) {
    const { style } = terminal;
    const rows = report.symbols.map((symbol) => ({
      symbol,
      weight: report.weights[symbol],
      risk: report.risk_contributions[symbol],
    }));
    return blocks(
      lines(
        title(terminal, 'Optimize', report.method, report.symbols.join(', ')),
        windowLine(report, terminal),
      ),
      renderTable(
        [
          { header: 'Symbol', cell: (row) => row.symbol },
          { header: 'Weight', cell: (row) => formatPercent(row.weight), align: 'right' },
          { header: 'Risk share', cell: (row) => formatPercent(row.risk), align: 'right' },
          { header: '', cell: (row) => weightBar(row.weight), drop: 1 },
        ],
        rows,
        terminal,
      ),
      renderFields(
        [
          ['Expected return', figure('expected_return', report.expected_return, style)],
          ['Volatility', figure('volatility', report.volatility, style)],
        ],
        terminal,
        { align: 'right' },
      ),
      lines(runLine(report.run_id), warningLines(report.warnings, style)),
    );
  },
};
