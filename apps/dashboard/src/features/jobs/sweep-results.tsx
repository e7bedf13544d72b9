import { type SweepEntry, type SweepReport } from '../../api/types';
import { DataTable, type Column } from '../../components/data-table';
import { Facts } from '../../components/facts';
import { formatCount, formatDecimal, formatMoney, formatPercent, toneOf } from '../../components/format';
import { MetricCard } from '../../components/metric-card';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { Signed } from '../../components/signed';
import { RANK_LABELS } from './job-form';
import { SweepHeatMap, sweepParameters } from './sweep-heat-map';

interface RankedEntry extends SweepEntry {
  rank: number;
}

const ratio = (value: number | null | undefined) => formatDecimal(value);
const percent2 = (value: number | null | undefined) => formatPercent(value, 2);

function rankingColumns(names: readonly string[]): Column<RankedEntry>[] {
  return [
    { header: '#', cell: (entry) => entry.rank, numeric: true },
    ...names.map((name): Column<RankedEntry> => ({
      header: name,
      cell: (entry) => entry.params[name] ?? '–',
      numeric: true,
    })),
    { header: 'Sharpe', cell: (entry) => <Signed value={entry.sharpe} format={ratio} />, numeric: true },
    {
      header: 'Annual return',
      cell: (entry) => <Signed value={entry.annual_return} format={percent2} />,
      numeric: true,
    },
    {
      header: 'Max drawdown',
      cell: (entry) => <Signed value={entry.max_drawdown} format={percent2} />,
      numeric: true,
    },
    {
      header: 'Total return',
      cell: (entry) => <Signed value={entry.total_return} format={percent2} />,
      numeric: true,
    },
    { header: 'Sortino', cell: (entry) => <Signed value={entry.sortino} format={ratio} />, numeric: true },
    { header: 'Calmar', cell: (entry) => <Signed value={entry.calmar} format={ratio} />, numeric: true },
    { header: 'Final equity', cell: (entry) => formatMoney(entry.final_equity), numeric: true },
    { header: 'Trades', cell: (entry) => formatCount(entry.trades), numeric: true },
  ];
}

/** The best combination's headline figures, each coloured by its sign (equity is an amount: uncoloured). */
function BestFigures({ best }: { best: SweepEntry }) {
  const sharpe = formatDecimal(best.sharpe);
  const annual = formatPercent(best.annual_return);
  const drawdown = formatPercent(best.max_drawdown);
  return (
    <div className="metric-grid">
      <MetricCard label="Sharpe" value={sharpe} tone={toneOf(best.sharpe, sharpe)} />
      <MetricCard label="Annual return" value={annual} tone={toneOf(best.annual_return, annual)} />
      <MetricCard label="Max drawdown" value={drawdown} tone={toneOf(best.max_drawdown, drawdown)} />
      <MetricCard label="Final equity" value={formatMoney(best.final_equity)} />
    </div>
  );
}

/** A sweep's outcome: its best combination's figures, then the ranking of the best `top`. */
export function SweepResults({ report }: { report: SweepReport }) {
  const rows = report.results.map((entry, index) => ({ ...entry, rank: index + 1 }));
  const best = report.results[0];
  const parameters = sweepParameters(report.results);
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
          { label: 'Combinations', value: formatCount(report.combinations) },
          { label: 'Backtested', value: formatCount(report.evaluated) },
          { label: 'Skipped as invalid', value: formatCount(report.skipped) },
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
          <BestFigures best={best} />
        </>
      )}
      {best && parameters.length > 0 && (
        <>
          <h4>Heat map</h4>
          <SweepHeatMap report={report} />
        </>
      )}
      <h4>Ranking</h4>
      <DataTable
        label="Ranking"
        columns={rankingColumns(parameters)}
        rows={rows}
        rowKey={(entry) => entry.rank}
        empty="No combination of the grid could be backtested."
      />
    </section>
  );
}
