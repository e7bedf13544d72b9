import { EQUAL_WEIGHT_BENCHMARK } from '@aetherquant/core';
import { type PortfolioBacktestReport } from '../../api/types';
import { DataTable, type Column } from '../../components/data-table';
import { type Fact, Facts } from '../../components/facts';
import { formatCount, formatDecimal, formatMoney, formatPercent } from '../../components/format';
import { HeadlineMetrics, metricFacts } from '../../components/headline-metrics';
import { benchmarkPhrase } from '../../components/benchmark';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { Signed } from '../../components/signed';
import { EquityAndDrawdown } from '../backtest/run-charts';
import { AllocationView } from '../optimize/allocation-view';

type PerSymbol = NonNullable<PortfolioBacktestReport['per_symbol']>[string] & { symbol: string };

const ratio = (value: number | null | undefined) => formatDecimal(value);
const percent = (value: number | null | undefined) => formatPercent(value);

const PER_SYMBOL_COLUMNS: readonly Column<PerSymbol>[] = [
  { header: 'Symbol', cell: (row) => row.symbol },
  {
    header: 'Annual return',
    cell: (row) => <Signed value={row.annual_return} format={percent} />,
    numeric: true,
  },
  { header: 'Sharpe', cell: (row) => <Signed value={row.sharpe} format={ratio} />, numeric: true },
  {
    header: 'Max drawdown',
    cell: (row) => <Signed value={row.max_drawdown} format={percent} />,
    numeric: true,
  },
  { header: 'Final equity', cell: (row) => formatMoney(row.final_equity), numeric: true },
  { header: 'Trades', cell: (row) => formatCount(row.trades), numeric: true },
];

function rebalanceText(rebalance: PortfolioBacktestReport['rebalance']): string | undefined {
  if (rebalance === undefined) return undefined;
  return typeof rebalance === 'number' ? `every ${formatCount(rebalance)} bars` : rebalance;
}

/** How the portfolio was built: its allocation, rebalancing and lookback, or its universe strategy. */
function constructionFacts(report: PortfolioBacktestReport): (Fact | undefined)[] {
  const rebalance = rebalanceText(report.rebalance);
  return [
    report.allocation === undefined ? undefined : { label: 'Allocation', value: report.allocation },
    rebalance === undefined ? undefined : { label: 'Rebalance', value: rebalance },
    report.lookback === undefined ? undefined : { label: 'Lookback', value: report.lookback },
    report.universe === undefined ? undefined : { label: 'Universe', value: report.universe },
    { label: 'Rebalances', value: formatCount(report.rebalances) },
  ];
}

/**
 * A rebalanced portfolio backtest against its benchmark, equal weights unless the request named a symbol (or a
 * universe backtest): the headline figures, how
 * the portfolio was built, its equity and drawdown, the weights of its last rebalance and, with a strategy,
 * each symbol backtested alone.
 */
export function PortfolioBacktestResults({ report }: { report: PortfolioBacktestReport }) {
  // Runs recorded before reports named their benchmark were all measured against equal weights.
  const benchmark = report.benchmark ?? EQUAL_WEIGHT_BENCHMARK;
  const perSymbol = Object.entries(report.per_symbol ?? {}).map(([symbol, figures]) => ({
    symbol,
    ...figures,
  }));
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.symbols.join(', ')}{' '}
        <span className="muted">
          {report.strategy ? `· ${report.strategy}` : `· ${report.allocation ?? 'portfolio'}`} against{' '}
          {benchmarkPhrase(benchmark)}
        </span>
      </h3>
      <ProviderNote provider={report.provider} first={report.first} last={report.last} rows={report.rows} />
      <RunWarnings warnings={report.warnings} />
      <HeadlineMetrics figures={report} benchmark={benchmark} />
      <Facts facts={[...metricFacts(report.metrics), ...constructionFacts(report)]} />
      {report.chart && (
        <EquityAndDrawdown
          chart={report.chart}
          benchmark={benchmark}
          equityLabel={`Equity of the portfolio of ${report.symbols.join(', ')} against ${benchmarkPhrase(benchmark)}`}
        />
      )}
      <AllocationView symbols={report.symbols} weights={report.weights} />
      {perSymbol.length > 0 && (
        <>
          <h4>Each symbol alone</h4>
          <DataTable
            label="Each symbol alone"
            columns={PER_SYMBOL_COLUMNS}
            rows={perSymbol}
            rowKey={(row) => row.symbol}
          />
        </>
      )}
    </section>
  );
}
