import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AetherError, type BarSeries, firstIndexAtOrAfter, type Interval } from '@aetherquant/core';
import { type BarCount, checkBarCount, UNKNOWN_BAR_COUNT } from '../provider/bar-count';
import { type BarRequest, noBarsError, rangeWindow, resolveBarRequest } from '../provider/bar-request';
import { type MarketDataProvider } from '../provider/market-data-provider';
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
    checkInterval(file, resolved.interval, path);

    const bars = file.bars;
    if (bars.length === 0) throw noBarsError(resolved, this.name, `${path} has no rows`);
    const window = rangeWindow(resolved.range, bars.lastTime() + 1);
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
 * A file holds bars of one spacing; refuse to label them as another (daily rows as `1h`, or as `1wk`).
 * Intraday files must be asked for intraday intervals and date files for daily or longer ones whose
 * nominal length matches the typical gap between rows.
 */
function checkInterval(file: ParsedBarFile, interval: Interval, path: string): void {
  if (file.intraday !== interval.intraday) {
    const holds = file.intraday ? 'intraday bars (timestamps)' : 'daily or longer bars (dates)';
    throw AetherError.invalid([
      { field: 'interval', rule: `${interval.name} does not match ${path}, which holds ${holds}` },
    ]);
  }
  if (file.intraday || file.bars.length < 3) return;
  const gapDays = medianGapDays(file.bars.time, file.bars.length);
  const nominalDays = interval.nominalMs / 86_400_000;
  // Daily rows skip weekends and holidays (gaps of 1 to 4 days); weeks and months vary by a few days.
  const fits =
    interval.name === '1d' ? gapDays <= 4 : Math.abs(gapDays - nominalDays) <= nominalDays * 0.25 + 1;
  if (!fits) {
    throw AetherError.invalid([
      {
        field: 'interval',
        rule: `${interval.name} does not match ${path}, whose rows are typically ${gapDays} days apart`,
      },
    ]);
  }
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
