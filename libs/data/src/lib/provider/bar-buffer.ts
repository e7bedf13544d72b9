import { BarSeries, type Interval, type Provenance } from '@aetherquant/core';
import { adjustPrices } from '../adjustment/adjust-prices';

const INITIAL_CAPACITY = 1024;

/**
 * Columns that grow as rows arrive (from a stream, a JSON answer or a generator), doubling their typed
 * arrays as needed, so loading a million rows allocates a few dozen arrays rather than a million objects.
 */
export class BarBuffer {
  private capacity: number;
  length = 0;
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  volume: Float64Array;

  constructor(capacity = INITIAL_CAPACITY) {
    this.capacity = Math.max(1, capacity);
    this.time = new Float64Array(this.capacity);
    this.open = new Float64Array(this.capacity);
    this.high = new Float64Array(this.capacity);
    this.low = new Float64Array(this.capacity);
    this.close = new Float64Array(this.capacity);
    this.adjClose = new Float64Array(this.capacity);
    this.volume = new Float64Array(this.capacity);
  }

  /** Appends one row; `adjClose` is NaN where the source has none. */
  push(
    time: number,
    open: number,
    high: number,
    low: number,
    close: number,
    adjClose: number,
    volume: number,
  ): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.open[i] = open;
    this.high[i] = high;
    this.low[i] = low;
    this.close[i] = close;
    this.adjClose[i] = adjClose;
    this.volume[i] = volume;
  }

  /** The time of the last row pushed, or -Infinity when empty. */
  lastTime(): number {
    return this.length === 0 ? -Infinity : (this.time[this.length - 1] as number);
  }

  /**
   * The rows `[from, to)` as a validated `BarSeries`, adjusted (O/H/L/C scaled by adj close / close, as
   * yfinance's `auto_adjust`) when `adjusted` is asked and every row has an adjusted close.
   */
  toSeries(options: {
    symbol: string;
    interval: Interval;
    provider: string;
    adjusted: boolean;
    /** Rows the source sent incomplete and the caller skipped, reported in the provenance when > 0. */
    droppedRows?: number;
    from?: number;
    to?: number;
  }): BarSeries {
    const from = options.from ?? 0;
    const to = options.to ?? this.length;
    const columns = {
      time: this.time.slice(from, to),
      open: this.open.slice(from, to),
      high: this.high.slice(from, to),
      low: this.low.slice(from, to),
      close: this.close.slice(from, to),
      volume: this.volume.slice(from, to),
    };
    const adjClose = this.adjClose.subarray(from, to);
    const adjusted = options.adjusted && adjClose.every((value) => !Number.isNaN(value));
    if (adjusted) adjustPrices(columns, adjClose);
    const provenance: Provenance = options.droppedRows
      ? { provider: options.provider, adjusted, droppedRows: options.droppedRows }
      : { provider: options.provider, adjusted };
    return new BarSeries({ symbol: options.symbol, interval: options.interval, ...columns, provenance });
  }

  private grow(): void {
    this.capacity *= 2;
    const grow = (column: Float64Array) => {
      const larger = new Float64Array(this.capacity);
      larger.set(column);
      return larger;
    };
    this.time = grow(this.time);
    this.open = grow(this.open);
    this.high = grow(this.high);
    this.low = grow(this.low);
    this.close = grow(this.close);
    this.adjClose = grow(this.adjClose);
    this.volume = grow(this.volume);
  }
}
