import { useEffect } from 'react';
import { type RunDetailView, type OrderView } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { DataTable, type Column } from '../../components/data-table';
import { formatDateTime, formatMoney, formatNumber, formatPrice } from '../../components/format';
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
            <dl className="facts">
              {Object.entries(detail.metrics).map(([name, value]) => (
                <div key={name}>
                  <dt>{name.replace(/_/g, ' ')}</dt>
                  <dd>{formatNumber(value, 4)}</dd>
                </div>
              ))}
              {detail.final_equity !== null && !Object.hasOwn(detail.metrics, 'final_equity') && (
                <div>
                  <dt>final equity</dt>
                  <dd>{formatMoney(detail.final_equity)}</dd>
                </div>
              )}
            </dl>
            <h4>Parameters</h4>
            <dl className="facts">
              {Object.entries(detail.parameters).map(([name, value]) => (
                <div key={name}>
                  <dt>{name.replace(/_/g, ' ')}</dt>
                  <dd className="break">
                    {typeof value === 'object' ? JSON.stringify(value) : String(value)}
                  </dd>
                </div>
              ))}
            </dl>
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
