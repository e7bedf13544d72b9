import { type LiveTradeReport } from '../../api/types';
import { Facts } from '../../components/facts';
import { formatMoney, formatPrice, formatQuantity } from '../../components/format';
import { MetricCard } from '../../components/metric-card';
import { RunWarnings } from '../../components/provider-note';

/** One live decision: the order it placed (or would have), why, and the broker account after it. */
export function LiveTradeResults({ report }: { report: LiveTradeReport }) {
  const { order } = report;
  return (
    <section aria-label="Results" className="results">
      <h3>
        {report.symbol} <span className="muted">on the live broker{report.dry_run ? ' (dry run)' : ''}</span>
      </h3>
      <p className="provider-note">
        <span className="badge">Data: {report.provider}</span> <span>Decided on the bar of {report.bar}</span>
      </p>
      <RunWarnings warnings={report.warnings} />
      <div className="metric-grid">
        <MetricCard
          label="Account equity"
          value={formatMoney(report.account.equity, { currency: report.account.currency })}
        />
        <MetricCard
          label="Account cash"
          value={formatMoney(report.account.cash, { currency: report.account.currency })}
        />
      </div>
      <h4>Decision</h4>
      <p>{report.reason}</p>
      {order && (
        <Facts
          facts={[
            { label: 'Side', value: order.side },
            { label: 'Quantity', value: formatQuantity(order.quantity) },
            { label: 'Price', value: formatPrice(order.price) },
            { label: 'Status', value: order.status },
            order.broker_order_id
              ? { label: 'Broker order', value: order.broker_order_id, breakAnywhere: true }
              : undefined,
          ]}
        />
      )}
    </section>
  );
}
