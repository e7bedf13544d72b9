import { BarChart } from '../../components/bar-chart';
import { DataTable, type Column } from '../../components/data-table';
import { formatPercent } from '../../components/format';

interface Allocation {
  symbol: string;
  weight: number;
  risk: number | undefined;
}

const percent = (value: number) => formatPercent(value, 1);

/**
 * Weights by symbol (an optimiser's, or a portfolio's last rebalance) as bars scaled to 100% and as a table,
 * with each symbol's share of the risk when known.
 */
export function AllocationView({
  symbols,
  weights,
  riskContributions,
}: {
  symbols: readonly string[];
  weights: Readonly<Record<string, number>>;
  riskContributions?: Readonly<Record<string, number>>;
}) {
  const rows: Allocation[] = symbols.map((symbol) => ({
    symbol,
    weight: weights[symbol] ?? 0,
    risk: riskContributions?.[symbol],
  }));
  const columns: Column<Allocation>[] = [
    { header: 'Symbol', cell: (row) => row.symbol },
    { header: 'Weight', cell: (row) => formatPercent(row.weight, 2), numeric: true },
    ...(riskContributions
      ? [
          {
            header: 'Risk contribution',
            cell: (row: Allocation) => formatPercent(row.risk, 2),
            numeric: true,
          },
        ]
      : []),
  ];
  return (
    <>
      <h4>Weights</h4>
      <BarChart
        label="Weights"
        values={rows.map((row) => ({ name: row.symbol, value: row.weight }))}
        format={percent}
      />
      {riskContributions && (
        <>
          <h4>Risk contributions</h4>
          <BarChart
            label="Risk contributions"
            values={rows.map((row) => ({ name: row.symbol, value: row.risk ?? 0 }))}
            format={percent}
          />
        </>
      )}
      <DataTable label="Weights by symbol" columns={columns} rows={rows} rowKey={(row) => row.symbol} />
    </>
  );
}
