import { invalidArgumentOf } from '../../testing/error-of';
import { exposure, turnover, exposureAndTurnoverOf } from './exposure';

describe('exposure', () => {
  it('is the mean of |position|', () => {
    // (0 + 1 + 1 + |−1| + 0.5) / 5 = 3.5 / 5 = 0.7
    expect(exposure([0, 1, 1, -1, 0.5])).toBeCloseTo(0.7, 14);
  });

  it('is the fraction of bars in the market for ±1/0 positions', () => {
    // in the market on 3 of 4 bars, long or short
    expect(exposure(Float64Array.from([1, -1, 0, 1]))).toBe(0.75);
  });

  it('is 0 for a strategy that never trades, 1 for one always fully short, null for no bars', () => {
    expect(exposure([0, 0, 0])).toBe(0);
    expect(exposure([-1, -1])).toBe(1);
    expect(exposure([])).toBeNull();
  });

  it('refuses a position that is not finite', () => {
    expect(invalidArgumentOf(() => exposure([1, Number.POSITIVE_INFINITY])).message).toBe(
      'exposure: positions[1] must be a finite number (got Infinity)',
    );
  });
});

describe('turnover', () => {
  it('sums |Δ target| from a flat start and annualises per bar', () => {
    // |1 − 0| + |1 − 1| + |−1 − 1| + |−1 − (−1)| + |0 − (−1)| = 1 + 0 + 2 + 0 + 1 = 4
    // × periodsPerYear 10 / 5 bars = 8
    expect(turnover([1, 1, -1, -1, 0], 10)).toBeCloseTo(8, 14);
    // |0| + 1 + 0 + 2 + 1.5 = 4.5; × 252 / 5 = 226.8
    expect(turnover([0, 1, 1, -1, 0.5], 252)).toBeCloseTo(226.8, 10);
  });

  it('is 1 for entering fully long once in a year of daily bars', () => {
    const targets = new Float64Array(252);
    targets.fill(1, 100);
    expect(turnover(targets, 252)).toBe(1);
  });

  it('is 0 for a strategy that never trades, and null for no bars', () => {
    expect(turnover([0, 0, 0], 252)).toBe(0);
    expect(turnover([], 252)).toBeNull();
  });

  it('refuses a target that is not finite and a bad periodsPerYear', () => {
    expect(invalidArgumentOf(() => turnover([Number.NaN], 0)).details?.violations).toEqual([
      { field: 'targets[0]', rule: 'must be a finite number (got NaN)' },
      { field: 'periodsPerYear', rule: 'must be a finite number above 0 (got 0)' },
    ]);
  });
});

describe('exposureAndTurnoverOf', () => {
  it('takes exposure from the targets held one bar later, and turnover, in one pass', () => {
    // targets [1, −1, 0, 0.5]: held over bars 1..3 are 1, −1, 0 → exposure (1 + 1 + 0)/3 = 2/3;
    // turnover |1−0| + |−1−1| + |0−(−1)| + |0.5−0| = 4.5 → 4.5 · 252 / 4 = 283.5.
    const { exposure: held, turnover: traded } = exposureAndTurnoverOf([1, -1, 0, 0.5], 252);
    expect(held).toBeCloseTo(2 / 3, 15);
    expect(traded).toBe(283.5);
    expect(held).toBe(exposure([1, -1, 0]));
  });

  it('has no exposure for a single target (nothing is held) and nothing for none', () => {
    expect(exposureAndTurnoverOf([1], 252)).toEqual({ exposure: null, turnover: 252 });
    expect(exposureAndTurnoverOf([], 252)).toEqual({ exposure: null, turnover: null });
  });
});
