import { BAR_COLUMNS, type BarSeries } from '@aetherquant/core';

export interface RecentBarsOptions {
  /** Series kept at most; the least recently used goes first. Default 64. */
  maxEntries?: number;
  /**
   * Bytes of bar columns kept at most (the typed arrays' byte lengths summed over the series); the least
   * recently used go first, and a series larger than this on its own is served but not kept. Default 64 MiB.
   */
  maxBytes?: number;
  /** How long a series is served from memory: the staleness a long-running server accepts. Default 60 s. */
  ttlMs?: number;
  now?: () => number;
}

/** What a cache did so far: for tests and for an operator's diagnostics. */
export interface RecentBarsStats {
  /** Series held (loads in flight included). */
  entries: number;
  /** Bytes of the series held (loads in flight count 0 until they arrive). */
  bytes: number;
  /** Requests answered from memory or from a load in flight. */
  hits: number;
  /** Loads started. */
  loads: number;
}

interface Entry {
  series: Promise<BarSeries>;
  loadedAt: number;
  /** 0 while the load is in flight. */
  bytes: number;
}

const DEFAULT_MAX_ENTRIES = 64;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_TTL_MS = 60_000;

/** The memory a series holds: its columns' byte lengths. */
export function seriesBytes(series: BarSeries): number {
  let bytes = 0;
  for (const column of BAR_COLUMNS) bytes += series[column].byteLength;
  return bytes;
}

/**
 * Recently loaded series, in memory, for a long-running server where many requests ask for the same bars
 * (a dashboard's backtests of SPY, 2y): each is loaded once per `ttlMs`, and concurrent requests for the
 * same bars share one load.
 *
 * Bounded both in entries and in bytes (least recently used evicted first), so its memory is known whatever
 * clients ask; an expired entry is never served and is dropped on the next access to the cache. A failed
 * load is not kept (the caller checks its limits inside `load`, so a series over a limit is a failed load
 * and never cached). Series are shared, so callers must not mutate them (no code path does: strategies and
 * engines only read bars).
 */
export class RecentBars {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #bytes = 0;
  #hits = 0;
  #loads = 0;

  constructor(options: RecentBarsOptions = {}) {
    this.#maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get stats(): RecentBarsStats {
    return { entries: this.#entries.size, bytes: this.#bytes, hits: this.#hits, loads: this.#loads };
  }

  /** The series under `key`, loaded with `load` when absent or older than the time to live. */
  get(key: string, load: () => Promise<BarSeries>): Promise<BarSeries> {
    const now = this.#now();
    this.#dropExpired(now);
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry); // most recently used last
      this.#hits++;
      return entry.series;
    }
    this.#loads++;
    const series = load();
    const added: Entry = { series, loadedAt: now, bytes: 0 };
    this.#entries.set(key, added);
    this.#evict();
    series.then(
      (loaded) => {
        if (this.#entries.get(key) !== added) return; // evicted or expired meanwhile
        const bytes = seriesBytes(loaded);
        // Larger than the whole cache: served to its callers, but kept it would evict everything else.
        if (bytes > this.#maxBytes) return this.#remove(key, added);
        added.bytes = bytes;
        this.#bytes += bytes;
        this.#evict();
      },
      () => this.#remove(key, added),
    );
    return series;
  }

  #remove(key: string, entry: Entry): void {
    if (this.#entries.get(key) !== entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  #dropExpired(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (now - entry.loadedAt >= this.#ttlMs) this.#remove(key, entry);
    }
  }

  /** Least recently used first, until both bounds hold. */
  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) return;
      this.#remove(key, entry);
    }
  }
}
