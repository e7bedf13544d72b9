import { invalidArgumentOf } from '../../testing/error-of';
import {
  FALLING_EQUITY,
  FLAT_EQUITY,
  GOLDEN_EQUITY,
  GOLDEN_RETURNS,
  HALVING_EQUITY,
  ONE_BAR_EQUITY,
} from '../../testing/risk-fixtures';
import { annualReturn, annualVolatility, equityReturns, totalReturn } from './returns';

describe('equityReturns', () => {
  it('gives the n − 1 simple returns of the golden curve', () => {
    // 110/100 − 1 = 0.1; 99/110 − 1 = −0.1; 108.9/99 − 1 = 0.1; 130.68/108.9 − 1 = 0.2
    const returns = equityReturns(GOLDEN_EQUITY);
    expect(returns).toBeInstanceOf(Float64Array);
    expect(returns).toHaveLength(4);
    GOLDEN_RETURNS.forEach((expected, t) => expect(returns[t]).toBeCloseTo(expected, 14));
  });

  it('writes into the buffer it is given, or a view of its start when the buffer is longer', () => {
    const exact = new Float64Array(4);
    expect(equityReturns(GOLDEN_EQUITY, exact)).toBe(exact);
    const longer = new Float64Array(10).fill(7);
    const view = equityReturns(GOLDEN_EQUITY, longer);
    expect(view).toHaveLength(4);
    expect(view.buffer).toBe(longer.buffer);
    expect(longer[3]).toBeCloseTo(0.2, 14);
    expect(longer[4]).toBe(7); // untouched beyond n − 1
  });

  it('gives zeros for flat equity, nothing for one bar, and −0.5s for halving equity', () => {
    expect(Array.from(equityReturns(FLAT_EQUITY))).toEqual([0, 0, 0]);
    expect(equityReturns(ONE_BAR_EQUITY)).toHaveLength(0);
    // 50/100 − 1 = 25/50 − 1 = … = −0.5, exactly (powers of two)
    expect(Array.from(equityReturns(HALVING_EQUITY))).toEqual([-0.5, -0.5, -0.5, -0.5]);
  });

  it('refuses a buffer too short for the returns', () => {
    expect(() => equityReturns(GOLDEN_EQUITY, new Float64Array(3))).toThrow(
      'equityReturns: out must have room for 4 returns (got 3)',
    );
  });
});

describe('totalReturn', () => {
  it('is last / first − 1', () => {
    // 130.68 / 100 − 1 = 0.3068
    expect(totalReturn(GOLDEN_EQUITY)).toBeCloseTo(0.3068, 14);
    // 36 / 100 − 1 = −0.64
    expect(totalReturn(FALLING_EQUITY)).toBeCloseTo(-0.64, 14);
  });

  it('is 0 for flat equity and for one bar', () => {
    expect(totalReturn(FLAT_EQUITY)).toBe(0);
    expect(totalReturn(ONE_BAR_EQUITY)).toBe(0);
  });

  it('is −0.9375 for equity halving four times', () => {
    // 6.25 / 100 − 1 = 0.0625 − 1
    expect(totalReturn(HALVING_EQUITY)).toBe(-0.9375);
  });
});

describe('annualReturn', () => {
  it('compounds over periodsPerYear / n, n counting equity POINTS', () => {
    // n = 5 points, periodsPerYear = 10: (130.68/100)^(10/5) − 1 = 1.3068² − 1 = 1.70772624 − 1 = 0.70772624
    expect(annualReturn(GOLDEN_EQUITY, 10)).toBeCloseTo(0.70772624, 12);
    // periodsPerYear = 5 = n: one "year" of points, so the annual return is the total return, 0.3068.
    expect(annualReturn(GOLDEN_EQUITY, 5)).toBeCloseTo(0.3068, 12);
    // Not n − 1: with 4 the exponent would be 10/4 and the result 1.3068^2.5 − 1 ≈ 0.9523, not 0.7077.
    expect(annualReturn(GOLDEN_EQUITY, 10)).not.toBeCloseTo(1.3068 ** 2.5 - 1, 2);
  });

  it('is 0 for flat equity and for one bar', () => {
    expect(annualReturn(FLAT_EQUITY, 252)).toBe(0);
    // (100/100)^(252/1) − 1 = 0
    expect(annualReturn(ONE_BAR_EQUITY, 252)).toBe(0);
  });

  it('is negative when equity only falls', () => {
    // n = 5, periodsPerYear = 5: 0.0625^1 − 1 = −0.9375
    expect(annualReturn(HALVING_EQUITY, 5)).toBe(-0.9375);
    // n = 4, periodsPerYear = 2: 0.36^(2/4) − 1 = 0.6 − 1 = −0.4
    expect(annualReturn(FALLING_EQUITY, 2)).toBeCloseTo(-0.4, 14);
  });

  it('refuses a periodsPerYear that is not above 0', () => {
    expect(() => annualReturn(GOLDEN_EQUITY, 0)).toThrow(
      'annualReturn: periodsPerYear must be a finite number above 0 (got 0)',
    );
  });
});

describe('annualVolatility', () => {
  it('is the ddof-1 standard deviation times √periodsPerYear', () => {
    // mean = (0.1 − 0.1 + 0.1 + 0.2) / 4 = 0.075
    // deviations 0.025, −0.175, 0.025, 0.125; squares 0.000625 + 0.030625 + 0.000625 + 0.015625 = 0.0475
    // variance = 0.0475 / (4 − 1) = 0.0158333…; std = 0.1258305739…; × √4 = 0.2516611478…
    expect(annualVolatility(GOLDEN_RETURNS, 4)).toBeCloseTo(0.2516611478423583, 12);
    // ddof 0 would give √(0.0475/4) × 2 = 0.2179…, which this is not.
    expect(annualVolatility(GOLDEN_RETURNS, 4)).not.toBeCloseTo(Math.sqrt(0.0475 / 4) * 2, 3);
  });

  it('is 0 for flat returns, for constant negative returns, and with fewer than two returns', () => {
    expect(annualVolatility(equityReturns(FLAT_EQUITY), 252)).toBe(0);
    expect(annualVolatility(equityReturns(HALVING_EQUITY), 252)).toBe(0);
    expect(annualVolatility([0.05], 252)).toBe(0);
    expect(annualVolatility([], 252)).toBe(0);
  });

  it('is positive for falling equity with varying losses', () => {
    // returns −0.1, −0.2, −0.5: mean −0.8/3 = −0.2666…; squares of deviations 0.02777… + 0.00444… + 0.05444… = 0.08666…
    // variance 0.08666…/2 = 0.04333…; std 0.2081665999…; × √1
    expect(annualVolatility(equityReturns(FALLING_EQUITY), 1)).toBeCloseTo(0.2081665999466133, 12);
  });

  it('refuses a return that is not finite', () => {
    const error = invalidArgumentOf(() => annualVolatility([0.1, Number.NaN], 252));
    expect(error.details?.violations).toEqual([
      { field: 'returns[1]', rule: 'must be a finite number (got NaN)' },
    ]);
  });
});
