import { symbolProfile } from './symbol-profile';

/** 2,000 distinct valid symbols: `S0` … `S1999`. */
const SYMBOLS = Array.from({ length: 2000 }, (_, i) => `S${i}`);

describe('symbolProfile', () => {
  it('is fixed by the symbol', () => {
    expect(symbolProfile('SPY')).toEqual(symbolProfile('SPY'));
    expect(symbolProfile('SPY')).not.toEqual(symbolProfile('QQQ'));
    expect(symbolProfile('SPY').symbol).toBe('SPY');
  });

  it('keeps every parameter in its range, spread across the whole range', () => {
    const profiles = SYMBOLS.map(symbolProfile);
    const ranges = {
      drift: [0.02, 0.12],
      volatility: [0.1, 0.4],
      marketLoading: [0.3, 0.9],
      startPrice: [20, 500],
      typicalVolume: [1e5, 5e7],
    } as const;
    for (const [field, [low, high]] of Object.entries(ranges)) {
      const values = profiles.map((profile) => profile[field as keyof typeof ranges]);
      const [min, max] = [Math.min(...values), Math.max(...values)];
      expect(min).toBeGreaterThanOrEqual(low);
      expect(max).toBeLessThanOrEqual(high);
      // With 2,000 draws the extremes lie within 1% of the range's ends (in log terms for log-uniform
      // fields) unless 2,000 draws all miss a 1% sliver: probability 0.99^2000 ≈ 2·10⁻⁹.
      const logScale = field === 'startPrice' || field === 'typicalVolume';
      const position = (value: number) =>
        logScale ? Math.log(value / low) / Math.log(high / low) : (value - low) / (high - low);
      expect(position(min)).toBeLessThan(0.01);
      expect(position(max)).toBeGreaterThan(0.99);
    }
  });

  it('draws start prices log-uniformly: as many below $100 (the geometric middle of 20 and 500) as above', () => {
    const below = SYMBOLS.filter((symbol) => symbolProfile(symbol).startPrice < 100).length;
    // Binomial(2000, 1/2): SE = √(2000 / 4) ≈ 22.4; a linear draw would put only (100 − 20)/480 ≈ 17% below.
    expect(Math.abs(below - 1000)).toBeLessThan(5 * 22.4);
  });

  it('gives each symbol its own random stream', () => {
    const streams = new Set(SYMBOLS.map((symbol) => symbolProfile(symbol).stream));
    // 32-bit hashes of 2,000 symbols collide with probability about 2000² / 2³³ ≈ 0.05%.
    expect(streams.size).toBe(SYMBOLS.length);
    expect(streams.has(0)).toBe(false); // 0 is the market factor's stream
  });
});
