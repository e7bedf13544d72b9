import { counterNormal } from './counter-random';
import { MARKET_STREAM, marketBlockOf, marketBlockStart, marketShocks } from './market-factor';
import { businessDayTime } from './synthetic-calendar';

const iso = (d: number) => new Date(businessDayTime(d)).toISOString().slice(0, 10);

describe('the market factor', () => {
  it('runs in blocks of five calendar years from 1990, each starting on its first weekday', () => {
    // 1995-01-01 is a Sunday, 2000-01-01 a Saturday, 2025-01-01 a Wednesday.
    expect([0, 1, 2, 7, 8].map((k) => iso(marketBlockStart(k)))).toEqual([
      '1990-01-01',
      '1995-01-02',
      '2000-01-03',
      '2025-01-01',
      '2030-01-01',
    ]);
    // 1990–1994 holds 5 · 365 + 1 (1992) = 1,826 days: 260 weeks and 6 days from a Monday, so 1,305 weekdays.
    expect(marketBlockStart(1)).toBe(1305);
    for (const k of [0, 1, 5, 6, 7]) {
      const [start, next] = [marketBlockStart(k), marketBlockStart(k + 1)];
      expect(next - start).toBeGreaterThanOrEqual(1304);
      expect(next - start).toBeLessThanOrEqual(1306);
      expect([marketBlockOf(start), marketBlockOf(next - 1), marketBlockOf(next)]).toEqual([k, k, k + 1]);
    }
  });

  it('is the block-centred, rescaled normals of stream 0: m_d = √(N/(N − 1))·(z_d − z̄)', () => {
    const seed = 1234;
    const shocks = marketShocks(seed, 10);
    const n = marketBlockStart(1); // 1,305 sessions in 1990–1994
    expect(shocks.length).toBe(n);
    let sum = 0;
    for (let d = 0; d < n; d++) sum += counterNormal(seed, MARKET_STREAM, d);
    const mean = sum / n;
    for (const d of [0, 1, 652, n - 1]) {
      const expected = Math.sqrt(n / (n - 1)) * (counterNormal(seed, MARKET_STREAM, d) - mean);
      expect(shocks[d]).toBeCloseTo(expected, 12);
    }
  });

  it('sums to zero over every block, so the market ends each block on its trend', () => {
    const shocks = marketShocks(7, 9200);
    // 9,200 lies in 2025–2029 (from 9,132 on): the answer runs to that block's end, 2030-01-01.
    expect(marketBlockStart(7)).toBe(9132);
    expect(shocks.length).toBe(marketBlockStart(8));
    for (let k = 0; k < 8; k++) {
      let sum = 0;
      let largest = 0;
      for (let d = marketBlockStart(k); d < marketBlockStart(k + 1); d++) {
        sum += shocks[d] as number;
        largest = Math.max(largest, Math.abs(shocks[d] as number));
      }
      expect(Math.abs(sum)).toBeLessThan(1e-9);
      expect(largest).toBeGreaterThan(2.5); // a real walk inside: some days move 2.5σ or more
    }
  });

  it('keeps each day a standard normal: mean 0, variance 1, normal tails', () => {
    // 8 blocks, n ≈ 10,440 days: the mean's SE is 1/√n ≈ 0.0098, the variance's √(2/n) ≈ 0.014, the
    // kurtosis's √(24/n) ≈ 0.048; the share beyond 1.96 is 5 % ± 0.21 %. Each bound is 4 to 5 SE.
    const shocks = marketShocks(99, 10_000);
    const n = shocks.length;
    expect(n).toBe(marketBlockStart(8));
    let [s1, s2, s4, beyond] = [0, 0, 0, 0];
    for (const m of shocks) {
      s1 += m;
      s2 += m * m;
      s4 += m ** 4;
      if (Math.abs(m) > 1.96) beyond++;
    }
    expect(Math.abs(s1 / n)).toBeLessThan(0.0001); // exactly 0 up to rounding: whole blocks
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.07);
    expect(Math.abs(s4 / n / (s2 / n) ** 2 - 3)).toBeLessThan(0.24);
    expect(Math.abs(beyond / n - 0.05)).toBeLessThan(0.01);
  });

  it('is a pure function of the seed and the day, whatever the horizon asked for', () => {
    const short = Float64Array.from(marketShocks(555, 100)); // copied: the next call may replace the cache
    const long = marketShocks(555, 9000);
    expect(Array.from(long.subarray(0, short.length))).toEqual(Array.from(short));
    expect(marketShocks(555, 100)).toBe(long); // a longer answer serves a shorter question
    expect(Array.from(marketShocks(556, 100).subarray(0, 5))).not.toEqual(Array.from(short.subarray(0, 5)));
  });
});
