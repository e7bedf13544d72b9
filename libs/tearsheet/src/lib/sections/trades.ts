import { formatCount, formatPrice } from '@aetherquant/core';
import { formatFigure } from '@aetherquant/core';
import { html, type Html } from '../format/html';
import { section, type SectionContext } from './section';

/** The trade list: entry and exit at the prices the engine used, size, P&L in currency and return. */
export function tradesSection(context: SectionContext): Html {
  const { input } = context;
  const trades = input.trades;
  if (trades === undefined) return html``;
  const currency = input.currency;
  const rows = trades.map(
    (trade) =>
      html`<tr><td>${trade.symbol}</td><td>${trade.side}</td><td>${context.time(trade.entryTime)}</td><td>${trade.open ? 'open' : context.time(trade.exitTime)}</td><td class="num">${formatPrice(trade.entryPrice, currency)}</td><td class="num">${formatPrice(trade.exitPrice, currency)}</td><td class="num">${formatCount(trade.size)}</td><td>${context.signed(trade.pnl, 'money')}</td><td>${context.signed(trade.return, 'percent')}</td><td class="num">${formatFigure(trade.barsHeld, 'count')}</td></tr>`,
  );
  const notListed = input.tradesNotListed ?? 0;
  const note =
    trades.length === 0
      ? 'No trade.'
      : `${formatFigure(trades.length, 'count')} trades${notListed > 0 ? `, the latest ones: ${formatFigure(notListed, 'count')} earlier trades are in the CSV export` : ''}. An open trade is valued at the last bar's close.`;
  return section(
    'trades',
    'Trades',
    trades.length === 0
      ? html``
      : html`<div class="table-wrap"><table class="trades"><thead><tr><th>Symbol</th><th>Side</th><th>Entry</th><th>Exit</th><th>Entry price</th><th>Exit price</th><th>Size</th><th>P&amp;L</th><th>Return</th><th>Bars</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    note,
  );
}
