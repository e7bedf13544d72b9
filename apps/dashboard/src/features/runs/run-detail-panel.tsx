import { useEffect, useMemo } from 'react';
import { type OrderView, type RunDetailView } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { DataTable, type Column } from '../../components/data-table';
import { Facts } from '../../components/facts';
import {
  formatDateTime,
  formatDuration,
  formatMoney,
  formatPrice,
  formatQuantity,
} from '../../components/format';
import { RequestOutcome } from '../../components/request-outcome';
import { orderMarks } from '../../components/trade-marks';
import { RequestFacts } from './request-facts';
import { RunResult } from './run-result';
import { RecordedCurves } from './recorded-curves';
import { RunReportActions } from './run-report-actions';
import { RUN_KIND_LABELS, RUN_KIND_TABLES, recordedBenchmark, runKind, type RunKind } from './run-kind';
import { paperOrders } from './run-result';

const ORDER_COLUMNS: readonly Column<OrderView>[] = [
  { header: 'Time', cell: (order) => formatDateTime(order.timestamp) },
  { header: 'Symbol', cell: (order) => order.symbol },
  { header: 'Side', cell: (order) => order.side },
  { header: 'Quantity', cell: (order) => formatQuantity(order.quantity), numeric: true },
  { header: 'Price', cell: (order) => formatPrice(order.price), numeric: true },
  { header: 'Commission', cell: (order) => formatMoney(order.commission), numeric: true },
  { header: 'Status', cell: (order) => order.status },
];

/** One recorded run: what it was, its result as its own screen shows it, what reruns it, and its orders. */
export function RunDetailPanel({ id, onBack }: { id: string; onBack: () => void }) {
  const { client } = useSession();
  const request = useRequest<RunDetailView>();
  const { run } = request;
  useEffect(() => {
    run((signal) => client.call('run', { id }, { signal }));
  }, [run, client, id]);
  return (
    <>
      <button type="button" className="button button--secondary" onClick={onBack}>
        Back to runs
      </button>
      <RequestOutcome request={request} progressLabel="Loading the run">
        {(detail) => <RunDetail detail={detail} />}
      </RequestOutcome>
    </>
  );
}

function RunDetail({ detail }: { detail: RunDetailView }) {
  const kind = runKind(detail);
  return (
    <section aria-label="Run detail" className="run-detail">
      <h3>
        {kind ? RUN_KIND_LABELS[kind] : detail.type} · {detail.symbols.join(', ')}
      </h3>
      <Facts
        facts={[
          { label: 'Recorded', value: formatDateTime(detail.created_at) },
          { label: 'Status', value: detail.status },
          { label: 'Took', value: formatDuration(detail.duration_ms) },
          detail.job_id ? { label: 'Job', value: detail.job_id, breakAnywhere: true } : undefined,
          { label: 'Run', value: detail.id, breakAnywhere: true },
        ]}
      />
      <RunReportActions runId={detail.id} tables={kind ? RUN_KIND_TABLES[kind] : []} />
      <RunResult detail={detail} kind={kind} />
      <RunCurvesOf detail={detail} kind={kind} />
      <RunOrders detail={detail} kind={kind} />
      <RunSpec detail={detail} />
    </section>
  );
}

/**
 * The run's curves (and a backtest's trades on its prices), read on request; a walk-forward's result view
 * offers its own (its out-of-sample equity), and kinds without curves have none.
 */
function RunCurvesOf({ detail, kind }: { detail: RunDetailView; kind: RunKind | undefined }) {
  const tables = kind ? RUN_KIND_TABLES[kind] : [];
  // A paper trade lists no trades: its recorded orders are marked on its prices (kept by identity, so the
  // chart is not drawn again on every render).
  const marks = useMemo(
    () => (kind === 'papertrade' ? orderMarks(paperOrders(detail)) : undefined),
    [kind, detail],
  );
  if (kind === undefined || kind === 'walkForward' || !tables.includes('equity')) return null;
  const single = detail.symbols.length === 1 ? detail.symbols[0] : undefined;
  const withTrades = tables.includes('trades');
  return (
    <>
      <h4>Curves{withTrades ? ' and trades' : ''}</h4>
      <RecordedCurves
        runId={detail.id}
        symbol={single}
        benchmark={recordedBenchmark(detail, kind)}
        withTrades={withTrades}
        {...(marks ? { marks } : {})}
        action={withTrades ? 'Show curves and trades' : 'Show curves'}
      />
    </>
  );
}

/** Why a run has no orders, by kind: only paper and live runs place orders. */
const NO_ORDERS: Partial<Record<RunKind, string>> = {
  backtest:
    'A backtest places no orders: it simulates its position bar by bar, and its trades are counted above. Paper and live runs place orders.',
  portfolioBacktest:
    'A portfolio backtest places no orders: it simulates its rebalances bar by bar. Paper and live runs place orders.',
  sweep: 'A sweep backtests each combination and places no orders. Paper and live runs place orders.',
  walkForward: 'A walk-forward backtests its windows and places no orders. Paper and live runs place orders.',
  optimize: 'An optimisation computes weights and places no orders.',
  liveTrade: 'This decision sent no order to the broker.',
};

/**
 * The run's orders. A paper trade's are in its result's view already; a run of a kind that places none says
 * so, rather than "no orders" as if it had failed to place them.
 */
function RunOrders({ detail, kind }: { detail: RunDetailView; kind: RunKind | undefined }) {
  if (kind === 'papertrade') return null;
  const none = kind ? NO_ORDERS[kind] : undefined;
  return (
    <>
      <h4>Orders</h4>
      <DataTable
        label="Orders"
        columns={ORDER_COLUMNS}
        rows={detail.orders}
        rowKey={(order) => order.id}
        empty={none ?? 'This run recorded no orders.'}
      />
    </>
  );
}

/** What reruns the run (its spec: the request with everything resolved pinned), or its parameters. */
function RunSpec({ detail }: { detail: RunDetailView }) {
  const { spec } = detail;
  if (!spec) {
    return (
      <section aria-labelledby="run-parameters">
        <h4 id="run-parameters">Parameters</h4>
        <p className="muted">
          Recorded before runs kept their spec: the parameters as the run resolved them.
        </p>
        <RequestFacts request={detail.parameters} />
      </section>
    );
  }
  return (
    <section aria-labelledby="run-spec">
      <h4 id="run-spec">Spec</h4>
      <p className="muted">
        What reruns this run to the same figures; <code>aetherquant runs spec {detail.id}</code> writes it as
        a config file.
      </p>
      <RequestFacts request={spec.request} />
      {spec.strategy_file && (
        <Facts facts={[{ label: 'Strategy file', value: spec.strategy_file, breakAnywhere: true }]} />
      )}
    </section>
  );
}
