import { useEffect } from 'react';
import { type RunDetailView, type OrderView } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { DataTable, type Column } from '../../components/data-table';
import { formatDateTime, formatMoney, formatNumber, formatPrice } from '../../components/format';
import { Facts } from '../../components/facts';
import { RequestOutcome } from '../../components/request-outcome';

const ORDER_COLUMNS: readonly Column<OrderView>[] = [
  { header: 'Time', cell: (order) => formatDateTime(order.timestamp) },
  { header: 'Symbol', cell: (order) => order.symbol },
  { header: 'Side', cell: (order) => order.side },
  { header: 'Quantity', cell: (order) => formatNumber(order.quantity, 0), numeric: true },
  { header: 'Price', cell: (order) => formatPrice(order.price), numeric: true },
  { header: 'Commission', cell: (order) => formatMoney(order.commission), numeric: true },
  { header: 'Status', cell: (order) => order.status },
];

/** One recorded run: what it ran with, its metrics and its orders. */
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
        {(detail) => (
          <section aria-label="Run detail" className="results">
            <h3>
              {detail.type} · {detail.symbols.join(', ')}
            </h3>
            <p className="muted">
              {formatDateTime(detail.created_at)} · {detail.status} · {formatNumber(detail.duration_ms, 0)} ms
              {detail.period ? ` · ${detail.period}` : ''}
              {detail.interval ? ` · ${detail.interval}` : ''}
            </p>
            <h4>Metrics</h4>
            <Facts
              facts={[
                ...Object.entries(detail.metrics).map(([name, value]) => ({
                  label: name.replace(/_/g, ' '),
                  value: formatNumber(value, 4),
                })),
                detail.final_equity !== null && !Object.hasOwn(detail.metrics, 'final_equity')
                  ? { label: 'final equity', value: formatMoney(detail.final_equity) }
                  : undefined,
              ]}
            />
            <h4>Parameters</h4>
            <Facts
              facts={Object.entries(detail.parameters).map(([name, value]) => ({
                label: name.replace(/_/g, ' '),
                value: typeof value === 'object' ? JSON.stringify(value) : String(value),
                breakAnywhere: true,
              }))}
            />
            <h4>Orders</h4>
            <DataTable
              label="Orders"
              columns={ORDER_COLUMNS}
              rows={detail.orders}
              rowKey={(order) => order.id}
              empty="This run placed no orders."
            />
          </section>
        )}
      </RequestOutcome>
    </>
  );
}
