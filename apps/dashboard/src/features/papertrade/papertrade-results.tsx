import { useMemo } from 'react';
import { type PaperOrderView, type PapertradeReport } from '../../api/types';
import { benchmarkPhrase } from '../../components/benchmark';
import { BenchmarkNote } from '../../components/benchmark-note';
import { equityLines, formatEquity, formatEquityTick } from '../../components/chart-formats';
import { useChartGroup } from '../../components/chart-group';
import { DataTable, type Column } from '../../components/data-table';
import { formatCount, formatMoney, formatPrice, formatQuantity, toneOf } from '../../components/format';
import { MetricCard } from '../../components/metric-card';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { TimeSeriesChart } from '../../components/time-series-chart';
import { orderMarks } from '../../components/trade-marks';
import { PriceFromBars } from '../backtest/price-from-bars';

const ORDER_COLUMNS: readonly Column<PaperOrderView>[] = [
  { header: 'Time', cell: (order) => order.time },
  { header: 'Side', cell: (order) => order.side },
  { header: 'Quantity', cell: (order) => formatQuantity(order.quantity), numeric: true },
  { header: 'Status', cell: (order) => (order.reason ? `${order.status}: ${order.reason}` : order.status) },
  { header: 'Fill price', cell: (order) => formatPrice(order.fill_price), numeric: true },
  { header: 'Commission', cell: (order) => formatMoney(order.commission), numeric: true },
];

/** A paper account's figures: equity against buy-and-hold of the same cash, start equity, cash, position. */
export function PaperAccountFigures({
  report,
  benchmarkFinal,
}: {
  report: Pick<
    PapertradeReport,
    'final_equity' | 'start_equity' | 'cash' | 'position' | 'symbol' | 'orders_placed' | 'benchmark'
  >;
  /** Buy-and-hold's final equity, when known (the chart's last benchmark point). */
  benchmarkFinal: number | undefined;
}) {
  const difference = benchmarkFinal === undefined ? undefined : report.final_equity - benchmarkFinal;
  const differenceText = formatMoney(difference, { signed: true });
  return (
    <div className="metric-grid">
      <MetricCard
        label="Final equity"
        value={formatMoney(report.final_equity)}
        {...(benchmarkFinal === undefined
          ? {}
          : {
              benchmark: formatMoney(benchmarkFinal),
              benchmarkOf: report.benchmark ?? report.symbol,
              versusBenchmark: { text: differenceText, tone: toneOf(difference, differenceText) },
            })}
      />
      <MetricCard label="Start equity" value={formatMoney(report.start_equity)} />
      <MetricCard label="Final cash" value={formatMoney(report.cash)} />
      <MetricCard label="Position" value={`${formatQuantity(report.position)} ${report.symbol}`} />
      <MetricCard label="Orders filled" value={formatCount(report.orders_placed)} />
    </div>
  );
}

export function PapertradeResults({ report }: { report: PapertradeReport }) {
  const { chart } = report;
  // Runs recorded before reports named their benchmark were all measured against their own symbol.
  const benchmark = report.benchmark ?? report.symbol;
  const group = useChartGroup();
  const equity = useMemo(() => (chart ? equityLines(chart, benchmark) : []), [chart, benchmark]);
  const orders = useMemo(() => [...report.orders].reverse(), [report.orders]);
  const marks = useMemo(() => orderMarks(report.orders), [report.orders]);
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.symbol} · {report.strategy} <span className="muted">on the {report.broker} broker</span>
      </h3>
      <ProviderNote provider={report.provider} first={report.first} last={report.last} />
      <RunWarnings warnings={report.warnings} />
      <BenchmarkNote benchmark={benchmark} />
      <PaperAccountFigures report={report} benchmarkFinal={chart?.benchmark[chart.benchmark.length - 1]} />
      {chart && (
        <>
          <h4>Equity</h4>
          <TimeSeriesChart
            testId="papertrade-equity-chart"
            label={`Paper account equity against ${benchmarkPhrase(benchmark)}`}
            time={chart.time}
            lines={equity}
            format={formatEquity}
            tickFormat={formatEquityTick}
            logScaleToggle
            group={group}
          />
          <PriceFromBars
            symbol={report.symbol}
            provider={report.provider}
            first={report.first}
            last={report.last}
            marks={marks}
            group={group}
          />
        </>
      )}
      <h4>Orders</h4>
      <DataTable
        label="Orders"
        columns={ORDER_COLUMNS}
        rows={orders}
        rowKey={(order) => order.client_order_id}
        empty="No orders in this period."
      />
    </section>
  );
}
