import { invalidArgumentOf } from '../../testing/error-of';
import {
  FALLING_EQUITY,
  FLAT_EQUITY,
  GOLDEN_EQUITY,
  HALVING_EQUITY,
  ONE_BAR_EQUITY,
} from '../../testing/risk-fixtures';
import { maxDrawdown, maxDrawdownDuration } from './drawdown';

describe('maxDrawdown', () => {
  it('is the deepest fall below the running peak', () => {
    // peaks: 100, 110, 110, 110, 130.68; drawdowns: 0, 0, 99/110 − 1 = −0.1, 108.9/110 − 1 = −0.01, 0
    expect(maxDrawdown(GOLDEN_EQUITY)).toBeCloseTo(-0.1, 14);
  });

  it('measures from the highest peak so far, not from the start', () => {
    // peak 120 at t = 1; 90 / 120 − 1 = −0.25 (from the start it would be 90/100 − 1 = −0.1)
    expect(maxDrawdown([100, 120, 90, 130])).toBeCloseTo(-0.25, 14);
  });

  it('is 0 for flat equity, for one bar, and for equity that never falls', () => {
    expect(maxDrawdown(FLAT_EQUITY)).toBe(0);
    expect(maxDrawdown(ONE_BAR_EQUITY)).toBe(0);
    expect(maxDrawdown([100, 101, 101, 105])).toBe(0);
  });

  it('is the whole fall when equity only falls', () => {
    // 6.25 / 100 − 1 = −0.9375; 36 / 100 − 1 = −0.64
    expect(maxDrawdown(HALVING_EQUITY)).toBe(-0.9375);
    expect(maxDrawdown(FALLING_EQUITY)).toBeCloseTo(-0.64, 14);
  });

  it('refuses equity that is not finite and above 0', () => {
    expect(invalidArgumentOf(() => maxDrawdown([100, -5])).message).toBe(
      'maxDrawdown: equity[1] must be a finite number above 0 (got -5)',
    );
  });
});

describe('maxDrawdownDuration', () => {
  it('counts the longest run of bars below the running peak', () => {
    // 99 and 108.9 sit below the peak 110 (a run of 2); 130.68 is a new peak.
    expect(maxDrawdownDuration(GOLDEN_EQUITY)).toBe(2);
    // Two drawdowns, of 1 and then 3 bars: 100 | 95 | 101 | 99 98 100.5 | 102
    expect(maxDrawdownDuration([100, 95, 101, 99, 98, 100.5, 102])).toBe(3);
  });

  it('lets a bar EQUAL to the peak neither end nor extend the run, as c-reference.c', () => {
    // 90 (run 1), 100 = peak (run stays 1, not reset), 90 (run 2), 95 (run 3), 101 new peak.
    expect(maxDrawdownDuration([100, 90, 100, 90, 95, 101])).toBe(3);
    // A run made only of bars at the peak is no drawdown.
    expect(maxDrawdownDuration([100, 100, 100])).toBe(0);
  });

  it('counts to the end when the drawdown is not recovered', () => {
    expect(maxDrawdownDuration([100, 120, 110, 115, 119])).toBe(3);
  });

  it('is 0 for flat equity and one bar, and n − 1 when equity only falls', () => {
    expect(maxDrawdownDuration(FLAT_EQUITY)).toBe(0);
    expect(maxDrawdownDuration(ONE_BAR_EQUITY)).toBe(0);
    expect(maxDrawdownDuration(HALVING_EQUITY)).toBe(HALVING_EQUITY.length - 1);
    expect(maxDrawdownDuration(FALLING_EQUITY)).toBe(FALLING_EQUITY.length - 1);
  });
});
