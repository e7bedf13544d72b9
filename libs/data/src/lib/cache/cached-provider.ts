import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AetherError, BarSeries, DAY_MS, type Interval, type TimeWindow } from '@aetherquant/core';
import {
  type BarRequest,
  noBarsError,
  rangeWindow,
  resolveBarRequest,
  type ResolvedBarRequest,
} from '../provider/bar-request';
import { type BarCount, checkBarCount } from '../provider/bar-count';
import { type MarketDataProvider } from '../provider/market-data-provider';

export interface CachedProviderOptions {
  /** Folder of the cache files (created on demand). */
  cacheDir: string;
  /** The clock; tests pass a fixed one. */
  now?: () => number;
  /**
   * How long the newest, still-forming bars may be served from the cache before the tail is fetched again.
   * Default: one bar for intraday intervals, one hour for daily and longer ones.
   */
  maxAgeMs?: (interval: Interval) => number;
}

/** What one cache file holds: the bars of one (provider, symbol, interval, adjustment) and what they cover. */
interface CacheEntry {
  version: 1;
  /** The covered window `[start, end)`; `start` null when it reaches back to the start of history. */
  start: number | null;
  end: number;
  /** When the newest bars were fetched: bars that were still forming then are refetched once stale. */
  fetchedAt: number;
  time: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

const defaultMaxAge = (interval: Interval) => (interval.intraday ? interval.nominalMs : 60 * 60_000);

/**
 * A `MarketDataProvider` decorator that keeps the bars it fetched in files and serves repeated and
 * overlapping requests from them. A request only fetches what the cache lacks: history before the cached
 * window, and bars after it (from the first bar that may still have been forming when last fetched, once
 * that fetch is older than `maxAgeMs`). Coverage stays one contiguous window: a request far from it fetches
 * the gap too. Periods count back from now, so wrap sources whose history runs to the present (Yahoo).
 * Files are replaced atomically (write, then rename): a crash never leaves a half-written cache, and an
 * unreadable file is treated as a miss.
 */
export class CachedProvider implements MarketDataProvider {
  private readonly now: () => number;
  private readonly maxAgeMs: (interval: Interval) => number;

  constructor(
    private readonly inner: MarketDataProvider,
    private readonly options: CachedProviderOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs ?? defaultMaxAge;
  }

  get name(): string {
    return this.inner.name;
  }

  /** The source's count: the cache holds what the source served, no more. */
  countBars(request: BarRequest): BarCount {
    return this.inner.countBars(request);
  }

  async getBars(request: BarRequest): Promise<BarSeries> {
    const resolved = resolveBarRequest(request);
    // Refused before the cache is read or the source asked; the source then fetches gaps without the cap
    // (a gap may legitimately reach beyond the request), and the slice is held to it below.
    checkBarCount(this.inner.countBars(request), request.maxBars, request);
    const now = this.now();
    const window = rangeWindow(resolved.range, now);
    const path = this.pathFor(resolved);
    let entry = await readEntry(path);

    const missing = entry ? this.missingWindows(entry, window, resolved.interval, now) : [window];
    if (missing.length > 0) {
      for (const gap of missing) {
        const fetched = await this.fetch(resolved, gap, entry !== undefined);
        entry = merge(entry, fetched, gap, now);
      }
      await writeEntry(path, entry as CacheEntry);
    }
    const series = this.slice(entry as CacheEntry, window, resolved);
    checkBarCount(series.length, request.maxBars, request);
    return series;
  }

  /** The windows to fetch so that the cache covers `window` with bars that are fresh enough. */
  private missingWindows(
    entry: CacheEntry,
    window: TimeWindow,
    interval: Interval,
    now: number,
  ): TimeWindow[] {
    const missing: TimeWindow[] = [];
    const reachesBack = entry.start === null || (window.start !== undefined && window.start >= entry.start);
    if (!reachesBack) missing.push({ start: window.start, end: entry.start as number });
    // Bars newer than this could still have been forming at the last fetch (a daily bar is final a day on).
    const settledEnd = Math.min(entry.end, entry.fetchedAt - settleMs(interval));
    const fresh = now - entry.fetchedAt < this.maxAgeMs(interval);
    // A fetch that reached the present stands for the present while it is fresh.
    const coveredEnd = entry.end >= entry.fetchedAt && fresh ? Math.max(entry.end, now) : entry.end;
    if (window.end > coveredEnd || (!fresh && window.end > settledEnd)) {
      missing.push({ start: Math.max(settledEnd, entry.start ?? -Infinity), end: window.end });
    }
    return missing;
  }

  /** Fetches `window` from the source; an empty answer is no error when the cache already holds bars. */
  private async fetch(
    resolved: ResolvedBarRequest,
    window: TimeWindow,
    haveBars: boolean,
  ): Promise<BarSeries | undefined> {
    const request: BarRequest = {
      symbol: resolved.symbol,
      interval: resolved.interval.name,
      adjusted: resolved.adjusted,
      end: new Date(window.end - 1).toISOString(),
      ...(window.start === undefined ? {} : { start: new Date(window.start).toISOString() }),
    };
    try {
      return await this.inner.getBars(request);
    } catch (error) {
      if (haveBars && error instanceof AetherError && error.code === 'DATA_UNAVAILABLE') return undefined;
      throw error;
    }
  }

  private slice(entry: CacheEntry, window: TimeWindow, resolved: ResolvedBarRequest): BarSeries {
    const series = new BarSeries({
      symbol: resolved.symbol,
      interval: resolved.interval,
      time: entry.time,
      open: entry.open,
      high: entry.high,
      low: entry.low,
      close: entry.close,
      volume: entry.volume,
      provenance: { provider: this.inner.name, adjusted: resolved.adjusted },
    }).window(window.start, window.end);
    if (series.length === 0) throw noBarsError(resolved, this.inner.name);
    return series;
  }

  private pathFor(resolved: ResolvedBarRequest): string {
    const kind = resolved.adjusted ? 'adjusted' : 'raw';
    return join(
      this.options.cacheDir,
      this.inner.name,
      resolved.interval.name,
      kind,
      `${resolved.symbol}.json`,
    );
  }
}

/** How long after its timestamp a bar can still change: one bar intraday, one bar and a day otherwise. */
function settleMs(interval: Interval): number {
  return interval.intraday ? interval.nominalMs : interval.nominalMs + DAY_MS;
}

/** The entry with `fetched` bars of `window` merged in (fetched bars win on equal times). */
function merge(
  entry: CacheEntry | undefined,
  fetched: BarSeries | undefined,
  window: TimeWindow,
  now: number,
): CacheEntry {
  const start = window.start === undefined ? null : window.start;
  const merged: CacheEntry = entry
    ? {
        ...entry,
        start: entry.start === null || start === null ? null : Math.min(entry.start, start),
        end: Math.max(entry.end, window.end),
        fetchedAt: window.end >= entry.end ? now : entry.fetchedAt,
      }
    : {
        version: 1,
        start,
        end: window.end,
        fetchedAt: now,
        time: [],
        open: [],
        high: [],
        low: [],
        close: [],
        volume: [],
      };
  if (!fetched || fetched.length === 0) return merged;

  // Two sorted runs: cached bars outside the fetched window, and the fetched bars (which win inside it).
  const from = window.start ?? -Infinity;
  const kept = merged.time.flatMap((time, i) => (time < from || time >= window.end ? [i] : []));
  const columns = Object.fromEntries(COLUMNS.map((column) => [column, [] as number[]])) as Record<
    (typeof COLUMNS)[number],
    number[]
  >;
  let k = 0;
  let f = 0;
  while (k < kept.length || f < fetched.length) {
    const cachedTime = k < kept.length ? (merged.time[kept[k] as number] as number) : Infinity;
    const fetchedTime = f < fetched.length ? (fetched.time[f] as number) : Infinity;
    if (cachedTime < fetchedTime) {
      const i = kept[k++] as number;
      for (const column of COLUMNS) columns[column].push(merged[column][i] as number);
    } else {
      for (const column of COLUMNS) columns[column].push(fetched[column][f] as number);
      f++;
    }
  }
  return { ...merged, ...columns };
}

async function readEntry(path: string): Promise<CacheEntry | undefined> {
  try {
    const entry = JSON.parse(await readFile(path, 'utf8')) as CacheEntry;
    const complete =
      entry.version === 1 &&
      COLUMNS.every((column) => Array.isArray(entry[column]) && entry[column].length === entry.time.length);
    return complete ? entry : undefined;
  } catch {
    return undefined; // missing or unreadable: a miss, and the next write replaces it
  }
}

async function writeEntry(path: string, entry: CacheEntry): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify(entry));
  await rename(temporary, path);
}
