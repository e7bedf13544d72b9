import { useMemo } from 'react';
import { type BacktestReport, type TradeView } from '../../api/types';
import { drawdownLines, equityLines, formatDrawdown, formatEquity } from '../../components/chart-formats';
import { DataTable, type Column } from '../../components/data-table';
import { formatPercent, formatPrice } from '../../components/format';
import { Facts } from '../../components/facts';
import { HeadlineMetrics, metricFacts } from '../../components/headline-metrics';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { TimeSeriesChart } from '../../components/time-series-chart';

const TRADE_COLUMNS: readonly Column<TradeView>[] = [
  { header: 'Side', cell: (trade) => trade.side },
  { header: 'Entry', cell: (trade) => trade.entry },
  { header: 'Exit', cell: (trade) => (trade.open ? `${trade.exit} (open)` : trade.exit) },
  { header: 'Entry price', cell: (trade) => formatPrice(trade.entry_price), numeric: true },
  { header: 'Exit price', cell: (trade) => formatPrice(trade.exit_price), numeric: true },
  { header: 'Return', cell: (trade) => formatPercent(trade.return, 2), numeric: true },
  { header: 'Bars', cell: (trade) => trade.bars_held, numeric: true },
];

export function BacktestResults({ report }: { report: BacktestReport }) {
  const { chart } = report;
  const equity = useMemo(() => (chart ? equityLines(chart) : []), [chart]);
  const drawdown = useMemo(() => (chart ? drawdownLines(chart) : []), [chart]);
  // Newest first: the latest trades are what a person looks for on a phone.
  const trades = useMemo(() => [...(report.trade_list ?? [])].reverse(), [report.trade_list]);
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.symbol} · {report.strategy}{' '}
        <span className="muted">
          {Object.entries(report.params)
            .map(([name, value]) => `${name} ${value}`)
            .join(', ')}
        </span>
      </h3>
      <ProviderNote provider={report.provider} first={report.first} last={report.last} rows={report.rows} />
      <RunWarnings warnings={report.warnings} />
      <HeadlineMetrics figures={report} />
      <Facts facts={[...metricFacts(report.metrics), { label: 'Number of trades', value: report.trades }]} />
      {chart && (
        <>
          <h4>Equity</h4>
          <TimeSeriesChart
            testId="equity-chart"
            label={`Equity of ${report.strategy} against buy-and-hold of ${report.symbol}`}
            time={chart.time}
            lines={equity}
            format={formatEquity}
          />
          <h4>Drawdown</h4>
          <TimeSeriesChart
            testId="drawdown-chart"
            label="Drawdown of the strategy from its running peak"
            time={chart.time}
            lines={drawdown}
            format={formatDrawdown}
          />
        </>
      )}
      <h4>Trades</h4>
      <DataTable
        label="Trades"
        columns={TRADE_COLUMNS}
        rows={trades}
        rowKey={(trade) => `${trade.entry}-${trade.side}`}
        empty="No trades in this period."
      />
    </section>
  );
}
