import { invalidArgumentOf } from '../../testing/error-of';
import { FLAT_EQUITY, GOLDEN_RETURNS, HALVING_EQUITY, ONE_BAR_EQUITY } from '../../testing/risk-fixtures';
import { equityReturns } from '../returns/returns';
import { conditionalValueAtRisk, selectInPlace, tailProbability, valueAtRisk } from './tail-risk';

// Seven returns; sorted: −0.05, −0.02, −0.01, 0.01, 0.02, 0.03, 0.04 (indices 0 … 6).
const SEVEN = [0.03, -0.02, 0.01, -0.05, 0.04, -0.01, 0.02];

describe('valueAtRisk', () => {
  it('interpolates linearly between order statistics, as numpy.percentile', () => {
    // 95%: p = 0.05 × (7 − 1) = 0.3 → x[0] + 0.3 × (x[1] − x[0]) = −0.05 + 0.3 × 0.03 = −0.041
    // (numpy.percentile(SEVEN, 5) = −0.041)
    expect(valueAtRisk(SEVEN)).toBeCloseTo(-0.041, 14);
    expect(valueAtRisk(SEVEN, 0.95)).toBeCloseTo(-0.041, 14);
    // 90%: p = 0.1 × 6 = 0.6 → −0.05 + 0.6 × 0.03 = −0.032 (numpy.percentile(SEVEN, 10) = −0.032)
    expect(valueAtRisk(SEVEN, 0.9)).toBeCloseTo(-0.032, 14);
    // 75%: p = 0.25 × 6 = 1.5 → x[1] + 0.5 × (x[2] − x[1]) = −0.02 + 0.5 × 0.01 = −0.015 (numpy: −0.015)
    expect(valueAtRisk(SEVEN, 0.75)).toBeCloseTo(-0.015, 14);
  });

  it('lands on an order statistic without interpolating when the position is whole', () => {
    // 50%: p = 0.5 × 6 = 3 → x[3] = 0.01, the median (numpy.percentile(SEVEN, 50) = 0.01)
    expect(valueAtRisk(SEVEN, 0.5)).toBe(0.01);
    // 21 returns at 95%: p = 0.05 × 20 = 1 exactly (thanks to 1 − 0.95 rounding to 0.05) → x[1] = −9
    const twentyOne = Array.from({ length: 21 }, (_, i) => i - 10);
    expect(valueAtRisk(twentyOne)).toBe(-9);
  });

  it('works on the golden returns', () => {
    // sorted −0.1, 0.1, 0.1, 0.2; p = 0.05 × 3 = 0.15 → −0.1 + 0.15 × (0.1 − (−0.1)) = −0.1 + 0.03 = −0.07
    expect(valueAtRisk(GOLDEN_RETURNS)).toBeCloseTo(-0.07, 14);
  });

  it('is 0 for flat equity and for one bar (no loss observed), and the return itself for one return', () => {
    expect(valueAtRisk(equityReturns(FLAT_EQUITY))).toBe(0);
    expect(valueAtRisk(equityReturns(ONE_BAR_EQUITY))).toBe(0);
    expect(valueAtRisk([-0.03])).toBe(-0.03);
  });

  it('is the common loss when every return is the same loss', () => {
    expect(valueAtRisk(equityReturns(HALVING_EQUITY))).toBe(-0.5);
  });

  it('leaves the returns as they were, and uses the scratch buffer it is given', () => {
    const returns = Float64Array.from(SEVEN);
    const scratch = new Float64Array(10);
    expect(valueAtRisk(returns, 0.95, scratch)).toBeCloseTo(-0.041, 14);
    expect(Array.from(returns)).toEqual(SEVEN);
    expect(scratch[0]).toBe(-0.05); // the smallest, placed first by the selection
  });

  it('refuses a confidence outside (0, 1) and a short scratch buffer', () => {
    expect(invalidArgumentOf(() => valueAtRisk(SEVEN, 1)).message).toBe(
      'valueAtRisk: confidence must be a number strictly between 0 and 1 (got 1)',
    );
    expect(invalidArgumentOf(() => valueAtRisk(SEVEN, 95)).details?.violations?.[0]?.field).toBe(
      'confidence',
    );
    expect(invalidArgumentOf(() => valueAtRisk(SEVEN, 0.95, new Float64Array(6))).message).toBe(
      'valueAtRisk: scratch must have room for 7 returns (got 6)',
    );
  });
});

describe('conditionalValueAtRisk', () => {
  it('is the mean of the returns at or below the VaR', () => {
    // 95%: VaR −0.041; only −0.05 ≤ −0.041 → CVaR −0.05
    expect(conditionalValueAtRisk(SEVEN)).toBeCloseTo(-0.05, 14);
    // 75%: VaR −0.015; −0.05 and −0.02 are ≤ it → (−0.05 − 0.02) / 2 = −0.035
    expect(conditionalValueAtRisk(SEVEN, 0.75)).toBeCloseTo(-0.035, 14);
    // 50%: VaR 0.01 (whole position); −0.05, −0.02, −0.01, 0.01 → −0.07 / 4 = −0.0175
    expect(conditionalValueAtRisk(SEVEN, 0.5)).toBeCloseTo(-0.0175, 14);
    // golden returns: VaR −0.07; only −0.1 → −0.1
    expect(conditionalValueAtRisk(GOLDEN_RETURNS)).toBeCloseTo(-0.1, 14);
  });

  it('counts every copy of a value tied with the VaR', () => {
    // sorted −0.02, −0.01, −0.01, −0.01, 0.05; 50%: p = 2 → VaR −0.01; four returns ≤ −0.01: −0.05 / 4 = −0.0125
    expect(conditionalValueAtRisk([-0.01, 0.05, -0.01, -0.02, -0.01], 0.5)).toBeCloseTo(-0.0125, 14);
    // 95%: p = 0.05 × 4 = 0.2 → −0.02 + 0.2 × 0.01 = −0.018; only −0.02 ≤ it
    expect(conditionalValueAtRisk([-0.01, 0.05, -0.01, -0.02, -0.01])).toBeCloseTo(-0.02, 14);
  });

  it('is 0 for flat equity and one bar, and the common loss when every return is the same loss', () => {
    expect(conditionalValueAtRisk(equityReturns(FLAT_EQUITY))).toBe(0);
    expect(conditionalValueAtRisk(equityReturns(ONE_BAR_EQUITY))).toBe(0);
    expect(conditionalValueAtRisk([-0.03])).toBe(-0.03);
    expect(conditionalValueAtRisk(equityReturns(HALVING_EQUITY))).toBe(-0.5);
  });
});

describe('tailProbability', () => {
  it('turns 0.95 into exactly 0.05, not 0.050000000000000044', () => {
    expect(1 - 0.95).not.toBe(0.05);
    expect(tailProbability(0.95)).toBe(0.05);
    expect(tailProbability(0.99)).toBe(0.01);
  });
});

describe('selectInPlace', () => {
  it('finds every order statistic and partitions around it', () => {
    const sorted = [...SEVEN].sort((a, b) => a - b);
    sorted.forEach((expected, k) => {
      const values = Float64Array.from(SEVEN);
      expect(selectInPlace(values, values.length, k)).toBe(expected);
      expect(values[k]).toBe(expected);
      for (let i = 0; i < k; i++) expect(values[i]).toBeLessThanOrEqual(expected);
      for (let i = k + 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(expected);
    });
  });

  it('looks only at the first `length` elements', () => {
    expect(selectInPlace(Float64Array.from([3, 1, 2, -100]), 3, 0)).toBe(1);
  });
});
