import { type BarSeries, DAY_MS, type TimeWindow } from '@aetherquant/core';
import { BarBuffer } from '../provider/bar-buffer';
import { noBarsError, type ResolvedBarRequest } from '../provider/bar-request';

type Values = readonly (number | null)[];

/** The parts of a Yahoo chart result (`return: 'object'`) that bars are made of. */
export interface YahooChart {
  meta: { gmtoffset?: number | null };
  /** Epoch seconds of each bar: the session open for daily and longer bars. Absent when there are none. */
  timestamp?: readonly number[];
  indicators: {
    quote: readonly { open?: Values; high?: Values; low?: Values; close?: Values; volume?: Values }[];
    /** Daily and longer intervals only. */
    adjclose?: readonly { adjclose?: Values }[];
  };
}

/**
 * Turns a Yahoo chart result into the bars of `window`, ascending:
 * - daily and longer bars are dated at UTC midnight of their exchange-local date (Yahoo stamps them at
 *   the session open: 14:30Z in New York's winter, 13:30Z in summer; `meta.gmtoffset` shifts that onto the
 *   local calendar); intraday bars keep their exact times;
 * - rows with a missing or unusable open, high, low, close or volume (or adjusted close, when adjusted
 *   prices are asked for) are dropped and counted in `provenance.droppedRows`;
 * - rows are sorted, and of rows with equal times the last is kept (Yahoo may repeat the live bar);
 * - prices are adjusted by adj close / close when asked (and Yahoo sent adjusted closes: intraday it
 *   does not, and the provenance then says `adjusted: false`).
 *
 * Throws DATA_UNAVAILABLE, naming symbol, range and interval, when no bar is left.
 */
export function chartToSeries(
  chart: YahooChart,
  request: ResolvedBarRequest,
  window: TimeWindow,
  provider: string,
): BarSeries {
  const stamps = chart.timestamp ?? [];
  const quote = chart.indicators.quote[0] ?? {};
  const adjClose = chart.indicators.adjclose?.[0]?.adjclose;
  const { open, high, low, close, volume } = quote;
  const offsetMs = (chart.meta.gmtoffset ?? 0) * 1000;
  const daily = !request.interval.intraday;
  const start = window.start ?? -Infinity;

  // Rows to keep, by index into Yahoo's columns, with their bar times.
  const rows: number[] = [];
  const times: number[] = [];
  let dropped = 0;
  for (let i = 0; i < stamps.length; i++) {
    const stampMs = (stamps[i] as number) * 1000;
    const time = daily ? Math.floor((stampMs + offsetMs) / DAY_MS) * DAY_MS : stampMs;
    if (!Number.isFinite(time)) {
      dropped++;
      continue;
    }
    if (time < start || time >= window.end) continue;
    const complete =
      isPrice(open?.[i]) &&
      isPrice(high?.[i]) &&
      isPrice(low?.[i]) &&
      isPrice(close?.[i]) &&
      isVolume(volume?.[i]) &&
      (!request.adjusted || adjClose === undefined || isPrice(adjClose[i]));
    if (!complete) {
      dropped++;
      continue;
    }
    rows.push(i);
    times.push(time);
  }

  const order = ascendingOrder(times);
  const bars = new BarBuffer(Math.max(1, order.length));
  for (let k = 0; k < order.length; k++) {
    const position = order[k] as number;
    // Equal times: keep the last one Yahoo sent (the later live update of the bar).
    if (k + 1 < order.length && times[order[k + 1] as number] === times[position]) continue;
    const i = rows[position] as number;
    const adjusted = adjClose?.[i];
    bars.push(
      times[position] as number,
      open?.[i] as number,
      high?.[i] as number,
      low?.[i] as number,
      close?.[i] as number,
      isPrice(adjusted) ? adjusted : NaN,
      volume?.[i] as number,
    );
  }

  if (bars.length === 0) {
    const reason = dropped > 0 ? `the ${plural(dropped, 'row')} Yahoo sent had missing values` : undefined;
    throw noBarsError(request, provider, reason);
  }
  return bars.toSeries({
    symbol: request.symbol,
    interval: request.interval,
    provider,
    adjusted: request.adjusted,
    droppedRows: dropped,
  });
}

/** Positions into `times` in ascending time; equal times keep their order. Yahoo's rows usually are already. */
function ascendingOrder(times: readonly number[]): number[] {
  const order = times.map((_, position) => position);
  for (let k = 1; k < times.length; k++) {
    if ((times[k] as number) < (times[k - 1] as number)) {
      return order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
    }
  }
  return order;
}

function isPrice(value: number | null | undefined): value is number {
  return typeof value === 'number' && value > 0 && value < Infinity;
}

function isVolume(value: number | null | undefined): value is number {
  return typeof value === 'number' && value >= 0 && value < Infinity;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
