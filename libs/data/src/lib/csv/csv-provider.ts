import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  AetherError,
  BarSeries,
  firstIndexAtOrAfter,
  type Interval,
  parseInterval,
  type TimeWindow,
} from '@aetherquant/core';
import { type BarCount, checkBarCount, UNKNOWN_BAR_COUNT } from '../provider/bar-count';
import {
  type BarRequest,
  noBarsError,
  rangeWindow,
  resolveBarRequest,
  type ResolvedBarRequest,
} from '../provider/bar-request';
import { type MarketDataProvider } from '../provider/market-data-provider';
import { bucketFunction, canResample, resampleBars } from '../resample/resample-bars';
import { CsvBarParser, type ParsedBarFile } from './csv-bar-parser';

export interface CsvProviderOptions {
  /** A folder of `<SYMBOL>.csv` files (e.g. `SPY.csv`, or `spy.csv`). */
  dataDir?: string;
  /** One file that serves whatever symbol is asked for; takes precedence over `dataDir`. */
  file?: string;
}

/** Read size: large enough that a million-row file takes a few dozen reads. */
const CHUNK_BYTES = 1 << 20;

/**
 * Bars from CSV files, in Yahoo's or the lower-case layout (see {@link CsvBarParser}). Files are streamed
 * and parsed into typed arrays; a parsed file is kept in memory until it changes on disk (size or mtime),
 * so sweeps and multi-asset runs read each file once. `period` counts back from the file's last bar.
 */
export class CsvProvider implements MarketDataProvider {
  readonly name = 'csv';
  private readonly parsed = new Map<string, { signature: string; file: ParsedBarFile }>();

  constructor(private readonly options: CsvProviderOptions) {
    if (options.file === undefined && options.dataDir === undefined) {
      throw AetherError.invalid([
        { field: 'data_dir', rule: 'is required for the csv provider (or give one file)' },
      ]);
    }
  }

  /**
   * Unknown before the file is read: its calendar is the file's (any market, any gaps). `maxBars` is held
   * once the file is parsed, before the selected rows are copied into a series.
   */
  countBars(request: BarRequest): BarCount {
    resolveBarRequest(request);
    return UNKNOWN_BAR_COUNT;
  }

  async getBars(request: BarRequest): Promise<BarSeries> {
    const resolved = resolveBarRequest(request);
    const path = await this.locate(resolved.symbol);
    const file = await this.load(path);
    const source = sourceInterval(file, resolved.interval, path);

    const bars = file.bars;
    if (bars.length === 0) throw noBarsError(resolved, this.name, `${path} has no rows`);
    const window = rangeWindow(resolved.range, bars.lastTime() + 1);
    if (source !== undefined) return this.resampled(file, source, resolved, window, request);
    const from = window.start === undefined ? 0 : firstIndexAtOrAfter(bars.time, window.start, bars.length);
    const to = firstIndexAtOrAfter(bars.time, window.end, bars.length);
    if (to <= from) throw noBarsError(resolved, this.name);
    checkBarCount(to - from, request.maxBars, request);
    return bars.toSeries({
      symbol: resolved.symbol,
      interval: resolved.interval,
      provider: this.name,
      adjusted: resolved.adjusted,
      from,
      to,
    });
  }

  /**
   * The file's finer bars combined into the interval asked for (see `resampleBars`). As the synthetic
   * provider does, a bucket (a week, a month, an hour) is selected by its date: it is in the window when
   * its first day or minute is, and it then holds every row of its span that the file has, including rows
   * after the window's end.
   */
  private resampled(
    file: ParsedBarFile,
    source: Interval,
    resolved: ResolvedBarRequest,
    window: TimeWindow,
    request: BarRequest,
  ): BarSeries {
    const bars = file.bars;
    const n = bars.length;
    const offsetMs = source.intraday ? (file.utcOffsetMinutes ?? 0) * 60_000 : 0;
    const all = bars.toSeries({
      symbol: resolved.symbol,
      interval: source,
      provider: this.name,
      adjusted: resolved.adjusted,
    });
    const bucketOf = bucketFunction(all, resolved.interval, offsetMs);
    let from = window.start === undefined ? 0 : firstIndexAtOrAfter(bars.time, window.start, n);
    let to = firstIndexAtOrAfter(bars.time, window.end, n);
    // The last bucket dated in the window keeps its rows after the window; the first one dated before it
    // is left out whole.
    if (to > 0 && to < n) {
      const last = bucketOf(bars.time[to - 1] as number);
      while (to < n && bucketOf(bars.time[to] as number) === last) to++;
    }
    if (from < to && window.start !== undefined) {
      const first = bucketOf(bars.time[from] as number);
      if (first < window.start) while (from < to && bucketOf(bars.time[from] as number) === first) from++;
    }
    if (to <= from) throw noBarsError(resolved, this.name);
    const series = resampleBars(sliceSeries(all, from, to), resolved.interval, {
      utcOffsetMinutes: file.utcOffsetMinutes ?? 0,
    });
    checkBarCount(series.length, request.maxBars, request);
    return series;
  }

  /** The file for `symbol`: the given file, or `<dataDir>/<SYMBOL>.csv` (any case of the name). */
  private async locate(symbol: string): Promise<string> {
    if (this.options.file !== undefined) {
      const file = resolve(this.options.file);
      if (!(await isFile(file)))
        throw AetherError.invalid([{ field: 'file', rule: `does not exist: ${file}` }]);
      return file;
    }
    const dataDir = resolve(this.options.dataDir as string);
    if (!(await isDirectory(dataDir))) {
      throw AetherError.invalid([{ field: 'data_dir', rule: `is not a directory: ${dataDir}` }]);
    }
    for (const name of [`${symbol}.csv`, `${symbol.toLowerCase()}.csv`]) {
      const path = join(dataDir, name);
      if (await isFile(path)) return path;
    }
    throw new AetherError(
      'DATA_UNAVAILABLE',
      `no file for ${symbol} in ${dataDir} (expected ${symbol}.csv)`,
      {
        symbol,
        provider: this.name,
      },
    );
  }

  private async load(path: string): Promise<ParsedBarFile> {
    const info = await stat(path);
    const signature = `${info.size}:${info.mtimeMs}`;
    const cached = this.parsed.get(path);
    if (cached?.signature === signature) return cached.file;
    // Rows of real files run 40 to 110 bytes: sized for the shortest, the columns rarely need to grow.
    const parser = new CsvBarParser(path, Math.ceil(info.size / 40));
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
      parser.push(chunk as Buffer);
    }
    const file = parser.finish();
    this.parsed.set(path, { signature, file });
    return file;
  }
}

/**
 * How the file's bars relate to the interval asked for: undefined when they are bars of that interval (served
 * as they are), or the file's own, finer interval when they are to be combined into it. A file of timestamps
 * holds intraday bars and a file of dates daily or longer ones, their spacing the typical gap between rows.
 * Refused (INVALID_ARGUMENT naming `interval`): an interval finer than the file's, or one its bars do not
 * divide into (see `canResample`).
 */
function sourceInterval(file: ParsedBarFile, interval: Interval, path: string): Interval | undefined {
  const spacing = fileSpacing(file);
  if (spacing === undefined) {
    // Too few rows to tell (or a spacing no interval has): intraday files serve intraday intervals, date
    // files daily and longer ones, as labelled.
    if (file.intraday === interval.intraday) return undefined;
    // Any intraday bars make days, weeks and months, whatever their spacing.
    if (file.intraday) return parseInterval('1m');
    const holds = file.intraday ? 'intraday bars (timestamps)' : 'daily or longer bars (dates)';
    throw AetherError.invalid([
      { field: 'interval', rule: `${interval.name} does not match ${path}, which holds ${holds}` },
    ]);
  }
  if (sameSpacing(spacing, interval)) return undefined;
  if (canResample(spacing, interval) && (spacing.intraday || !interval.intraday)) return spacing;
  const holds = file.intraday
    ? `intraday bars (timestamps) ${spacing.name} apart`
    : `${spacing.name} bars (dates typically ${medianGapDays(file.bars.time, file.bars.length)} days apart)`;
  throw AetherError.invalid([
    {
      field: 'interval',
      rule:
        `${interval.name} does not match ${path}, which holds ${holds}: bars are combined into coarser ` +
        'intervals, never split into finer ones',
    },
  ]);
}

/** `60m` and `1h` are one spacing, as are `5d` and `1wk`. */
function sameSpacing(spacing: Interval, interval: Interval): boolean {
  if (spacing.name === interval.name) return true;
  if (spacing.intraday || interval.intraday) return spacing.nominalMs === interval.nominalMs;
  return spacing.name === '1wk' && interval.name === '5d';
}

/** Intervals by length, for naming a file's spacing. */
const INTRADAY_SPACINGS = ['1m', '2m', '5m', '15m', '30m', '60m', '90m'].map((name) => parseInterval(name));
const CALENDAR_SPACINGS = ['1wk', '1mo', '3mo'].map((name) => parseInterval(name));

/**
 * The interval of a file's rows, from the median gap between them: for intraday rows the interval of
 * exactly that length; for dates `1d` when rows are at most 4 days apart (weekends and holidays), else the
 * week, month or quarter within a quarter of its length and a day. Undefined for fewer than 3 rows, or a
 * spacing no interval has.
 */
function fileSpacing(file: ParsedBarFile): Interval | undefined {
  const bars = file.bars;
  if (bars.length < 3) return undefined;
  if (file.intraday) {
    const gapMs = medianGapDays(bars.time, bars.length) * 86_400_000;
    return INTRADAY_SPACINGS.find((interval) => Math.abs(interval.nominalMs - gapMs) < 1000);
  }
  const gapDays = medianGapDays(bars.time, bars.length);
  if (gapDays <= 4) return parseInterval('1d');
  return CALENDAR_SPACINGS.find((interval) => {
    const nominalDays = interval.nominalMs / 86_400_000;
    return Math.abs(gapDays - nominalDays) <= nominalDays * 0.25 + 1;
  });
}

/** Rows `[from, to)` of a series, sharing its columns' memory. */
function sliceSeries(series: BarSeries, from: number, to: number): BarSeries {
  return new BarSeries({
    symbol: series.symbol,
    interval: series.interval,
    time: series.time.subarray(from, to),
    open: series.open.subarray(from, to),
    high: series.high.subarray(from, to),
    low: series.low.subarray(from, to),
    close: series.close.subarray(from, to),
    volume: series.volume.subarray(from, to),
    ...(series.provenance === undefined ? {} : { provenance: series.provenance }),
  });
}

/** The median gap between rows in days, from at most ~10,000 evenly spaced gaps (plenty for a median). */
function medianGapDays(time: Float64Array, length: number): number {
  const step = Math.max(1, Math.floor((length - 1) / 10_000));
  const gaps: number[] = [];
  for (let i = step; i < length; i += step)
    gaps.push(((time[i] as number) - (time[i - 1] as number)) / 86_400_000);
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1] as number;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/**
 * The bars of one file as they are written (never adjusted, never resampled), labelled `interval`, or
 * undefined when there is no file at `path`. For `fetch`, which updates such files: refused
 * (INVALID_ARGUMENT naming the file) when the file's rows are not bars of that interval, or unreadable.
 */
export async function readBarFile(
  path: string,
  symbol: string,
  interval: Interval,
): Promise<BarSeries | undefined> {
  if (!(await isFile(path))) return undefined;
  const info = await stat(path);
  const parser = new CsvBarParser(path, Math.ceil(info.size / 40));
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }))
    parser.push(chunk as Buffer);
  const file = parser.finish();
  if (file.bars.length === 0) return undefined;
  const spacing = fileSpacing(file);
  const fits = spacing === undefined ? file.intraday === interval.intraday : sameSpacing(spacing, interval);
  if (!fits) {
    const holds =
      spacing === undefined ? (file.intraday ? 'intraday bars' : 'daily bars') : `${spacing.name} bars`;
    throw AetherError.invalid([
      {
        field: 'interval',
        rule: `${interval.name} does not match ${path}, which holds ${holds}: update it at its own interval, or write to another folder`,
      },
    ]);
  }
  return file.bars.toSeries({ symbol, interval, provider: 'csv', adjusted: false });
}
