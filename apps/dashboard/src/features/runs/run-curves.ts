import { type ApiClient } from '@aetherquant/client';
import { csvNumber, parseCsv } from '../../api/csv';
import { type ChartSeries, type TradeView } from '../../api/types';
import { type PriceSeries } from '../../components/price-chart';

/**
 * A recorded run's curves and trades, which the run does not store: the server reruns its spec on the same
 * data for its report (`GET /api/runs/:id/report?format=csv`), and the CSV tables are read here.
 */
export interface RunCurves {
  /** Every bar's equity, drawdown and benchmark (empty when the run has none). */
  chart: ChartSeries;
  /** The traded symbol's closes, when the run has one symbol. */
  prices?: PriceSeries;
  /** What the rerun said: the data changed since the run, synthetic data… */
  warnings: string[];
}

/** The equity table (`time,equity,drawdown[,benchmark][,close]`) as a chart's columns. */
export function curvesOfEquityCsv(text: string): Omit<RunCurves, 'warnings'> {
  const rows = parseCsv(text).filter((row) => csvNumber(row['equity']) !== null);
  const time = rows.map((row) => row['time'] ?? '');
  const column = (name: string) => rows.map((row) => csvNumber(row[name]));
  const complete = (values: (number | null)[]) =>
    values.length > 0 && values.every((value) => value !== null);
  const benchmark = column('benchmark');
  const close = column('close');
  return {
    chart: {
      time,
      equity: column('equity') as number[],
      benchmark: complete(benchmark) ? (benchmark as number[]) : [],
      drawdown: column('drawdown').map((value) => value ?? 0),
    },
    ...(complete(close) ? { prices: { time, close: close as number[] } } : {}),
  };
}

/** The trades table as a report lists trades (its `symbol` column left out: a run's trades are of one). */
export function tradesOfCsv(text: string): TradeView[] {
  return parseCsv(text).map((row) => ({
    side: row['side'] === 'short' ? 'short' : 'long',
    entry: row['entry'] ?? '',
    exit: row['exit'] ?? '',
    entry_price: csvNumber(row['entry_price']) ?? Number.NaN,
    exit_price: csvNumber(row['exit_price']) ?? Number.NaN,
    size: csvNumber(row['size']) ?? Number.NaN,
    return: csvNumber(row['return']) ?? Number.NaN,
    pnl: csvNumber(row['pnl']) ?? Number.NaN,
    bars_held: csvNumber(row['bars_held']) ?? 0,
    open: row['open'] === 'true',
  }));
}

/** A run's curves, read from its equity table. */
export async function loadRunCurves(client: ApiClient, id: string, signal: AbortSignal): Promise<RunCurves> {
  const equity = await client.call('runReport', { id, format: 'csv', table: 'equity' }, { signal });
  return { ...curvesOfEquityCsv(equity.content), warnings: equity.warnings };
}

/** A run's trades, read from its trades table. */
export async function loadRunTrades(
  client: ApiClient,
  id: string,
  signal: AbortSignal,
): Promise<TradeView[]> {
  const trades = await client.call('runReport', { id, format: 'csv', table: 'trades' }, { signal });
  return tradesOfCsv(trades.content);
}
