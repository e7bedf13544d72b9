import { type OptimizeReport } from '../../api/types';
import { BarChart } from '../../components/bar-chart';
import { DataTable, type Column } from '../../components/data-table';
import { formatPercent } from '../../components/format';
import { MetricCard } from '../../components/metric-card';
import { ProviderNote, RunWarnings } from '../../components/provider-note';

interface Allocation {
  symbol: string;
  weight: number;
  risk: number;
}

const ALLOCATION_COLUMNS: readonly Column<Allocation>[] = [
  { header: 'Symbol', cell: (row) => row.symbol },
  { header: 'Weight', cell: (row) => formatPercent(row.weight, 2), numeric: true },
  { header: 'Risk contribution', cell: (row) => formatPercent(row.risk, 2), numeric: true },
];

const percent = (value: number) => formatPercent(value, 1);

export function OptimizeResults({ report }: { report: OptimizeReport }) {
  const rows: Allocation[] = report.symbols.map((symbol) => ({
    symbol,
    weight: report.weights[symbol] ?? 0,
    risk: report.risk_contributions[symbol] ?? 0,
  }));
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.method} <span className="muted">over {report.symbols.length} symbols</span>
      </h3>
      <ProviderNote provider={report.provider} first={report.first} last={report.last} rows={report.rows} />
      <RunWarnings warnings={report.warnings} />
      <div className="metric-grid">
        <MetricCard label="Expected return" value={formatPercent(report.expected_return)} />
        <MetricCard label="Volatility" value={formatPercent(report.volatility)} />
      </div>
      <h4>Weights</h4>
      <BarChart
        label="Weights"
        values={rows.map((row) => ({ name: row.symbol, value: row.weight }))}
        format={percent}
      />
      <h4>Risk contributions</h4>
      <BarChart
        label="Risk contributions"
        values={rows.map((row) => ({ name: row.symbol, value: row.risk }))}
        format={percent}
      />
      <DataTable
        label="Weights by symbol"
        columns={ALLOCATION_COLUMNS}
        rows={rows}
        rowKey={(row) => row.symbol}
      />
    </section>
  );
}
