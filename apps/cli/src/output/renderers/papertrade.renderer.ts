import { type PaperOrderView, type PapertradeReport } from '@aetherquant/core';
import { renderFields } from '../fields';
import { toned } from '../figures';
import { formatCount, formatMoney, formatParams, formatSignedPercent, formatTime } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { renderTable } from '../table';
import { blocks, lines, runLine, title, warningLines, windowLine } from './report-parts';

/** `papertrade` (paper broker): equity from start to end, what is held, then every order. */
export const papertradeRenderer: ReportRenderer<PapertradeReport> = {
  script: 'json',
  human(report, terminal) {
    const { style } = terminal;
    const change = report.start_equity === 0 ? null : report.final_equity / report.start_equity - 1;
    return blocks(
      lines(
        title(terminal, 'Paper trade', report.symbol, `${report.strategy} ${formatParams(report.params)}`),
        windowLine(report, terminal),
      ),
      renderFields(
        [
          ['Start equity', formatMoney(report.start_equity)],
          ['Final equity', formatMoney(report.final_equity)],
          ['Change', toned(formatSignedPercent(change), change, style)],
          ['Cash', formatMoney(report.cash)],
          ['Position', `${formatCount(report.position)} shares`],
          ['Orders filled', formatCount(report.orders_placed)],
        ],
        terminal,
        { align: 'right' },
      ),
      report.orders.length === 0
        ? 'No orders.'
        : renderTable<PaperOrderView>(
            [
              { header: 'Time', cell: (order) => formatTime(order.time, 'minutes') },
              { header: 'Side', cell: (order) => order.side },
              { header: 'Quantity', cell: (order) => formatCount(order.quantity), align: 'right' },
              { header: 'Fill price', cell: (order) => formatMoney(order.fill_price), align: 'right' },
              {
                header: 'Commission',
                cell: (order) => formatMoney(order.commission),
                align: 'right',
                drop: 1,
              },
              {
                header: 'Status',
                cell: (order) =>
                  order.reason === undefined
                    ? order.status
                    : style.negative(`${order.status}: ${order.reason}`),
                overflow: 'truncate',
              },
            ],
            report.orders,
            terminal,
          ),
      lines(runLine(report.run_id), warningLines(report.warnings, style)),
    );
  },
};
