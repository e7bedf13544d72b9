import { formatBarTime, type Interval } from '@aetherquant/core';
import { drawdownCurve } from '@aetherquant/risk';
import { type TearsheetSeries, type TearsheetTrade } from '../model/tearsheet-input';

/** The trade list's columns, as the API names a trade's fields. */
export const TRADE_COLUMNS = [
  'symbol',
  'side',
  'entry',
  'exit',
  'entry_price',
  'exit_price',
  'size',
  'return',
  'pnl',
  'bars_held',
  'open',
] as const;

/**
 * Every trade as CSV (RFC 4180, `\n` line ends, a header row): times as the interval shows them, prices, size,
 * P&L and return at full precision (the numbers the engine used, as JavaScript prints them), empty for unknown.
 */
export function tradesCsv(trades: readonly TearsheetTrade[], interval: Interval): string {
  const lines = [TRADE_COLUMNS.join(',')];
  for (const trade of trades) {
    lines.push(
      [
        text(trade.symbol),
        trade.side,
        formatBarTime(trade.entryTime, interval),
        formatBarTime(trade.exitTime, interval),
        number(trade.entryPrice),
        number(trade.exitPrice),
        number(trade.size),
        number(trade.return),
        number(trade.pnl),
        String(trade.barsHeld),
        String(trade.open),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The equity curve as CSV, one row per bar: `time,equity,drawdown`, then `benchmark` and the traded symbol's
 * `close` when the run has them. Full precision.
 */
export function equityCsv(series: TearsheetSeries, interval: Interval): string {
  const drawdown = series.equity.length > 0 ? drawdownCurve(series.equity) : new Float64Array(0);
  const header = ['time', 'equity', 'drawdown'];
  if (series.benchmark) header.push('benchmark');
  if (series.price) header.push('close');
  const lines = [header.join(',')];
  for (let t = 0; t < series.time.length; t++) {
    const row = [
      formatBarTime(series.time[t] as number, interval),
      number(series.equity[t]),
      number(drawdown[t]),
    ];
    if (series.benchmark) row.push(number(series.benchmark[t]));
    if (series.price) row.push(number(series.price.close[t]));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function number(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/**
 * A text field: quoted when it holds a comma, quote or line break, and defused when it starts like a formula
 * (`=`, `+`, `-`, `@`), which a spreadsheet would otherwise run.
 */
function text(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
