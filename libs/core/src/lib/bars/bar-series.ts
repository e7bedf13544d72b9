import { AetherError, type FieldViolation } from '../errors/aether-error';
import { type Interval, type IntervalName, parseInterval } from '../time/interval';
import { normalizeSymbol } from '../symbols/symbol';
import { firstIndexAtOrAfter } from './sorted-search';

export const PRICE_COLUMNS = ['open', 'high', 'low', 'close'] as const;
export const BAR_COLUMNS = ['time', ...PRICE_COLUMNS, 'volume'] as const;
export type BarColumn = (typeof BAR_COLUMNS)[number];

/** A column as a caller may hand it over: a `Float64Array` is adopted as is, anything else is copied. */
export type ColumnInput = Float64Array | ArrayLike<number>;

/**
 * Where bars came from, carried with the series so every result can say it (synthetic data must never
 * pass for market data).
 */
export interface Provenance {
  /** `yahoo`, `csv`, `synthetic`, …; a cache reports the provider it holds bars of. */
  readonly provider: string;
  /** True when prices are adjusted for splits and dividends (the default), false when raw. */
  readonly adjusted: boolean;
  /** Rows the source sent with missing values and that were dropped; absent when none were. */
  readonly droppedRows?: number;
}

export interface BarSeriesInit {
  symbol: string;
  interval: IntervalName | Interval;
  time: ColumnInput;
  open: ColumnInput;
  high: ColumnInput;
  low: ColumnInput;
  close: ColumnInput;
  volume: ColumnInput;
  provenance?: Provenance;
}

/** One bar as an object, for display and tests; kernels read the columns instead. */
export interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Stop collecting after this many problems: enough to see a pattern, short enough to read. */
const MAX_REPORTED_VIOLATIONS = 10;

/**
 * A price history in columns (GUIDE §2): one `Float64Array` per field, times in epoch ms UTC. Construction
 * checks what every kernel relies on, so kernels never re-check: equal column lengths, strictly ascending
 * (hence unique) finite times, finite positive prices and finite non-negative volume. OHLC range
 * consistency (low ≤ open, close ≤ high) is left to providers: real feeds break it by a tick now and then.
 *
 * The series adopts `Float64Array` columns without copying; treat them as read-only afterwards.
 */
export class BarSeries {
  readonly symbol: string;
  readonly interval: Interval;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly provenance: Provenance | undefined;

  constructor(init: BarSeriesInit) {
    this.symbol = normalizeSymbol(init.symbol);
    this.interval = typeof init.interval === 'string' ? parseInterval(init.interval) : init.interval;
    this.time = toFloat64(init.time);
    this.open = toFloat64(init.open);
    this.high = toFloat64(init.high);
    this.low = toFloat64(init.low);
    this.close = toFloat64(init.close);
    this.volume = toFloat64(init.volume);
    this.provenance = init.provenance;
    const violations = this.findViolations();
    if (violations.length > 0) {
      throw AetherError.invalid(violations, `bar series ${this.symbol} ${this.interval.name}`);
    }
  }

  get length(): number {
    return this.time.length;
  }

  /** The bar at `index` as an object (negative counts from the end); throws NOT_FOUND past either end. */
  bar(index: number): Bar {
    const i = index < 0 ? this.length + index : index;
    if (!Number.isInteger(i) || i < 0 || i >= this.length) {
      throw new AetherError('NOT_FOUND', `bar ${index} is outside ${this.symbol}'s ${this.length} bars`);
    }
    return {
      time: this.time[i] as number,
      open: this.open[i] as number,
      high: this.high[i] as number,
      low: this.low[i] as number,
      close: this.close[i] as number,
      volume: this.volume[i] as number,
    };
  }

  /** Bars `[from, to)` by index, as views on the same memory (no copy); bounds clamp like `Array#slice`. */
  slice(from = 0, to = this.length): BarSeries {
    const start = clampIndex(from, this.length);
    const end = Math.max(start, clampIndex(to, this.length));
    return BarSeries.trusted(this, start, end);
  }

  /** Bars whose time lies in `[start, end)` (either bound may be omitted), found by binary search. */
  window(start: number | undefined, end: number | undefined): BarSeries {
    const from = start === undefined ? 0 : this.firstIndexAtOrAfter(start);
    const to = end === undefined ? this.length : this.firstIndexAtOrAfter(end);
    return this.slice(from, to);
  }

  /** The first index whose time is ≥ `time`, or `length` if none is. */
  firstIndexAtOrAfter(time: number): number {
    return firstIndexAtOrAfter(this.time, time);
  }

  private findViolations(): FieldViolation[] {
    const n = this.time.length;
    const violations: FieldViolation[] = [];
    const report = (violation: FieldViolation) =>
      violations.length < MAX_REPORTED_VIOLATIONS && violations.push(violation);
    for (const column of BAR_COLUMNS) {
      if (this[column].length !== n)
        report({ field: column, rule: `has ${this[column].length} values, time has ${n}` });
    }
    if (violations.length > 0) return violations;

    const time = this.time;
    for (let i = 0; i < n && violations.length < MAX_REPORTED_VIOLATIONS; i++) {
      const t = time[i] as number;
      if (!Number.isFinite(t))
        report({ field: `time[${i}]`, rule: `must be a finite epoch-ms time (got ${t})` });
      else if (i > 0 && !(t > (time[i - 1] as number))) {
        report({
          field: `time[${i}]`,
          rule: `must be after time[${i - 1}] (times must be strictly ascending, got ${t} after ${time[i - 1]})`,
        });
      }
      for (const column of PRICE_COLUMNS) {
        const price = this[column][i] as number;
        // Written so that NaN fails too.
        if (!(price > 0 && price < Infinity))
          report({ field: `${column}[${i}]`, rule: `must be a finite positive price (got ${price})` });
      }
      const volume = this.volume[i] as number;
      if (!(volume >= 0 && volume < Infinity))
        report({ field: `volume[${i}]`, rule: `must be finite and not negative (got ${volume})` });
    }
    return violations;
  }

  /** A view on bars `[start, end)` of an already validated series, skipping re-validation. */
  private static trusted(source: BarSeries, start: number, end: number): BarSeries {
    const view = Object.create(BarSeries.prototype) as { -readonly [K in keyof BarSeries]: BarSeries[K] };
    view.symbol = source.symbol;
    view.interval = source.interval;
    view.provenance = source.provenance;
    for (const column of BAR_COLUMNS) view[column] = source[column].subarray(start, end);
    return view as BarSeries;
  }
}

function toFloat64(column: ColumnInput): Float64Array {
  return column instanceof Float64Array ? column : Float64Array.from(column);
}

function clampIndex(index: number, length: number): number {
  const i = Math.trunc(index);
  if (i < 0) return Math.max(0, length + i);
  return Math.min(i, length);
}
