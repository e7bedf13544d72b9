import {
  type BacktestReport,
  type LiveTradeReport,
  type OptimizeReport,
  type OrderView,
  type PaperOrderView,
  type PapertradeReport,
  type PortfolioBacktestReport,
  type RunDetailView,
  type SweepReport,
  type WalkForwardReport,
} from '../../api/types';
import { Facts } from '../../components/facts';
import { formatDateTime } from '../../components/format';
import { metricFact } from '../../components/metric-catalog';
import { BacktestResults } from '../backtest/backtest-results';
import { SweepResults } from '../jobs/sweep-results';
import { WalkForwardResults } from '../jobs/walk-forward-results';
import { OptimizeResults } from '../optimize/optimize-results';
import { LiveTradeResults } from '../papertrade/live-trade-results';
import { PapertradeResults } from '../papertrade/papertrade-results';
import { PortfolioBacktestResults } from '../portfolio/portfolio-backtest-results';
import { resultFits, type RunKind } from './run-kind';

/**
 * A recorded run's result, in the view its own screen shows it in (the report as recorded: without the chart
 * and the trade list, which only a screen's answer carries). A result its view cannot read (recorded by an
 * older version, or of a kind this dashboard does not know) shows as its recorded metrics.
 */
export function RunResult({ detail, kind }: { detail: RunDetailView; kind: RunKind | undefined }) {
  const { result } = detail;
  if (kind === undefined || !resultFits(kind, result)) return <RecordedMetrics detail={detail} />;
  // resultFits checked the keys each view reads; the casts name the report the run recorded.
  switch (kind) {
    case 'backtest':
      return <BacktestResults report={result as unknown as BacktestReport} />;
    case 'portfolioBacktest':
      return <PortfolioBacktestResults report={result as unknown as PortfolioBacktestReport} />;
    case 'papertrade':
      // The run keeps its orders beside the report (the report's own list is not recorded twice).
      return (
        <PapertradeResults
          report={{ ...(result as unknown as PapertradeReport), orders: paperOrders(detail) }}
        />
      );
    case 'liveTrade':
      return <LiveTradeResults report={result as unknown as LiveTradeReport} />;
    case 'optimize':
      return <OptimizeResults report={result as unknown as OptimizeReport} />;
    case 'sweep':
      return <SweepResults report={result as unknown as SweepReport} />;
    case 'walkForward':
      return <WalkForwardResults report={result as unknown as WalkForwardReport} runId={detail.id} />;
  }
}

/** The run's named figures, each labelled and formatted by the metric catalog. */
function RecordedMetrics({ detail }: { detail: RunDetailView }) {
  const names = Object.keys(detail.metrics);
  return (
    <section aria-label="Results" className="results">
      <h4>Metrics</h4>
      <Facts
        facts={[
          ...names.map((name) => metricFact(name, detail.metrics[name])),
          detail.final_equity !== null && !names.includes('final_equity')
            ? metricFact('final_equity', detail.final_equity)
            : undefined,
        ]}
      />
    </section>
  );
}

/** A bar of a daily (or longer) run is its date; an intraday one its time in the reader's zone. */
function barTimeOf(order: OrderView, interval: string | null): string {
  const daily = interval === null || /^\d+(d|wk|mo)$/.test(interval);
  return daily ? order.timestamp.slice(0, 10) : formatDateTime(order.timestamp);
}

/** The run's recorded orders as a paper trade's report lists them. */
export function paperOrders(detail: RunDetailView): PaperOrderView[] {
  return detail.orders.map((order) => ({
    client_order_id: order.client_order_id ?? String(order.id),
    time: barTimeOf(order, detail.interval),
    side: order.side,
    quantity: order.quantity,
    status: order.status,
    fill_price: order.price,
    commission: order.commission,
  }));
}
