import { KNOWN_PROFILES } from './known-profiles';
import { DRAWN_PROFILE_RANGES, symbolProfile } from './symbol-profile';

/** 2,000 distinct valid symbols, none in the table: `S0` … `S1999`. */
const SYMBOLS = Array.from({ length: 2000 }, (_, i) => `S${i}`);

/** The growth of the median path, μ − σ²/2: what a long buy-and-hold's log return averages per year. */
const growth = (profile: { drift: number; volatility: number }) =>
  profile.drift - profile.volatility ** 2 / 2;

describe('symbolProfile', () => {
  it('is fixed by the symbol', () => {
    expect(symbolProfile('SPY')).toEqual(symbolProfile('SPY'));
    expect(symbolProfile('SPY')).not.toEqual(symbolProfile('QQQ'));
    expect(symbolProfile('SPY').symbol).toBe('SPY');
    expect(symbolProfile('ACME')).toEqual(symbolProfile('ACME'));
  });

  describe('well-known symbols', () => {
    it('gives SPY the character of a broad US index, near its real price at the end of 2024', () => {
      const spy = symbolProfile('SPY');
      expect(spy).toMatchObject({
        known: true,
        drift: 0.09,
        volatility: 0.17,
        marketLoading: 0.999,
        anchorPrice: 586,
      });
      // Both readings of "annualised drift" land inside 7–10 %: μ = 9 %, and the growth of the median path
      // μ − σ²/2 = 0.09 − 0.01445 = 0.07555, a compound rate of e^0.07555 − 1 ≈ 7.85 % a year.
      expect(growth(spy)).toBeCloseTo(0.07555, 5);
      expect(Math.exp(growth(spy)) - 1).toBeCloseTo(0.0785, 4);
      // Its own noise, σ·√(1 − ρ²) = 0.17 · √(1 − 0.999²) ≈ 0.17 · 0.0447 ≈ 0.76 % a year, is a sliver.
      expect(spy.volatility * Math.sqrt(1 - spy.marketLoading ** 2)).toBeCloseTo(0.0076, 4);
    });

    it('covers the usual index, bond, commodity funds and large stocks', () => {
      const required = [
        ...['SPY', 'QQQ', 'IWM', 'DIA', 'VTI', 'EFA', 'EEM', 'TLT', 'IEF', 'GLD', 'SLV'],
        ...['AAPL', 'MSFT', 'AMZN', 'GOOGL', 'META', 'NVDA', 'TSLA', 'JPM', 'XOM', 'BRK-B'],
      ];
      for (const symbol of required) expect([symbol, symbolProfile(symbol).known]).toEqual([symbol, true]);
      expect(Object.keys(KNOWN_PROFILES).length).toBeGreaterThanOrEqual(60);
    });

    it('keeps every row plausible: drift, volatility, loading, price and volume in sane ranges', () => {
      // The median path may shrink a little (oil, Intel: μ below σ²/2), never collapse.
      const broken = Object.entries(KNOWN_PROFILES).filter(
        ([, row]) =>
          !(row.drift >= 0.01 && row.drift <= 0.3) ||
          !(row.volatility >= 0.01 && row.volatility <= 0.6) ||
          !(row.marketLoading >= -1 && row.marketLoading <= 1) ||
          !(growth(row) >= -0.05 && growth(row) <= 0.2) ||
          !(row.anchorPrice >= 1 && row.anchorPrice <= 10_000) ||
          !(row.typicalVolume >= 1e5 && row.typicalVolume <= 1e10) ||
          row.description.length === 0,
      );
      expect(broken).toEqual([]);
    });

    it('orders the characters as markets do', () => {
      const p = symbolProfile;
      // Index funds track the market; Treasuries lean against it; gold hardly cares.
      for (const symbol of ['SPY', 'IVV', 'VOO', 'VTI', 'DIA']) {
        expect(p(symbol).marketLoading).toBeGreaterThanOrEqual(0.95);
      }
      for (const symbol of ['TLT', 'IEF']) expect(p(symbol).marketLoading).toBeLessThan(0);
      expect(Math.abs(p('GLD').marketLoading)).toBeLessThanOrEqual(0.1);
      // Volatility: short Treasuries < intermediate < long < SPY < QQQ < a single tech stock < TSLA.
      const ladder = ['SHY', 'IEF', 'TLT', 'SPY', 'QQQ', 'AAPL', 'TSLA'].map((s) => p(s).volatility);
      expect(ladder).toEqual([...ladder].sort((a, b) => a - b));
      expect(new Set(ladder).size).toBe(ladder.length);
      // Stocks earn more than bonds in expectation.
      expect(p('SPY').drift).toBeGreaterThan(p('TLT').drift);
      expect(p('TLT').drift).toBeGreaterThan(p('SHY').drift);
    });

    it('reads BRK.B as BRK-B: the same row and the same path', () => {
      const [dot, dash] = [symbolProfile('BRK.B'), symbolProfile('BRK-B')];
      expect(dot.symbol).toBe('BRK.B');
      expect({ ...dot, symbol: 'BRK-B' }).toEqual(dash);
    });

    it('does not mistake inherited object keys for symbols', () => {
      for (const symbol of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        expect(symbolProfile(symbol).known).toBe(false);
      }
    });
  });

  describe('other symbols', () => {
    it('draws a plausible stock: every parameter in its range, spread across the whole range', () => {
      const profiles = SYMBOLS.map(symbolProfile);
      expect(profiles.every((profile) => !profile.known)).toBe(true);
      const read = {
        growth,
        volatility: (profile: (typeof profiles)[number]) => profile.volatility,
        marketLoading: (profile: (typeof profiles)[number]) => profile.marketLoading,
        anchorPrice: (profile: (typeof profiles)[number]) => profile.anchorPrice,
        typicalVolume: (profile: (typeof profiles)[number]) => profile.typicalVolume,
      };
      expect(DRAWN_PROFILE_RANGES).toEqual({
        growth: [0.02, 0.1],
        volatility: [0.18, 0.4],
        marketLoading: [0.35, 0.8],
        anchorPrice: [20, 500],
        typicalVolume: [1e5, 5e7],
      });
      for (const [field, [low, high]] of Object.entries(DRAWN_PROFILE_RANGES)) {
        const values = profiles.map(read[field as keyof typeof read]);
        const [min, max] = [Math.min(...values), Math.max(...values)];
        // The growth is a difference of doubles: allow a rounding error at its ends.
        expect(min).toBeGreaterThanOrEqual(low - 1e-12);
        expect(max).toBeLessThanOrEqual(high + 1e-12);
        // With 2,000 draws the extremes lie within 1% of the range's ends (in log terms for log-uniform
        // fields) unless 2,000 draws all miss a 1% sliver: probability 0.99^2000 ≈ 2·10⁻⁹.
        const logScale = field === 'anchorPrice' || field === 'typicalVolume';
        const position = (value: number) =>
          logScale ? Math.log(value / low) / Math.log(high / low) : (value - low) / (high - low);
        expect(position(min)).toBeLessThan(0.01);
        expect(position(max)).toBeGreaterThan(0.99);
      }
      // So the drift μ = g + σ²/2 runs from 0.02 + 0.18²/2 = 3.6 % to 0.10 + 0.40²/2 = 18 %.
      for (const { drift } of profiles) {
        expect(drift).toBeGreaterThanOrEqual(0.0362 - 1e-12);
        expect(drift).toBeLessThanOrEqual(0.18 + 1e-12);
      }
    });

    it('draws anchor prices log-uniformly: as many below $100 (the geometric middle of 20 and 500) as above', () => {
      const below = SYMBOLS.filter((symbol) => symbolProfile(symbol).anchorPrice < 100).length;
      // Binomial(2000, 1/2): SE = √(2000 / 4) ≈ 22.4; a linear draw would put only (100 − 20)/480 ≈ 17% below.
      expect(Math.abs(below - 1000)).toBeLessThan(5 * 22.4);
    });
  });

  it('gives each symbol its own random stream', () => {
    const symbols = [...SYMBOLS, ...Object.keys(KNOWN_PROFILES)];
    const streams = new Set(symbols.map((symbol) => symbolProfile(symbol).stream));
    // 32-bit hashes of 2,070 symbols collide with probability about 2070² / 2³³ ≈ 0.05%.
    expect(streams.size).toBe(symbols.length);
    expect(streams.has(0)).toBe(false); // 0 is the market factor's stream
  });
});
