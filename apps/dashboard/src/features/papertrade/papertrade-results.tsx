import { useMemo } from 'react';
import { type PaperOrderView, type PapertradeReport } from '../../api/types';
import { equityLines, formatEquity } from '../../components/chart-formats';
import { DataTable, type Column } from '../../components/data-table';
import { formatMoney, formatNumber, formatPrice } from '../../components/format';
import { compareTone, MetricCard } from '../../components/metric-card';
import { ProviderNote, RunWarnings } from '../../components/provider-note';
import { TimeSeriesChart } from '../../components/time-series-chart';

const ORDER_COLUMNS: readonly Column<PaperOrderView>[] = [
  { header: 'Time', cell: (order) => order.time },
  { header: 'Side', cell: (order) => order.side },
  { header: 'Quantity', cell: (order) => formatNumber(order.quantity, 0), numeric: true },
  { header: 'Status', cell: (order) => (order.reason ? `${order.status}: ${order.reason}` : order.status) },
  { header: 'Fill price', cell: (order) => formatPrice(order.fill_price), numeric: true },
  { header: 'Commission', cell: (order) => formatMoney(order.commission), numeric: true },
];

export function PapertradeResults({ report }: { report: PapertradeReport }) {
  const { chart } = report;
  const equity = useMemo(() => (chart ? equityLines(chart) : []), [chart]);
  const orders = useMemo(() => [...report.orders].reverse(), [report.orders]);
  const benchmarkFinal = chart?.benchmark[chart.benchmark.length - 1];
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.symbol} · {report.strategy} <span className="muted">on the {report.broker} broker</span>
      </h3>
      <ProviderNote provider={report.provider} first={report.first} last={report.last} />
      <RunWarnings warnings={report.warnings} />
      <div className="metric-grid">
        <MetricCard
          label="Final equity"
          value={formatMoney(report.final_equity)}
          {...(benchmarkFinal === undefined
            ? {}
            : {
                benchmark: formatMoney(benchmarkFinal),
                tone: compareTone(report.final_equity, benchmarkFinal),
              })}
        />
        <MetricCard label="Start equity" value={formatMoney(report.start_equity)} />
        <MetricCard label="Final cash" value={formatMoney(report.cash)} />
        <MetricCard label="Position" value={`${formatNumber(report.position, 0)} ${report.symbol}`} />
        <MetricCard label="Orders filled" value={String(report.orders_placed)} />
      </div>
      {chart && (
        <>
          <h4>Equity</h4>
          <TimeSeriesChart
            testId="papertrade-equity-chart"
            label={`Paper account equity against buy-and-hold of ${report.symbol}`}
            time={chart.time}
            lines={equity}
            format={formatEquity}
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
