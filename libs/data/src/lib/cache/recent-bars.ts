import { type BarSeries } from '@aetherquant/core';

export interface RecentBarsOptions {
  /** Series kept at most; the least recently used goes first. */
  maxEntries?: number;
  /** How long a series is served from memory: the staleness a long-running server accepts. */
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  series: Promise<BarSeries>;
  loadedAt: number;
}

/**
 * Recently loaded series, in memory, for a long-running server where many requests ask for the same bars
 * (a dashboard's backtests of SPY, 2y): each is loaded once per `ttlMs`, and concurrent requests for the
 * same bars share one load. A failed load is not kept. Series are shared, so callers must not mutate them
 * (no code path does: strategies and engines only read bars).
 */
export class RecentBars {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: RecentBarsOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 64;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The series under `key`, loaded with `load` when absent or older than the time to live. */
  get(key: string, load: () => Promise<BarSeries>): Promise<BarSeries> {
    const now = this.#now();
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    if (entry && now - entry.loadedAt < this.#ttlMs) {
      this.#entries.set(key, entry); // most recently used last
      return entry.series;
    }
    const series = load();
    this.#entries.set(key, { series, loadedAt: now });
    series.catch(() => {
      if (this.#entries.get(key)?.series === series) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
    return series;
  }
}
