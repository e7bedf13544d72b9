import { invalidArgumentOf } from '../../testing/error-of';
import { sharpe } from '../ratios/ratios';
import { annualVolatility } from '../returns/returns';
import { rollingSharpe, rollingVolatility } from './rolling-ratios';

describe('rollingSharpe and rollingVolatility', () => {
  const returns = [0.1, -0.1, 0.1, 0.2, -0.05];

  it('measure each window of the returns by hand', () => {
    // Window 3 ending at index 2: 0.1, −0.1, 0.1: mean 1/30, sample variance ((2/30)² + (4/30)² + (2/30)²)/2 =
    // 24/1800 ⇒ std = 0.11547005…; × √4 (periodsPerYear 4): vol 0.2309401…, Sharpe (1/30)/0.11547 × 2 = 0.57735…
    const vol = rollingVolatility(returns, 3, 4);
    const ratio = rollingSharpe(returns, 3, 4);
    expect(Number.isNaN(vol[0]) && Number.isNaN(vol[1])).toBe(true);
    expect(Number.isNaN(ratio[0]) && Number.isNaN(ratio[1])).toBe(true);
    expect(vol[2]).toBeCloseTo(0.2309401077, 9);
    expect(ratio[2]).toBeCloseTo(0.5773502692, 9);
    expect(vol).toHaveLength(returns.length);
  });

  it('equal the whole-series ratio on each window (to the bit where the sums are computed afresh)', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5) * 0.03;
    const series = Array.from({ length: 400 }, random);
    const window = 63;
    const ratio = rollingSharpe(series, window, 252);
    const vol = rollingVolatility(series, window, 252);
    for (let end = window; end <= series.length; end += 17) {
      const slice = series.slice(end - window, end);
      const afresh = (end - window) % window === 0;
      if (afresh) {
        expect(ratio[end - 1]).toBe(sharpe(slice, 252));
        expect(vol[end - 1]).toBe(annualVolatility(slice, 252));
      } else {
        expect(ratio[end - 1]).toBeCloseTo(sharpe(slice, 252), 10);
        expect(vol[end - 1]).toBeCloseTo(annualVolatility(slice, 252), 12);
      }
    }
  });

  it('agree with an independent mean and deviation', () => {
    const series = [0.01, 0.02, -0.015, 0.005, 0.03, -0.02, 0.01];
    const window = 4;
    const ratio = rollingSharpe(series, window, 252);
    for (let end = window; end <= series.length; end++) {
      const slice = series.slice(end - window, end);
      const mean = slice.reduce((a, b) => a + b, 0) / window;
      const std = Math.sqrt(slice.reduce((a, b) => a + (b - mean) ** 2, 0) / (window - 1));
      expect(ratio[end - 1]).toBeCloseTo((mean / std) * Math.sqrt(252), 12);
    }
  });

  it('stay exact over a long series of small returns, and give 0 for a flat window', () => {
    let seed = 5;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5) * 0.002;
    const series = Array.from({ length: 20_000 }, random);
    const ratio = rollingSharpe(series, 500, 98_280);
    for (const end of [501, 777, 12_345, 19_999]) {
      expect(ratio[end - 1]).toBeCloseTo(sharpe(series.slice(end - 500, end), 98_280), 9);
    }
    const flat = rollingSharpe([0.01, 0.01, 0.01, 0.01, 0.01], 3, 252);
    expect(Array.from(flat.subarray(2))).toEqual([0, 0, 0]);
  });

  it('give only NaN when the series is shorter than the window', () => {
    expect(Array.from(rollingSharpe([0.1, 0.2], 3, 252)).every(Number.isNaN)).toBe(true);
  });

  it('refuse a window below 2 or not whole, and returns that are not finite', () => {
    expect(invalidArgumentOf(() => rollingSharpe(returns, 1, 252)).message).toMatch(/window/);
    expect(invalidArgumentOf(() => rollingVolatility(returns, 2.5, 252)).message).toMatch(/window/);
    expect(invalidArgumentOf(() => rollingVolatility([0.1, Number.NaN], 2, 252)).message).toMatch(
      /returns\[1\]/,
    );
  });
});
