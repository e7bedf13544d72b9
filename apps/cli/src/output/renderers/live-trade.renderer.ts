import { type LiveTradeReport } from '@aetherquant/core';
import { renderFields } from '../fields';
import { formatCount, formatMoney, formatTime } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { blocks, title, warningLines } from './report-parts';

/** `papertrade --broker live`: the one decision on the latest bar, what became of it, and the account. */
export const liveTradeRenderer: ReportRenderer<LiveTradeReport> = {
  script: 'json',
  human(report, terminal) {
    const { style } = terminal;
    const { order, account } = report;
    const currency = account.currency ?? 'USD';
    return blocks(
      title(
        terminal,
        'Live decision',
        report.symbol,
        `bar ${formatTime(report.bar)}`,
        report.dry_run ? 'dry run' : 'live',
      ),
      renderFields(
        [
          [
            'Order',
            order === null
              ? 'none'
              : `${order.side} ${formatCount(order.quantity)} at ${formatMoney(order.price, currency)}: ${order.status}${order.broker_order_id ? ` (${order.broker_order_id})` : ''}`,
          ],
          ['Reason', report.reason],
          ['Cash', formatMoney(account.cash, currency)],
          ['Equity', formatMoney(account.equity, currency)],
          ['Data', report.provider],
        ],
        terminal,
      ),
      warningLines(report.warnings, style),
    );
  },
};
