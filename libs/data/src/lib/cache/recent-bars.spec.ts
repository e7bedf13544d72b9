import { BarSeries, parseInterval } from '@aetherquant/core';
import { RecentBars } from './recent-bars';

/** A series of `bars` daily bars: 6 columns × 8 bytes = 48 bytes per bar. */
const series = (symbol: string, bars = 2) => {
  const column = Array.from({ length: bars }, (_, i) => i + 1);
  return new BarSeries({
    symbol,
    interval: parseInterval('1d'),
    time: column.map((i) => i * 86_400_000),
    open: column,
    high: column,
    low: column,
    close: column,
    volume: column.map(() => 0),
  });
};

describe('RecentBars', () => {
  it('loads once within the time to live, again after it', async () => {
    let clock = 0;
    const cache = new RecentBars({ ttlMs: 1_000, now: () => clock });
    let loads = 0;
    const load = async () => {
      loads++;
      return series('SPY');
    };
    const first = await cache.get('SPY', load);
    clock = 999;
    expect(await cache.get('SPY', load)).toBe(first);
    expect(loads).toBe(1);
    clock = 1_000;
    expect(await cache.get('SPY', load)).not.toBe(first);
    expect(loads).toBe(2);
  });

  it('shares one load among concurrent requests for the same key', async () => {
    const cache = new RecentBars();
    let loads = 0;
    let release: (value: BarSeries) => void = () => undefined;
    const load = () => {
      loads++;
      return new Promise<BarSeries>((resolve) => (release = resolve));
    };
    const pending = [cache.get('SPY', load), cache.get('SPY', load), cache.get('SPY', load)];
    release(series('SPY'));
    const results = await Promise.all(pending);
    expect(loads).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const cache = new RecentBars();
    await expect(cache.get('SPY', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(cache.size).toBe(0);
    expect((await cache.get('SPY', async () => series('SPY'))).symbol).toBe('SPY');
  });

  it('evicts the least recently used beyond its size', async () => {
    const cache = new RecentBars({ maxEntries: 2 });
    let loads = 0;
    const load = (symbol: string) => async () => {
      loads++;
      return series(symbol);
    };
    await cache.get('A', load('A'));
    await cache.get('B', load('B'));
    await cache.get('A', load('A')); // A is now the most recent
    await cache.get('C', load('C')); // evicts B
    expect(loads).toBe(3);
    await cache.get('A', load('A'));
    expect(loads).toBe(3);
    await cache.get('B', load('B'));
    expect(loads).toBe(4);
  });

  it('holds at most maxBytes of columns, evicting the least recently used', async () => {
    // Each series of 10 bars holds 10 × 6 × 8 = 480 bytes: two fit in 1,000 bytes, three do not.
    const cache = new RecentBars({ maxBytes: 1_000 });
    const loaded: string[] = [];
    const load = (symbol: string) => async () => {
      loaded.push(symbol);
      return series(symbol, 10);
    };
    await cache.get('A', load('A'));
    await cache.get('B', load('B'));
    expect(cache.stats).toMatchObject({ entries: 2, bytes: 960 });
    await cache.get('A', load('A')); // A is now the most recent
    await cache.get('C', load('C')); // 1,440 bytes: B goes
    expect(cache.stats).toMatchObject({ entries: 2, bytes: 960 });
    await cache.get('A', load('A'));
    await cache.get('C', load('C'));
    expect(loaded).toEqual(['A', 'B', 'C']);
    await cache.get('B', load('B'));
    expect(loaded).toEqual(['A', 'B', 'C', 'B']);
  });

  it('serves a series larger than maxBytes but keeps nothing of it', async () => {
    const cache = new RecentBars({ maxBytes: 1_000 });
    await cache.get('SMALL', async () => series('SMALL', 10));
    const large = await cache.get('LARGE', async () => series('LARGE', 100)); // 4,800 bytes
    expect(large.length).toBe(100);
    expect(cache.stats).toMatchObject({ entries: 1, bytes: 480 });
    await cache.get('SMALL', async () => series('SMALL', 10));
    expect(cache.stats).toMatchObject({ hits: 1, loads: 2 });
  });

  it('drops expired entries on the next access, whatever key it asks for', async () => {
    let clock = 0;
    const cache = new RecentBars({ ttlMs: 1_000, now: () => clock });
    await cache.get('A', async () => series('A', 10));
    clock = 500;
    await cache.get('B', async () => series('B', 10));
    expect(cache.stats).toMatchObject({ entries: 2, bytes: 960 });
    clock = 1_000; // A expires; B has 500 ms left
    await cache.get('C', async () => series('C', 10));
    expect(cache.stats).toMatchObject({ entries: 2, bytes: 960 });
    clock = 1_500; // B expires too, and is not served: it is loaded again
    let loads = 0;
    await cache.get('B', async () => {
      loads++;
      return series('B', 10);
    });
    expect(loads).toBe(1);
    expect(cache.stats).toMatchObject({ entries: 2, bytes: 960 }); // C and the new B
  });

  it('keeps the bytes right when an in-flight load is evicted or fails', async () => {
    const cache = new RecentBars({ maxEntries: 1 });
    let release: (value: BarSeries) => void = () => undefined;
    const pending = cache.get('A', () => new Promise<BarSeries>((resolve) => (release = resolve)));
    await cache.get('B', async () => series('B', 10)); // evicts A while in flight
    release(series('A', 10));
    expect((await pending).symbol).toBe('A');
    expect(cache.stats).toMatchObject({ entries: 1, bytes: 480 });
    await expect(cache.get('C', () => Promise.reject(new Error('over the limit')))).rejects.toThrow();
    expect(cache.stats).toMatchObject({ entries: 0, bytes: 0 });
  });
});
