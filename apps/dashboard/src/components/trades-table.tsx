import { useMemo } from 'react';
import { type TradeView } from '../api/types';
import { DataTable, type Column } from './data-table';
import { formatCount, formatMoney, formatPercent, formatPrice, formatQuantity } from './format';
import { Signed } from './signed';

type Figure = number | null | undefined;
const percent2 = (value: Figure) => formatPercent(value, 2);
const signedMoney = (value: Figure) => formatMoney(value, { signed: true });

/**
 * A trade's columns: its entry date first (the column that stays in view while the others scroll), prices as
 * the engine used them (the price rule: cents from $10, 4 significant digits below), its size in units, its
 * P&L in dollars and its return, both coloured by their sign.
 */
const TRADE_COLUMNS: readonly Column<TradeView>[] = [
  { header: 'Entry', cell: (trade) => trade.entry },
  { header: 'Side', cell: (trade) => trade.side },
  { header: 'Exit', cell: (trade) => trade.exit },
  { header: 'Size', cell: (trade) => formatQuantity(trade.size), numeric: true },
  { header: 'Entry price', cell: (trade) => formatPrice(trade.entry_price), numeric: true },
  { header: 'Exit price', cell: (trade) => formatPrice(trade.exit_price), numeric: true },
  { header: 'P&L', cell: (trade) => <Signed value={trade.pnl} format={signedMoney} />, numeric: true },
  { header: 'Return', cell: (trade) => <Signed value={trade.return} format={percent2} />, numeric: true },
  { header: 'Bars', cell: (trade) => formatCount(trade.bars_held), numeric: true },
  { header: 'Status', cell: (trade) => (trade.open ? 'open' : 'closed') },
];

/**
 * A run's trades, newest first (the latest are what a person looks for on a phone). A trade still open at the
 * last bar is `open`: its exit is that bar, not a sale.
 */
export function TradesTable({ trades, label = 'Trades' }: { trades: readonly TradeView[]; label?: string }) {
  const newestFirst = useMemo(() => [...trades].reverse(), [trades]);
  return (
    <DataTable
      label={label}
      columns={TRADE_COLUMNS}
      rows={newestFirst}
      rowKey={(trade) => `${trade.entry}-${trade.side}`}
      empty="No trades in this period."
    />
  );
}
