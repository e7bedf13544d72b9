import { BarSeries, parseInterval } from '@aetherquant/core';
import { RecentBars } from './recent-bars';

const series = (symbol: string) =>
  new BarSeries({
    symbol,
    interval: parseInterval('1d'),
    time: [0, 86_400_000],
    open: [1, 2],
    high: [1, 2],
    low: [1, 2],
    close: [1, 2],
    volume: [0, 0],
  });

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
});
