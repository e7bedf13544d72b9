import { type SweepEntry, type SweepReport } from '../../api/types';
import { DataTable, type Column } from '../../components/data-table';
import { Facts } from '../../components/facts';
import { formatMoney, formatNumber, formatPercent } from '../../components/format';
import { MetricCard } from '../../components/metric-card';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { RANK_LABELS } from './job-form';

interface RankedEntry extends SweepEntry {
  rank: number;
}

/** The parameters the ranking names, in the order the best combination lists them. */
function parameterNames(report: SweepReport): string[] {
  return [...new Set(report.results.flatMap((entry) => Object.keys(entry.params)))];
}

function rankingColumns(names: readonly string[]): Column<RankedEntry>[] {
  return [
    { header: '#', cell: (entry) => entry.rank, numeric: true },
    ...names.map((name): Column<RankedEntry> => ({
      header: name,
      cell: (entry) => entry.params[name] ?? '–',
      numeric: true,
    })),
    { header: 'Sharpe', cell: (entry) => formatNumber(entry.sharpe), numeric: true },
    { header: 'Annual return', cell: (entry) => formatPercent(entry.annual_return, 2), numeric: true },
    { header: 'Max drawdown', cell: (entry) => formatPercent(entry.max_drawdown, 2), numeric: true },
    { header: 'Total return', cell: (entry) => formatPercent(entry.total_return, 2), numeric: true },
    { header: 'Sortino', cell: (entry) => formatNumber(entry.sortino), numeric: true },
    { header: 'Calmar', cell: (entry) => formatNumber(entry.calmar), numeric: true },
    { header: 'Final equity', cell: (entry) => formatMoney(entry.final_equity), numeric: true },
    { header: 'Trades', cell: (entry) => entry.trades, numeric: true },
  ];
}

/** A sweep's outcome: its best combination's figures, then the ranking of the best `top`. */
export function SweepResults({ report }: { report: SweepReport }) {
  const rows = report.results.map((entry, index) => ({ ...entry, rank: index + 1 }));
  const best = report.results[0];
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.symbol} · {report.strategy}{' '}
        <span className="muted">ranked by {RANK_LABELS[report.rank_by].toLowerCase()}</span>
      </h3>
      <ProviderNote provider={report.provider} first={report.first} last={report.last} rows={report.rows} />
      <RunWarnings warnings={report.warnings} />
      <Facts
        facts={[
          { label: 'Combinations', value: formatNumber(report.combinations, 0) },
          { label: 'Backtested', value: formatNumber(report.evaluated, 0) },
          { label: 'Skipped as invalid', value: formatNumber(report.skipped, 0) },
        ]}
      />
      {best && (
        <>
          <h4>
            Best:{' '}
            {Object.entries(best.params)
              .map(([name, value]) => `${name} ${value}`)
              .join(', ')}
          </h4>
          <div className="metric-grid">
            <MetricCard label="Sharpe" value={formatNumber(best.sharpe)} />
            <MetricCard label="Annual return" value={formatPercent(best.annual_return)} />
            <MetricCard label="Max drawdown" value={formatPercent(best.max_drawdown)} />
            <MetricCard label="Final equity" value={formatMoney(best.final_equity)} />
          </div>
        </>
      )}
      <h4>Ranking</h4>
      <DataTable
        label="Ranking"
        columns={rankingColumns(parameterNames(report))}
        rows={rows}
        rowKey={(entry) => entry.rank}
        empty="No combination of the grid could be backtested."
      />
    </section>
  );
}
